import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { listPages } from '../../scripts/quality/dist.ts';
import { formatWeight, overBudget, pageWeight, searchFilesInFirstView, type PageWeight } from '../../scripts/quality/page-weight.ts';
import { realSite } from './sites.ts';

/** Budgets from the issue, in bytes of gzip (1 KB = 1024 bytes). */
const DOC_PAGE_BUDGET = { total: 16 * 1024, js: 2 * 1024 };
const RESOURCES_PAGE_BUDGET = { total: 30 * 1024 };

describe('page-weight gate on a deliberately heavy page', () => {
  const dist = path.resolve('tests/fixtures/broken-weight');
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
      `/: first view is ${weight.total} bytes gzip, budget is under ${weight.total}`,
      expect.stringMatching(/^\/: JavaScript is \d+ bytes gzip, budget is under \d+ \(\/_astro\/entry\.js \d+, \/_astro\/chunk\.js \d+, \/pagefind\/pagefind\.js \d+\)$/),
    ]);
    expect(overBudget(weight, { total: weight.total + 1, js: weight.js + 1 })).toEqual([]);
    expect(searchFilesInFirstView(weight)).toEqual(['/pagefind/pagefind.js']);
  });

  it('says which page loads a file that is not in the build', async () => {
    await expect(pageWeight(path.resolve('tests/fixtures/broken-links/root'), '/', '/')).resolves.toBeDefined();
    await expect(pageWeight(dist, '/missing/', '/')).rejects.toThrow('the page list loads /missing/, which is not in the build');
  });
});

describe('page-weight budgets of the real site', () => {
  let docPages: PageWeight[];
  let resources: PageWeight;
  beforeAll(async () => {
    const { outDir } = realSite();
    const weights = await Promise.all(listPages(outDir).map((page) => pageWeight(outDir, page.sitePath, '/')));
    docPages = weights.filter((w) => w.sitePath !== '/resources/' && w.sitePath !== '/404.html');
    resources = weights.find((w) => w.sitePath === '/resources/')!;
    console.log(['First view, gzip (HTML + CSS + JS):', ...weights.map((w) => `  ${formatWeight(w)}`)].join('\n'));
  });

  it('keeps a typical doc page under 16 KB with under 2 KB of JavaScript', () => {
    // Typical: the median doc page by first-view weight.
    const sorted = [...docPages].sort((a, b) => a.total - b.total);
    const typical = sorted[Math.floor((sorted.length - 1) / 2)]!;
    console.log(`Typical doc page: ${formatWeight(typical)}; heaviest: ${formatWeight(sorted.at(-1)!)}`);
    expect(overBudget(typical, DOC_PAGE_BUDGET)).toEqual([]);
    // The scripts are the same on every page: none may exceed the JavaScript budget.
    expect(docPages.flatMap((w) => overBudget(w, { total: Infinity, js: DOC_PAGE_BUDGET.js }))).toEqual([]);
  });

  it('keeps the Learning resources page under 30 KB', () => {
    expect(overBudget(resources, RESOURCES_PAGE_BUDGET)).toEqual([]);
  });

  it('loads no search code or index before search opens', () => {
    expect([...docPages, resources].flatMap(searchFilesInFirstView)).toEqual([]);
  });
});
