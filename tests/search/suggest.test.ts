import { describe, expect, it } from 'vitest';
import { createWordIndex, isTransposition, maxEdits } from '../../src/search/browser/suggest.ts';

// Most frequent first, as the build writes them.
const words = createWordIndex([
  'container',
  'network',
  'namespace',
  'namespaces',
  'networking',
  'hypervisor',
  'net',
  'volume',
  'dockerfile',
  'kernel',
  'kennel',
]);

describe('knows', () => {
  it('accepts indexed words, words still being typed, and inflections Pagefind finds by stem', () => {
    for (const word of ['network', 'Network', 'netw', 'dockerf', 'volumes', 'containers', 'hypervisors']) expect(words.knows(word), word).toBe(true);
  });

  it('rejects a mid-word typo even when an unrelated shorter word starts it ("netwrok" → "net")', () => {
    for (const word of ['netwrok', 'namspace', 'hypervisr', 'kernal']) expect(words.knows(word), word).toBe(false);
  });

  it('rejects a typo whose stem only starts an indexed stem ("enviroment": "enviro" starts "environ")', () => {
    const index = createWordIndex(['environment', 'variables']);
    expect(index.knows('enviroment')).toBe(false);
    expect(index.correct('enviroment')).toBe('environment');
    expect(index.knows('environments')).toBe(true);
  });
});

describe('suggest', () => {
  it('offers the nearest words, fewest edits first', () => {
    expect(words.suggest('netwrok')[0]).toBe('network');
    expect(words.suggest('hypervisr')).toEqual(['hypervisor']);
  });

  it('breaks a tie in edits by frequency: the more common word first', () => {
    // "kexnel" is one edit from both; "kernel" comes first in the frequency order.
    expect(words.suggest('kexnel')).toEqual(['kernel', 'kennel']);
  });

  it('offers one form per stem, the more frequent one', () => {
    expect(words.suggest('namspace')).toEqual(['namespace']);
  });

  it('offers nothing for a word far from every indexed word', () => {
    expect(words.suggest('qwxzvbnk')).toEqual([]);
  });

  it('allows one edit in short words and two in longer ones', () => {
    expect([maxEdits(3), maxEdits(4), maxEdits(5), maxEdits(12)]).toEqual([1, 1, 2, 2]);
  });
});

describe('correct: only a sure correction', () => {
  it('corrects a word one edit (or one swap of neighbours) from a single nearest word', () => {
    expect(words.correct('hypervisr')).toBe('hypervisor');
    expect(words.correct('netwrok')).toBe('network'); // "ro" for "or": one slip, not two edits
    expect(words.correct('namspace')).toBe('namespace');
  });

  it('does not guess between two equally near words, or far from any', () => {
    expect(words.suggest('kenel')).toEqual(expect.arrayContaining(['kernel', 'kennel']));
    expect(words.correct('kenel')).toBeUndefined(); // kernel and kennel: both one edit away
    expect(words.correct('qwxzvbnk')).toBeUndefined();
  });
});

describe('isTransposition', () => {
  it('is true only for two neighbouring letters swapped', () => {
    expect(isTransposition('voluems', 'volumes')).toBe(true);
    expect(isTransposition('volumse', 'volumes')).toBe(true);
    expect(isTransposition('vloumes', 'volumes')).toBe(true);
    expect(isTransposition('volumes', 'volumes')).toBe(false);
    expect(isTransposition('vulemos', 'volumes')).toBe(false);
  });
});
