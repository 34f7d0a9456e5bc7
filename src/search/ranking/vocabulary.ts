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
  /** Each page's ranking signals (kind, course order, what it introduces), by result id. */
  pages?: Record<string, PageSignal>;
}

export const VOCABULARY_FILE = 'vocabulary.json';

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

/** The vocabulary with the `count` most frequent words. */
export function takeWords(ranked: string[], count: number, resources: string[], pages: Record<string, PageSignal> = {}): SearchVocabulary {
  return { words: ranked.slice(0, count), complete: count >= ranked.length, resources, pages };
}
