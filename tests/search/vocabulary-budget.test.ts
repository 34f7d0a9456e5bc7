import { describe, expect, it } from 'vitest';
import { fitToGzipBudget } from '../../src/search/build/pagefind-integration.ts';
import type { PageSignal } from '../../src/search/ranking/rank.ts';
import { packSignals, takeWords, unpackSignals } from '../../src/search/ranking/vocabulary.ts';
import { gzipSync } from 'node:zlib';

// Distinct made-up words, so gzip cannot shrink them to nothing.
const words = Array.from({ length: 5000 }, (_, i) => `word${i.toString(36)}x${((i * 7919) % 10007).toString(36)}`);

describe('the search vocabulary within its gzip budget', () => {
  it('keeps the most frequent words that fit', () => {
    const { vocabulary, gzipBytes } = fitToGzipBudget(words, [], {}, 4096);
    expect(gzipBytes).toBeLessThanOrEqual(4096);
    expect(vocabulary.complete).toBe(false);
    expect(vocabulary.words.length).toBeGreaterThan(100);
    expect(vocabulary.words).toEqual(words.slice(0, vocabulary.words.length));
  });

  it('spends the gzip budget on words when the page signals are large but compress well (a 200-page course)', () => {
    // Pages of one course introduce much the same terms: 200 KB of JSON, a few KB of gzip.
    const pages: Record<string, PageSignal> = {};
    const shared = Array.from({ length: 150 }, (_, i) => `stem${i}`).join(' ');
    for (let i = 0; i < 1000; i++) pages[`page${i}`] = { kind: 'lesson', order: i, introduced: shared };
    expect(JSON.stringify(pages).length).toBeGreaterThan(24 * 1024 * 3);
    const { vocabulary, gzipBytes } = fitToGzipBudget(words, [], pages, 24 * 1024);
    expect(gzipBytes).toBeLessThanOrEqual(24 * 1024);
    // Nearly all the budget went to words: one more would not fit.
    expect(vocabulary.words.length).toBeGreaterThan(1000);
    const oneMore = takeWords(words, vocabulary.words.length + 1, [], packSignals(pages));
    expect(gzipSync(JSON.stringify(oneMore)).length).toBeGreaterThan(24 * 1024);
  });

  it('ends with no words, and says how big it is, when the page signals alone are over the budget (a 1,000-page course)', () => {
    const pages: Record<string, PageSignal> = {};
    for (let i = 0; i < 1000; i++) pages[`page${i}`] = { kind: 'lesson', order: i, introduced: `term${i} flag${i * 31} heading${i * 17}` };
    const { vocabulary, gzipBytes } = fitToGzipBudget(words, [], pages, 2048);
    expect(vocabulary.words).toEqual([]);
    expect(Object.keys(unpackSignals(vocabulary.signals))).toHaveLength(1000);
    expect(gzipBytes).toBeGreaterThan(2048);
  });

  it('leaves the descriptions out before it overruns the budget, and keeps them when they fit', () => {
    const pages: Record<string, PageSignal> = {};
    for (let i = 0; i < 300; i++)
      pages[`page${i}`] = { kind: 'lesson', order: i, introduced: `term${i}`, description: `summary${i} about${i * 7} topic${i * 13}` };
    const withDescriptions = gzipSync(JSON.stringify(takeWords([], 0, [], packSignals(pages)))).length;
    const small = fitToGzipBudget(words, [], pages, withDescriptions - 200);
    expect(small.gzipBytes).toBeLessThanOrEqual(withDescriptions - 200);
    expect(unpackSignals(small.vocabulary.signals).page7).toMatchObject({ introduced: 'term7', description: '' });
    const roomy = fitToGzipBudget(words, [], pages, withDescriptions + 200);
    expect(unpackSignals(roomy.vocabulary.signals).page7!.description!.split(' ').sort()).toEqual(['about49', 'summary7', 'topic91']);
  });
});
