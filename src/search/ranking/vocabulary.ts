import type { PageKind } from '../build/page-signals.ts';
import type { PageSignal } from './rank.ts';

/**
 * The words search knows, built when the site is built from the very text Pagefind indexed, and
 * fetched by the dialog when search opens. It lets the dialog tell a typo from a real word and
 * offer the nearest real words ("Did you mean namespace?"), which Pagefind cannot do: for a word it
 * does not know it quietly falls back to any indexed word that starts the query ("netwrok" → "net").
 */
export interface SearchVocabulary {
  /** Words, most frequent first (the order is the frequency ranking; no counts are shipped). */
  words: string[];
  /** False when the byte budget cut rare words: then a word missing here may still be indexed. */
  complete: boolean;
  /**
   * Result ids (Pagefind fragment names) of the curated resources. Shipped here to save a request:
   * with them the dialog lists our lessons before external resources without loading every result.
   */
  resources: string[];
  /** Each page's ranking signals (kind, course order, what it introduces), packed (see packSignals). */
  signals?: PackedSignals;
}

export const VOCABULARY_FILE = 'vocabulary.json';

/**
 * The page signals as shipped, in columns, one entry per page in course order (a page's position is
 * its order): a 1,000-page course's signals were over the vocabulary's whole gzip budget as one
 * object per page. Each introduced stem is written once, in `stems`, most often introduced first.
 */
export interface PackedSignals {
  /** Result ids, space-separated. */
  ids: string;
  /** One letter per page: its kind (KIND_LETTER). */
  kinds: string;
  stems: string[];
  /** Per page, the base-36 gaps between its sorted indexes into `stems` ("0 1 3": 1st, 2nd, 5th). */
  introduced: string[];
  /** Per page, its title's stems, written the same way as `introduced`. */
  titles?: string[];
  /** Per page, its description's stems, written the same way. */
  descriptions?: string[];
}

const KIND_LETTER: Record<PageKind, string> = { lesson: 'l', concept: 'c', reference: 'r', resource: 's', landing: 'n' };
const LETTER_KIND = new Map(Object.entries(KIND_LETTER).map(([kind, letter]) => [letter, kind as PageKind]));

export function packSignals(pages: Record<string, PageSignal>): PackedSignals {
  // Course order; pages the pager chain does not reach share the last order, and go by id.
  const entries = Object.entries(pages).sort(([a, x], [b, y]) => x.order - y.order || (a < b ? -1 : 1));
  const stemsOf = (list: string | undefined) => [...new Set((list ?? '').split(' ').filter(Boolean))];
  const counts = new Map<string, number>();
  for (const [, page] of entries)
    for (const stem of [...stemsOf(page.introduced), ...stemsOf(page.title), ...stemsOf(page.description)])
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const stems = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([stem]) => stem);
  const index = new Map(stems.map((stem, i) => [stem, i]));
  const gaps = (list: string | undefined) => {
    const indexes = stemsOf(list)
      .map((stem) => index.get(stem)!)
      .sort((a, b) => a - b);
    return indexes.map((at, i) => (i === 0 ? at : at - indexes[i - 1]!).toString(36)).join(' ');
  };
  return {
    ids: entries.map(([id]) => id).join(' '),
    kinds: entries.map(([, page]) => KIND_LETTER[page.kind]).join(''),
    stems,
    introduced: entries.map(([, page]) => gaps(page.introduced)),
    titles: entries.map(([, page]) => gaps(page.title)),
    descriptions: entries.map(([, page]) => gaps(page.description)),
  };
}

/** The page signals as ranking reads them, by result id, from what packSignals shipped. */
export function unpackSignals(packed: PackedSignals | undefined): Record<string, PageSignal> {
  const pages: Record<string, PageSignal> = {};
  if (!packed) return pages;
  packed.ids
    .split(' ')
    .filter(Boolean)
    .forEach((id, order) => {
      const stemsAt = (gaps: string | undefined) => {
        let at = 0;
        return (gaps ?? '')
          .split(' ')
          .filter(Boolean)
          .map((gap, i) => packed.stems[(at = (i === 0 ? 0 : at) + Number.parseInt(gap, 36))] ?? '')
          .join(' ');
      };
      pages[id] = {
        kind: LETTER_KIND.get(packed.kinds[order] ?? '') ?? 'lesson',
        order,
        introduced: stemsAt(packed.introduced[order]),
        title: stemsAt(packed.titles?.[order]),
        description: stemsAt(packed.descriptions?.[order]),
      };
    });
  return pages;
}

/** Letters or digits, optionally joined by hyphens ("multi-stage", "hyper-v"): what a reader may type. */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const HAS_LETTER = /\p{L}/u;
/** Shorter words are too short to tell a typo from another word. */
const MIN_LENGTH = 3;

/** A token's words worth suggesting: a hyphenated one whole and by its parts, as Pagefind indexes it. */
function wordsOfToken(token: string): string[] {
  const parts = token.includes('-') ? [token, ...token.split('-')] : [token];
  return parts.filter((word) => word.length >= MIN_LENGTH && HAS_LETTER.test(word));
}

/** The words of a text worth suggesting: lower case, at least three characters, with a letter. */
export function vocabularyWords(text: string): string[] {
  return [...text.toLowerCase().matchAll(WORD)].flatMap(([token]) => wordsOfToken(token));
}

/** Counts words over many texts: most frequent first, ties in alphabetical order (stable builds). */
export function rankWords(texts: Iterable<string>): string[] {
  // Split on spaces first and parse each distinct chunk once: a site repeats its words, and the
  // Unicode word pattern costs far more than a split (this made it 2.5 times faster on 1,000 pages).
  const chunks = new Map<string, number>();
  for (const text of texts) {
    for (const chunk of text.split(/\s+/)) if (chunk) chunks.set(chunk, (chunks.get(chunk) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [chunk, count] of chunks) {
    for (const word of vocabularyWords(chunk)) counts.set(word, (counts.get(word) ?? 0) + count);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([word]) => word);
}

/** The vocabulary with the `count` most frequent words, and the page signals packed (packSignals). */
export function takeWords(ranked: string[], count: number, resources: string[], signals: PackedSignals = packSignals({})): SearchVocabulary {
  return { words: ranked.slice(0, count), complete: count >= ranked.length, resources, signals };
}
