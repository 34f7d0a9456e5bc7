import { describe, expect, it } from 'vitest';
import { DOC_PAGE_BUDGET, KNOWLEDGE_CHECK_PAGE_JS_BUDGET, overBudget, pageBudget, RESOURCES_PAGE_BUDGET } from '../../scripts/quality/page-weight.ts';

describe('pageBudget: what one page is held to (the gate and the pull-request summary alike)', () => {
  const weight = { sitePath: '/hands-on/limits/', html: 9000, css: 3000, js: 2460, total: 14460, transfers: [], knowledgeCheck: true };

  it('gives a page with a knowledge check the larger JavaScript budget, and only such a page', () => {
    expect(pageBudget(weight)).toEqual({ ...DOC_PAGE_BUDGET, js: KNOWLEDGE_CHECK_PAGE_JS_BUDGET });
    expect(overBudget(weight, pageBudget(weight)!)).toEqual([]);
    const plain = { ...weight, knowledgeCheck: false };
    expect(pageBudget(plain)).toEqual(DOC_PAGE_BUDGET);
    expect(overBudget(plain, pageBudget(plain)!)).toEqual([expect.stringMatching(/^JavaScript is 2460 bytes gzip, budget is under 2048/)]);
  });

  it('holds the resources list to its own budget and the 404 page to none', () => {
    expect(pageBudget({ sitePath: '/resources/', knowledgeCheck: false })).toBe(RESOURCES_PAGE_BUDGET);
    expect(pageBudget({ sitePath: '/404.html', knowledgeCheck: false })).toBeUndefined();
  });
});
