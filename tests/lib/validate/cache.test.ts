import { describe, expect, it } from 'vitest';
import { validateDocuments, type FactsCache } from '../../../src/lib/validate/index.ts';
import { frontmatter } from './helpers.ts';

const options = (cache: FactsCache) => ({ base: '/', production: false, fileExists: () => true, display: (f: string) => f, cache });
const docs = (pages: Record<string, string>) => Object.entries(pages).map(([file, source]) => ({ file, source }));

describe('validateDocuments with a facts cache (dev server re-checks)', () => {
  it('re-parses only changed files and sees their new headings', () => {
    const cache: FactsCache = new Map();
    const linking = `${frontmatter()}\n[x](./target.md#new-section)\n`;
    const before = validateDocuments(docs({ 'index.md': linking, 'target.md': `${frontmatter()}\n## Old section\n` }), options(cache));
    expect(before.map((p) => p.message)).toEqual([expect.stringContaining('points to #new-section')]);
    const indexFacts = cache.get('index.md')!.facts;

    const after = validateDocuments(docs({ 'index.md': linking, 'target.md': `${frontmatter()}\n## New section\n` }), options(cache));
    expect(after).toEqual([]);
    expect(cache.get('index.md')!.facts).toBe(indexFacts); // unchanged: not parsed again
  });

  it('forgets deleted files, so links to them are reported again', () => {
    const cache: FactsCache = new Map();
    validateDocuments(docs({ 'index.md': `${frontmatter()}\n[x](./gone.md)\n`, 'gone.md': frontmatter() }), options(cache));
    const problems = validateDocuments(docs({ 'index.md': `${frontmatter()}\n[x](./gone.md)\n` }), options(cache));
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('which does not exist')]);
    expect([...cache.keys()]).toEqual(['index.md']);
  });
});
