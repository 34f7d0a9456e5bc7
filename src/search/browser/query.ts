import type { WordIndex } from './suggest.ts';
import { STOP_WORDS, synonymsOf, trimPunctuation } from '../ranking/terms.ts';

export interface UnknownWord {
  word: string;
  suggestions: string[];
}

export interface QueryPlan {
  /** The query as the reader typed it, trimmed: what the status line quotes. */
  typed: string;
  /** The words sent to Pagefind. Empty when nothing searchable is left. */
  terms: string[];
  /** Stop words left out of the search. */
  dropped: string[];
  /** Words no page contains, with the nearest words that some page does. */
  unknown: UnknownWord[];
}

/** Splits on white space; Pagefind itself deals with punctuation inside a word ("8080:80"). */
export function queryWords(typed: string): string[] {
  return typed.trim().split(/\s+/u).filter(Boolean);
}

/** A word the vocabulary should judge: letters in it, not a flag (`-v`), long enough to misspell. */
function isCheckable(word: string): boolean {
  return word.length >= 3 && !word.startsWith('-') && /^[\p{L}\p{N}-]+$/u.test(word) && /\p{L}/u.test(word);
}

/**
 * Decides what to search for: stop words out (unless nothing else is left), and words that no
 * page contains set aside with suggestions, so Pagefind never answers them through an unrelated
 * prefix. Without a vocabulary (it failed to load) every word is searched as typed.
 */
export function planQuery(typed: string, words?: WordIndex): QueryPlan {
  const all = queryWords(typed).map(trimPunctuation).filter(Boolean);
  const content = all.filter((word) => !STOP_WORDS.has(word.toLowerCase()));
  const kept = content.length > 0 ? content : all;
  const dropped = content.length > 0 ? all.filter((word) => STOP_WORDS.has(word.toLowerCase())) : [];
  const unknown: UnknownWord[] = [];
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const word of kept) {
    // "docker stop and docker kill": a word typed twice is one word of the query, not twice its weight.
    if (seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    if (words && isCheckable(word) && !words.knows(word) && synonymsOf(word).length === 0) unknown.push({ word, suggestions: words.suggest(word) });
    else terms.push(word);
  }
  return { typed: typed.trim(), terms, dropped, unknown };
}

/**
 * Words whose prefix matches are likely other words: a flag ("--pid" starts "--pids-limit") and a
 * short word ("top" starts "topic", "app" starts "apparmor"). For these the dialog also asks which
 * pages hold the word itself, so ranking can tell the two apart (rank.ts, `exact`). Longer words'
 * extensions are mostly their own inflections, which Pagefind's stemming already joins.
 */
export function checksExactMatch(term: string): boolean {
  if (term.includes('"')) return false;
  return term.startsWith('-') || term.replace(/[^\p{L}\p{N}]/gu, '').length <= 4;
}

/** The typed query with one word replaced by a suggestion (the reader's other words untouched). */
export function applySuggestion(typed: string, word: string, suggestion: string): string {
  const words = queryWords(typed);
  // The plan's words are trimmed of punctuation ("hypervisr,"): the typed word keeps its own.
  const index = words.findIndex((typedWord) => trimPunctuation(typedWord) === word);
  if (index === -1) return typed.trim();
  words[index] = words[index]!.replace(word, suggestion);
  return words.join(' ');
}

/**
 * The query a confident correction makes of this plan, or undefined. Only a query that cannot have
 * results as typed is corrected, one with a word no page contains; every such word must have a
 * sure correction (WordIndex.correct), or the reader chooses from the suggestions instead.
 */
export function correctedQuery(plan: QueryPlan, words: WordIndex): string | undefined {
  if (plan.unknown.length === 0) return undefined;
  let corrected = plan.typed;
  for (const { word } of plan.unknown) {
    const correction = words.correct(word);
    if (!correction) return undefined;
    corrected = applySuggestion(corrected, word, correction);
  }
  return corrected;
}
