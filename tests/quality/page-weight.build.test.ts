import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkPageWeights,
  DOC_PAGE_BUDGET,
  formatWeight,
  KNOWLEDGE_CHECK_PAGE_JS_BUDGET,
  overBudget,
  pageWeight,
  searchFilesInFirstView,
  type PageWeight,
  type PageWeightGate,
} from '../../scripts/quality/page-weight.ts';
import { realSite } from './sites.ts';

describe('page-weight gate on a deliberately heavy page', () => {
  const dist = path.resolve('tests/fixtures/dist/broken-weight');
  let weight: PageWeight;
  beforeAll(async () => {
    weight = await pageWeight(dist, '/', '/');
  });

  it('counts the HTML, its stylesheets and scripts and their static imports, each once, gzipped', () => {
    expect(weight.transfers.map((t) => [t.url, t.kind])).toEqual([
      ['/', 'html'],
      ['/_astro/site.css', 'css'],
      ['/_astro/entry.js', 'js'],
      ['/_astro/chunk.js', 'js'],
      ['/pagefind/pagefind.js', 'js'],
    ]);
    const gzip = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length;
    expect(weight.html).toBe(gzip('index.html'));
    expect(weight.css).toBe(gzip('_astro/site.css'));
    expect(weight.js).toBe(gzip('_astro/entry.js') + gzip('_astro/chunk.js') + gzip('pagefind/pagefind.js'));
    expect(weight.total).toBe(weight.html + weight.css + weight.js);
  });

  it('fails the budget and names the search code loaded before search opens', () => {
    expect(overBudget(weight, { total: weight.total, js: weight.js - 1 })).toEqual([
      `first view is ${weight.total} bytes gzip, budget is under ${weight.total}`,
      expect.stringMatching(
        /^JavaScript is \d+ bytes gzip, budget is under \d+ \(\/_astro\/entry\.js \d+, \/_astro\/chunk\.js \d+, \/pagefind\/pagefind\.js \d+\)$/,
      ),
    ]);
    expect(overBudget(weight, { total: weight.total + 1, js: weight.js + 1 })).toEqual([]);
    expect(searchFilesInFirstView(weight)).toEqual(['/pagefind/pagefind.js']);
  });

  it('says which page loads a file that is not in the build', async () => {
    await expect(pageWeight(path.resolve('tests/fixtures/dist/broken-links/root'), '/', '/')).resolves.toBeDefined();
    await expect(pageWeight(dist, '/missing/', '/')).rejects.toThrow('the page list loads /missing/, which is not in the build');
  });

  it('fails the whole-build gate with the file that loads search code up front', async () => {
    const gate = await checkPageWeights(dist, '/');
    expect(gate.problems).toEqual(['index.html: loads search code before search opens: /pagefind/pagefind.js']);
    expect(gate.typical?.sitePath).toBe('/');
  });
});

describe('page-weight gate on a site whose knowledge-check code loads on every page', () => {
  it('names a page with a check that loads no script of its own', async () => {
    const gate = await checkPageWeights(path.resolve('tests/fixtures/dist/quiz-everywhere'), '/');
    expect(gate.weights.map((w) => [w.sitePath, w.knowledgeCheck])).toEqual([
      ['/lesson/', true],
      ['/reference/', false],
    ]);
    expect(gate.problems).toEqual([
      expect.stringMatching(/^lesson\/index\.html: has a knowledge check but loads no script beyond what every page without one loads/),
    ]);
  });
});

describe('page-weight budgets of the real site', () => {
  let gate: PageWeightGate;
  beforeAll(async () => {
    gate = await checkPageWeights(realSite().outDir, '/');
    console.log(['First view, gzip (HTML + CSS + JS):', ...gate.weights.map((w) => `  ${formatWeight(w)}`)].join('\n'));
  });

  it('weighs every page', () => {
    expect(gate.weights.map((w) => w.sitePath)).toContain('/resources/');
    expect(gate.weights.length).toBeGreaterThan(10);
  });

  it('keeps a typical doc page under 16 KB with under 2 KB of JavaScript on every doc page, the Learning resources page under 30 KB, and search code out of the first view', () => {
    console.log(`Typical doc page: ${formatWeight(gate.typical!)}`);
    expect(gate.problems).toEqual([]);
  });

  it('keeps the JavaScript of a page without a knowledge check, course progress included, under 2 KB, and of a page with one under 3 KB', () => {
    const { withoutCheck, withCheck } = gate.heaviestJs;
    console.log(
      `JavaScript gzip, heaviest page without a knowledge check: ${withoutCheck!.js} B (${withoutCheck!.sitePath}); with one: ${withCheck!.js} B (${withCheck!.sitePath})`,
    );
    expect(withoutCheck!.js).toBeLessThan(DOC_PAGE_BUDGET.js);
    expect(withCheck!.js).toBeLessThan(KNOWLEDGE_CHECK_PAGE_JS_BUDGET);
    expect(withCheck!.js).toBeGreaterThan(withoutCheck!.js); // the check's own script, which only it loads
    expect(gate.weights.filter((w) => w.knowledgeCheck).map((w) => w.sitePath)).toEqual(
      expect.arrayContaining(['/concepts/containers/', '/hands-on/compose/']),
    );
    expect(gate.weights.find((w) => w.sitePath === '/reference/glossary/')?.knowledgeCheck).toBe(false);
  });
});
