import { expect, it } from 'vitest';
import { fitVocabulary, rankWords, vocabularyWords } from '../../src/search/ranking/vocabulary.ts';

it('takes the words a reader could mistype: lower case, hyphenated words whole and by part, no flags or numbers', () => {
  expect(vocabularyWords('Run `docker run -v data:/data` for a Multi-stage build on port 8080; see Hyper-V.')).toEqual([
    'run',
    'docker',
    'run',
    'data',
    'data',
    'for',
    'multi-stage',
    'multi',
    'stage',
    'build',
    'port',
    'see',
    'hyper-v',
    'hyper',
  ]);
});

it('ranks words by how often the site uses them, ties alphabetically so builds are reproducible', () => {
  expect(rankWords(['network network volume', 'volume network cgroup', 'bridge'])).toEqual(['network', 'volume', 'bridge', 'cgroup']);
});

it('keeps the most frequent words within a byte budget and says when rare ones were cut', () => {
  const ranked = Array.from({ length: 500 }, (_, i) => `word${String(i).padStart(3, '0')}`);
  const all = fitVocabulary(ranked, ['en_abc'], 100_000);
  expect(all).toEqual({ words: ranked, complete: true, resources: ['en_abc'], pages: {} });
  // Page signals are shipped whole and count against the budget: the words make room for them.
  const pages = { en_page: { kind: 'lesson' as const, order: 0, introduced: 'x'.repeat(300) } };
  const cut = fitVocabulary(ranked, [], 1_000, pages);
  expect(cut.pages).toEqual(pages);
  expect(cut.complete).toBe(false);
  expect(cut.words).toEqual(ranked.slice(0, cut.words.length));
  expect(JSON.stringify(cut).length).toBeLessThanOrEqual(1_000);
  expect(cut.words.length).toBeGreaterThan(30);
});
