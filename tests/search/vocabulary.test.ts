import { expect, it } from 'vitest';
import type { PageSignal } from '../../src/search/ranking/rank.ts';
import { packSignals, rankWords, takeWords, unpackSignals, vocabularyWords } from '../../src/search/ranking/vocabulary.ts';

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
  expect(takeWords(ranked, 500, ['en_abc'])).toMatchObject({ words: ranked, complete: true, resources: ['en_abc'] });
  expect(takeWords(ranked, 40, [])).toMatchObject({ words: ranked.slice(0, 40), complete: false });
});

it('packs page signals so each stem ships once, and ranking reads back exactly what the build found', () => {
  const pages: Record<string, PageSignal> = {
    en_a: { kind: 'lesson', order: 2, introduced: 'volum bind exec+form', title: 'data network', description: 'keep data volum' },
    en_b: { kind: 'concept', order: 1, introduced: 'volum namespac' },
    en_c: { kind: 'reference', order: 0, introduced: '' },
  };
  const packed = packSignals(pages);
  // In course order; the stem two pages introduce comes first and is written once.
  expect(packed).toMatchObject({ ids: 'en_c en_b en_a', kinds: 'rcl' });
  expect(packed.stems[0]).toBe('volum');
  expect(JSON.stringify(packed).match(/volum/g)).toHaveLength(1);
  const unpacked = unpackSignals(packed);
  for (const [id, page] of Object.entries(pages)) {
    expect(unpacked[id]).toMatchObject({ kind: page.kind, order: page.order });
    // Stems are a set: they come back in any order.
    const stems = (list: string | undefined) => (list ?? '').split(' ').filter(Boolean).sort();
    for (const column of ['introduced', 'title', 'description'] as const) expect(stems(unpacked[id]![column])).toEqual(stems(page[column]));
  }
  expect(unpackSignals(undefined)).toEqual({});
});

it('packs many stems into short gaps: a page with forty stems ships small numbers', () => {
  const many = Array.from({ length: 40 }, (_, i) => `stem${i}`).join(' ');
  const packed = packSignals({ en_a: { kind: 'lesson', order: 0, introduced: many } });
  expect(packed.introduced[0]).toBe(['0', ...Array(39).fill('1')].join(' '));
  expect(unpackSignals(packed).en_a!.introduced.split(' ').sort()).toEqual(many.split(' ').sort());
});
