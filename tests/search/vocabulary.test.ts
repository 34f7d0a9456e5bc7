import { expect, it } from 'vitest';
import { rankWords, takeWords, vocabularyWords } from '../../src/search/ranking/vocabulary.ts';

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

it('takes the most frequent words and says when rare ones were left out', () => {
  const ranked = Array.from({ length: 500 }, (_, i) => `word${String(i).padStart(3, '0')}`);
  expect(takeWords(ranked, 500, ['en_abc'])).toEqual({ words: ranked, complete: true, resources: ['en_abc'], pages: {} });
  const pages = { en_page: { kind: 'lesson' as const, order: 0, introduced: 'volum' } };
  expect(takeWords(ranked, 40, [], pages)).toEqual({ words: ranked.slice(0, 40), complete: false, resources: [], pages });
});
