import { describe, expect, it } from 'vitest';
import { answer, type LoadedSearch } from '../../src/search/browser/engine.ts';
import type { PagefindModule, PagefindResult } from '../../src/search/browser/pagefind-types.ts';
import { planQuery } from '../../src/search/browser/query.ts';
import { createWordIndex } from '../../src/search/browser/suggest.ts';
import type { PageSignal } from '../../src/search/ranking/rank.ts';

/** A stand-in for pagefind.js over a few pages: a word (or "quoted" word) finds the pages that hold it. */
function fakePagefind(pages: Record<string, string[]>): PagefindModule {
  const search = async (term: string) => {
    const word = term.replace(/"/g, '').toLowerCase();
    const results: PagefindResult[] = Object.entries(pages).flatMap(([id, words]) => {
      const at = words.flatMap((w, i) => (w === word || (!term.startsWith('"') && w.startsWith(word)) ? [i] : []));
      return at.length > 0 ? [{ id, score: at.length, words: at, data: async () => ({ url: `/${id}/`, excerpt: '', meta: {} }) }] : [];
    });
    return { results };
  };
  return { options: async () => {}, init: async () => {}, preload: async () => {}, search, debouncedSearch: search };
}

describe('answer: a learner word finds the page that uses the course word for it', () => {
  const pagefind = fakePagefind({
    limits: ['limit', 'the', 'memory', 'of', 'a', 'container'],
    vms: ['a', 'vm', 'has', 'its', 'own', 'ram', 'and', 'disk'],
    other: ['container', 'logs'],
  });
  const signals: Record<string, PageSignal> = {
    limits: { kind: 'lesson', order: 2, introduced: 'memori limit' },
    vms: { kind: 'concept', order: 0, introduced: '' },
    other: { kind: 'lesson', order: 1, introduced: '' },
  };
  const words = createWordIndex(['limit', 'memory', 'container', 'ram', 'logs', 'disk']);
  const loaded: LoadedSearch = { pagefind, words, complete: true, resources: new Set(), pages: signals };

  it('lists the memory lesson for "ram", which only the VM page says, and puts it first with "limit"', async () => {
    const ram = await answer(loaded, planQuery('ram', words), 0);
    expect(ram!.results.map((result) => result.id).sort()).toEqual(['limits', 'vms']);
    const limitRam = await answer(loaded, planQuery('limit ram', words), 0);
    expect(limitRam!.results[0]!.id).toBe('limits');
  });

  it('finds the page that says "computer" for "laptop", a word no page has', async () => {
    const computer = fakePagefind({ mounts: ['a', 'folder', 'from', 'your', 'computer'], other: ['a', 'folder'] });
    const signalsOf = { mounts: signals.limits!, other: signals.other! };
    const vocabulary = createWordIndex(['folder', 'from', 'your', 'computer']);
    const found = await answer({ ...loaded, pagefind: computer, words: vocabulary, pages: signalsOf }, planQuery('folder laptop', vocabulary), 0);
    expect(found!.results[0]!.id).toBe('mounts');
  });

  it('searches a synonym-backed word no page has ("shrink") instead of setting it aside', async () => {
    const plan = planQuery('shrink', words);
    expect(plan.unknown).toEqual([]);
    expect(plan.terms).toEqual(['shrink']);
  });
});
