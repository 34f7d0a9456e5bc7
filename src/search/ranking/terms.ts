import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/**
 * Function words that carry no topic. Dropped from questions, because Pagefind requires every
 * word to match and "how do containers talk to each other" would otherwise need "how", "each" and
 * "other" on the page. "up" stays: it is a command (`docker compose up`). "vs" and "versus" join
 * them: they say the reader compares two things ("cmd vs entrypoint"), not what the things are, and a
 * page with "vs" in a table header is no more about either.
 */
const KEEP = new Set(['up']);
const COMPARING = ['vs', 'versus'];
/**
 * The list has no contractions and misses a few forms of "do": a question's "can't", "doesn't" or
 * "does" says nothing about the topic, yet would count as a word every result should have.
 */
const CONTRACTIONS = [
  "can't",
  'cannot',
  "don't",
  "doesn't",
  'does',
  'did',
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "won't",
  "wouldn't",
  "shouldn't",
  "couldn't",
  "haven't",
  "hasn't",
  "i'm",
  "i've",
  "i'd",
  "it's",
  "what's",
  "that's",
  "there's",
  "you're",
  "let's",
];
/**
 * Typed without the apostrophe ("why doesnt localhost work"), as learners often do. Not where that
 * leaves a word a query may mean: "id" (a container ID), "ill", "lets", "its" (in the list already).
 */
const UNMARKED = new Set(['id', 'ill', 'lets', 'its']);
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...eng.filter((word) => !KEEP.has(word)),
  ...COMPARING,
  ...CONTRACTIONS,
  ...CONTRACTIONS.map((word) => word.replace("'", '’')),
  ...CONTRACTIONS.map((word) => word.replace("'", '')).filter((word) => !UNMARKED.has(word)),
]);

/**
 * Punctuation around a word that a pasted error line or a sentence adds ("bind:", "denied,",
 * "'/app/data/log.txt'", "(1)"): not part of the word searched for. A leading dot (".dockerignore"),
 * dash (a flag), slash or dollar sign (a path, a variable) belongs to the word and stays.
 */
const EDGE_PUNCTUATION = /^[\p{Ps}\p{Pi}'"`,;:!?]+|[\p{Pe}\p{Pf}'"`,;:!?.]+$/gu;

/** A query word without the punctuation around it: "denied," → "denied"; "." → "". */
export function trimPunctuation(word: string): string {
  return word.replace(EDGE_PUNCTUATION, '');
}

/** A word, a hyphenated word ("multi-stage") or a flag ("--rm", "-it"), as a learner types it. */
const TOKEN = /-{0,2}[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu;

/** One token's comparable forms: lower case and stemmed, a hyphenated word also by its parts. */
function stemsOfToken(token: string): string[] {
  if (token.startsWith('-')) return [token];
  const parts = token.includes('-') || token.includes('.') ? [token, ...token.split(/[-.]/)] : [token];
  return parts.filter((part) => part.length > 1 && !STOP_WORDS.has(part)).map((part) => stemmer(part));
}

/**
 * The comparable terms of a text, the same on both sides: what a page introduces (at build time)
 * and what a reader typed (in the dialog). "Volumes" and "volume" meet as "volum"; "--rm" stays "--rm".
 */
export function termStems(text: string): string[] {
  return [...new Set([...text.toLowerCase().matchAll(TOKEN)].flatMap(([token]) => stemsOfToken(token)))];
}

/**
 * Everyday words learners type for what the course names otherwise: a query word here is searched
 * as itself and as the course's words, and a page with either matches it. Kept short and general
 * (not one entry per missed query): each pair is a synonym in Docker's own sense.
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  ram: ['memory'],
  edit: ['change'],
  shrink: ['smaller'],
  ssh: ['exec'],
  env: ['environment'],
  vars: ['variables'],
  folder: ['directory'],
  laptop: ['computer'],
  pc: ['computer'],
  directory: ['folder'],
  delete: ['remove'],
  untagged: ['dangling'],
  reboot: ['restart'],
  forwarding: ['publish'],
};

/** The course's words for a query word, besides the word itself ("ram" → ["memory"]). */
export function synonymsOf(word: string): readonly string[] {
  return SYNONYMS[word.toLowerCase()] ?? [];
}
