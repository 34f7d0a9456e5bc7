import leven from 'leven';
import { stemmer } from 'stemmer';

/** Suggestions shown for one unknown word: enough to cover a wrong guess, few enough to scan. */
export const MAX_SUGGESTIONS = 3;

/** How many edits a word of this length may be away from a suggestion: one for short words, two for longer. */
export function maxEdits(length: number): number {
  return length <= 4 ? 1 : 2;
}

/** First index in a sorted array whose word is ≥ `prefix`. */
function lowerBound(sorted: string[], prefix: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

function hasPrefix(sorted: string[], prefix: string): boolean {
  return sorted[lowerBound(sorted, prefix)]?.startsWith(prefix) ?? false;
}

export interface WordIndex {
  /** The word is indexed, is the start of an indexed word (still being typed), or an inflection of one. */
  knows(word: string): boolean;
  /** The nearest indexed words: fewest edits first, then the more frequent; one per stem. */
  suggest(word: string, max?: number): string[];
  /**
   * The one word this typo surely means, or undefined when that is not clear: the nearest word is
   * a single edit away (a swap of two neighbours counts as one), or two edits in a long word, and
   * no other word is as near.
   */
  correct(word: string): string | undefined;
}

/** Two neighbouring letters swapped ("voluems" for "volumes"): one slip of the fingers, one edit. */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** Edit distance with a neighbour swap as one edit (leven counts it as two). */
function distance(a: string, b: string, max: number): number {
  return isTransposition(a, b) ? 1 : leven(a, b, { maxDistance: max + 1 });
}

/**
 * What the dialog asks of the vocabulary. `knows` mirrors how Pagefind matches, by stem and by
 * prefix, so a word Pagefind finds for real ("volumes", "dockerfi") is never called a typo; what is
 * left is a word Pagefind could only match through an unrelated shorter word.
 */
export function createWordIndex(wordsByFrequency: string[]): WordIndex {
  const sortedWords = [...wordsByFrequency].sort();
  const stems = new Map<string, number>();
  wordsByFrequency.forEach((word, rank) => {
    const stem = stemmer(word);
    if (!stems.has(stem)) stems.set(stem, rank);
  });

  return {
    knows(word) {
      const lower = word.toLowerCase();
      // An inflection shares a stem exactly. A stem that only starts one ("enviro", of "enviroment",
      // starts "environ") is a typo Pagefind would still answer by prefix, but through a misspelt word
      // that no signal of the page (its headings, its bold terms) shares: it is corrected instead.
      return hasPrefix(sortedWords, lower) || stems.has(stemmer(lower));
    },
    suggest(word, max = MAX_SUGGESTIONS) {
      const lower = word.toLowerCase();
      const limit = maxEdits(lower.length);
      const candidates: { word: string; distance: number; rank: number }[] = [];
      const seenStems = new Set<string>();
      wordsByFrequency.forEach((candidate, rank) => {
        if (Math.abs(candidate.length - lower.length) > limit) return;
        const edits = distance(lower, candidate, limit);
        if (edits > limit) return;
        candidates.push({ word: candidate, distance: edits, rank });
      });
      candidates.sort((a, b) => a.distance - b.distance || a.rank - b.rank);
      const picked: string[] = [];
      for (const candidate of candidates) {
        // "namespace" and "namespaces" find the same pages: offer the more frequent form only.
        const stem = stemmer(candidate.word);
        if (seenStems.has(stem)) continue;
        seenStems.add(stem);
        picked.push(candidate.word);
        if (picked.length === max) break;
      }
      return picked;
    },
    correct(word) {
      const lower = word.toLowerCase();
      const [best, next] = this.suggest(lower, 2).map((candidate) => ({ candidate, edits: distance(lower, candidate, 2) }));
      if (!best) return undefined;
      const near = best.edits === 1 || (best.edits === 2 && lower.length >= 8);
      return near && (!next || next.edits > best.edits) ? best.candidate : undefined;
    },
  };
}
