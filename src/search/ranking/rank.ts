import type { PageKind } from '../build/page-signals.ts';
import { synonymsOf, termStems, trimPunctuation } from './terms.ts';

/** What the build ships per page for ranking (vocabulary.json, `pages`), keyed by result id. */
export interface PageSignal {
  kind: PageKind;
  /** Position in the course's reading order (the pager chain), 0 first. */
  order: number;
  /**
   * Stems the page introduces, space-separated: command-row commands, and on a teaching page also its
   * headings, bold terms, definitions and list items that open with code. An italic term of several
   * words is one entry, its stems joined by "+" ("exec+form"): it counts for a query with all of them.
   */
  introduced: string;
  /** Stems of the page's title, space-separated ("contain" for "Containers"). */
  title?: string;
  /** Stems of the page's description (its frontmatter summary), space-separated. */
  description?: string;
}

/** A Pagefind result for one query term: its id, score and the word positions that matched. */
export interface TermHit {
  id: string;
  score: number;
  words?: number[];
}

/** How much each signal adds; chosen on every query set but the held-out half (npm run bench:search). */
export const WEIGHTS = {
  /** A page that introduces a query word (heading, bold term, definition, command row, first use of a flag). */
  introduced: 0.35,
  /** All the query words found within a short stretch of the page. */
  proximity: 0.3,
  /** Neighbouring query words ("docker top", "exec form") standing side by side on the page too. */
  adjacency: 0.25,
  /** Earlier in the course: the lesson that first teaches a thing, over later ones that use it. */
  order: 0.08,
  /** Every query word on the page: what Pagefind alone would require, kept as a strong hint. */
  allWords: 0.25,
  /** The query names the page: its words and the title's are the same (Jaccard of their stems). */
  title: 0.15,
  /**
   * Query words in the page's description: the author's one-sentence summary names what the page
   * is about ("let a restart policy bring it back after a crash"), where the body mentions many
   * things in passing.
   */
  description: 0.2,
  /** The most query weight found within one short passage (PASSAGE_WORDS): where the page answers. */
  passage: 0.3,
};

/** How many words a passage spans: about a paragraph's sentence or two. */
export const PASSAGE_WORDS = 24;

/**
 * What a match by prefix only ("topic" for "top", "--pids-limit" for "--pid") counts, against a
 * match of the word itself: another word, but perhaps the one the reader is still typing.
 */
export const PREFIX_SHARE = 0.25;

/**
 * How much a query word counts by how strongly its best page matches it, against the query's
 * strongest word: (best / strongest) to this power. A word no page is about ("bad", "actually" in
 * a question) is incidental; a word some page is about (its headings, its subject) says what the
 * reader wants. 0 would ignore this, 1 would let weak words count for next to nothing. Applies to
 * plain words only (PLAIN_WORD).
 */
export const FOCUS = 0.5;
/** Letters only (an apostrophe allowed): a word of prose, as against an identifier. */
const PLAIN_WORD = /^[\p{L}']+$/u;

/** A page is listed when it has at least this share of the rare-word weight the best page has. */
export const MIN_SHARE_OF_BEST = 0.5;

/** Kinds that answer a learner's query less well than the lesson, unless the query asks for them. */
const KIND_FACTOR: Record<PageKind, number> = { lesson: 1, concept: 1, reference: 0.7, landing: 0.7, resource: 0.6 };

/** A lesson's or concept page's factor when the query asks for outside material. */
const TAUGHT_WHEN_OUTSIDE_ASKED = 0.85;

/** Words by which a query asks for a reference page ("docker cheat sheet", "all compose commands", "glossary"). */
const REFERENCE_WORDS = /\b(cheat ?sheet|reference|glossary|all (\w+ ){0,2}commands|list of (\w+ ){0,2}commands|commands list|definitions?)\b/i;
/**
 * Words by which a query asks for outside material (regular-expression alternatives). "interactive"
 * is not one: the course's own "interactive shell" would lose to links.
 */
const RESOURCE_TERMS = [
  'tutorials?',
  'videos?',
  'courses?',
  'books?',
  'resources?',
  'further reading',
  'documentation',
  'docs',
  'articles?',
  'playgrounds?',
  'online',
  'labs?',
  'blogs?',
  'podcasts?',
  'guides?',
  'deep dive',
  'learn more',
  'without installing',
  'youtube',
];
/** Where to go after this course: "learn kubernetes next", "what to learn after docker". */
const NEXT_STEP = ['learn', '(next|after)'];
const RESOURCE_WORDS = new RegExp(`\\b(${RESOURCE_TERMS.join('|')})\\b|\\b${NEXT_STEP.join('\\b.*\\b')}\\b`, 'i');

/**
 * The words of RESOURCE_WORDS one by one: in a query that asks for outside material they say what
 * kind of material, not its topic. A page of ours that happens to hold one ("further" in a lesson)
 * is no more about the topic, so they decide only which curated resources are listed.
 */
const RESOURCE_WORD = new RegExp(`^(${[...RESOURCE_TERMS.flatMap((term) => term.split(' ')), ...NEXT_STEP].join('|')})$`, 'i');

export interface QueryIntent {
  reference: boolean;
  resource: boolean;
}

export function queryIntent(typed: string): QueryIntent {
  return { reference: REFERENCE_WORDS.test(typed), resource: RESOURCE_WORDS.test(typed) };
}

/** The page kind's factor for this query: a page of the kind the query asks for is not held back. */
export function kindFactor(kind: PageKind | undefined, intent: QueryIntent): number {
  if (!kind) return 1;
  if (kind === 'reference' && intent.reference) return 1.1;
  if (kind === 'resource' && intent.resource) return 1.1;
  // "further reading on cgroups": the lesson on cgroups is what the reader has read already.
  if (intent.resource && (kind === 'lesson' || kind === 'concept')) return TAUGHT_WHEN_OUTSIDE_ASKED;
  return KIND_FACTOR[kind];
}

/** Every match of every term (its index in the list), in the order they stand on the page. */
function inPageOrder(positionsPerTerm: number[][]): { at: number; term: number }[] {
  return positionsPerTerm.flatMap((positions, term) => positions.map((at) => ({ at, term }))).sort((a, b) => a.at - b.at);
}

/**
 * How close the query's words stand on a page, 0 to 1: the smallest stretch of text that holds one
 * match of each word found there, against the number of those words (1 when they are adjacent).
 */
export function proximity(positionsPerTerm: number[][]): number {
  const lists = positionsPerTerm.filter((positions) => positions.length > 0);
  if (lists.length < 2) return 0;
  const events = inPageOrder(lists);
  const counts = new Array<number>(lists.length).fill(0);
  let covered = 0;
  let best = Infinity;
  let left = 0;
  for (const event of events) {
    if (counts[event.term]++ === 0) covered += 1;
    while (covered === lists.length) {
      best = Math.min(best, event.at - events[left]!.at + 1);
      if (--counts[events[left]!.term]! === 0) covered -= 1;
      left += 1;
    }
  }
  return Math.min(1, lists.length / best);
}

/**
 * The share of the query's weight (`weights`, one per term, absent terms included) that one stretch
 * of `span` words holds, at best, 0 to 1. A long page mentions most words somewhere; the page that
 * answers a question holds them in one paragraph ("a shell inside a running container").
 */
export function passage(positionsPerTerm: number[][], weights: number[], span = PASSAGE_WORDS): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return 0;
  const events = inPageOrder(positionsPerTerm);
  const counts = new Array<number>(positionsPerTerm.length).fill(0);
  let held = 0;
  let best = 0;
  let left = 0;
  for (const event of events) {
    if (counts[event.term]++ === 0) held += weights[event.term]!;
    while (event.at - events[left]!.at >= span) {
      if (--counts[events[left]!.term]! === 0) held -= weights[events[left]!.term]!;
      left += 1;
    }
    best = Math.max(best, held);
  }
  return best / total;
}

/**
 * How far neighbouring query words ("exec form", "docker top", "bind mount") also stand together on
 * the page, 0 to 1: for each pair of words next to each other in the query (`sequence`, the terms'
 * indexes in the order typed), 1 when the page has them
 * side by side, falling with the gap between their nearest occurrences. A pair counts by the
 * lesser weight of its two words: a pair with a word found everywhere says less.
 */
export function adjacency(positionsPerTerm: number[][], weights: number[], sequence: number[] = positionsPerTerm.map((_, t) => t)): number {
  let sum = 0;
  let total = 0;
  for (let i = 1; i < sequence.length; i++) {
    const [a, b] = [sequence[i - 1]!, sequence[i]!];
    if (a === b) continue;
    const weight = Math.min(weights[a]!, weights[b]!);
    total += weight;
    const gap = nearestGap(positionsPerTerm[a]!, positionsPerTerm[b]!);
    if (gap !== undefined) sum += weight / gap;
  }
  return total > 0 ? sum / total : 0;
}

/**
 * The query's words in the order typed, as indexes into the searched terms: a word typed twice is
 * searched once, but stands next to different words each time ("docker stop and docker kill").
 */
export function termSequence(typed: string, terms: string[]): number[] {
  const index = new Map(terms.map((term, t) => [term.toLowerCase(), t]));
  const sequence = typed
    .trim()
    .split(/\s+/u)
    .flatMap((word) => index.get(trimPunctuation(word).toLowerCase()) ?? []);
  // A corrected query no longer holds the words typed: then the terms' own order.
  return new Set(sequence).size === terms.length ? sequence : terms.map((_, t) => t);
}

/**
 * Whether the page holds the query's words one after another, in the order typed ("docker port"):
 * the query as a phrase. Needs two words at least.
 */
export function hasPhrase(positionsPerTerm: number[][], sequence: number[]): boolean {
  if (sequence.length < 2) return false;
  let ends = new Set(positionsPerTerm[sequence[0]!]);
  for (const term of sequence.slice(1)) {
    ends = new Set(positionsPerTerm[term]!.filter((at) => ends.has(at - 1)));
    if (ends.size === 0) return false;
  }
  return true;
}

/** The smallest distance between a position in one list and a different position in another. */
function nearestGap(a: number[], b: number[]): number | undefined {
  const sorted = [...b].sort((x, y) => x - y);
  let best: number | undefined;
  let j = 0;
  for (const at of [...a].sort((x, y) => x - y)) {
    while (j < sorted.length - 1 && sorted[j + 1]! <= at) j++;
    for (const other of [sorted[j], sorted[j + 1]]) {
      if (other === undefined) continue;
      // The parts of a hyphenated word share its position: "copy on write" typed stands together
      // on a page that says "copy-on-write".
      const gap = Math.max(1, Math.abs(other - at));
      if (best === undefined || gap < best) best = gap;
    }
  }
  return best;
}

export interface RankInput {
  typed: string;
  /** The query words searched, one Pagefind answer each (same order). */
  terms: string[];
  perTerm: TermHit[][];
  pages: Readonly<Record<string, PageSignal>>;
  resources: ReadonlySet<string>;
  /** How many pages and records the index has (for how rare a word is). */
  total: number;
  /**
   * Per query word (same order), when known: the pages that hold the word itself, not only longer
   * words that start with it (Pagefind matches by prefix, so "top" also finds "topic"). A page
   * outside this set matched the word only by prefix. Undefined: every hit counts as the word.
   */
  exact?: (readonly string[] | undefined)[];
}

export interface Ranked {
  id: string;
  score: number;
  /** Query words the page has. */
  matched: number;
  /** What each signal added before the kind factor: for the benchmark's and a developer's eyes. */
  parts?: Record<string, number>;
}

const teaching = (page: PageSignal | undefined): page is PageSignal => page?.kind === 'lesson' || page?.kind === 'concept';

/** Every query word is in one of the page's command rows (a reference page introduces nothing else). */
function documents(page: PageSignal, termStemsList: string[][]): boolean {
  const stems = new Set(page.introduced.split(' '));
  return termStemsList.every((termStems) => termStems.length === 0 || termStems.some((stem) => stems.has(stem)));
}

/**
 * The lesson where the course first uses a flag: flags are often explained in a sentence ("`--rm`
 * deletes the container when it exits") rather than a heading or list, and the first lesson to use
 * one is the one that explains it. Concept pages come before the lessons and mention commands in
 * passing, so only lessons count.
 */
function firstLessonWith(
  term: string,
  hits: TermHit[],
  pages: Readonly<Record<string, PageSignal>>,
  exact: ReadonlySet<string> | undefined,
): string | undefined {
  if (!term.startsWith('-')) return undefined;
  let first: PageSignal | undefined;
  let firstId: string | undefined;
  for (const hit of hits) {
    const page = pages[hit.id];
    if (page?.kind !== 'lesson' || (exact && !exact.has(hit.id))) continue;
    if (!first || page.order < first.order) [first, firstId] = [page, hit.id];
  }
  return firstId;
}

/**
 * How far the query names the page, 0 to 1: the stems query and title share, against all the stems
 * either has (Jaccard). "containers" names "Containers" (1) more than "Containers and virtual
 * machines" (1/3), which Pagefind scores alike, as both titles hold the word.
 */
export function titleMatch(queryStems: ReadonlySet<string>, title: string | undefined): number {
  const titleStems = new Set(title?.split(' ').filter(Boolean));
  if (titleStems.size === 0 || queryStems.size === 0) return 0;
  const shared = [...titleStems].filter((stem) => queryStems.has(stem)).length;
  return shared / (titleStems.size + queryStems.size - shared);
}

/** The weight of the query words (or their synonyms) that the page's description holds. */
function describedWeight(description: string | undefined, termStemsList: string[][], weight: number[]): number {
  if (!description) return 0;
  const stems = new Set(description.split(' '));
  return termStemsList.reduce((sum, termStems, t) => sum + (termStems.some((stem) => stems.has(stem)) ? weight[t]! : 0), 0);
}

/**
 * Which query words (by their stems) the page introduces. Only teaching pages introduce: a glossary
 * or quick reference bolds or tabulates every term. A term of several words ("exec+form") is
 * introduced for a query that holds every one of them. A flag is introduced by the first lesson
 * that uses it (firstLessonWith).
 */
function introducedTerms(
  page: PageSignal | undefined,
  id: string,
  termStemsList: string[][],
  queryStems: ReadonlySet<string>,
  firstUse: (string | undefined)[],
): boolean[] {
  const introducedStems = new Set(
    (teaching(page) ? page.introduced.split(' ') : []).flatMap((term) => {
      const parts = term.split('+');
      return parts.every((part) => queryStems.has(part)) ? parts : [];
    }),
  );
  return termStemsList.map((stems, t) => firstUse[t] === id || stems.some((stem) => introducedStems.has(stem)));
}

/**
 * Orders pages by what a learner needs: how much of the query they hold, rare words and words
 * some page is about counting more (so a page missing "container" still wins when it has "memory"
 * and "default"); whether they introduce the words; whether the words stand together; the page
 * kind; and course order. A curated resource is held back like a reference page, unless the query
 * asks for outside material.
 */
export function rankResults(input: RankInput): Ranked[] {
  const { terms, perTerm, pages, resources, total } = input;
  const intent = queryIntent(input.typed);
  // An empty exact set means the word only starts longer words: then those are its matches.
  const exact = terms.map((_, t) => (input.exact?.[t]?.length ? new Set(input.exact[t]) : undefined));
  const isExact = (t: number, id: string) => exact[t]?.has(id) ?? true;
  const best = perTerm.map((hits, t) => Math.max(0, ...hits.filter((hit) => isExact(t, hit.id)).map((hit) => hit.score)) || 1);
  const strongest = Math.max(...best);
  // Only a plain word can be incidental: a path, flag, port or version ("linux/amd64") is quoted on purpose.
  const focus = (t: number) => (PLAIN_WORD.test(terms[t]!) ? (best[t]! / strongest) ** FOCUS : 1);
  const rarity = perTerm.map((hits, t) => Math.log(1 + total / Math.max(1, exact[t]?.size ?? hits.length)));
  // "further reading on cgroups": "further" lists no page of ours, only resources (see RESOURCE_WORD).
  const kindWord = terms.map((term) => intent.resource && RESOURCE_WORD.test(term));
  const weight = rarity.map((value, t) => value * focus(t));
  const weightTotal = weight.reduce((sum, value) => sum + value, 0) || 1;
  // A page introduces a word when it introduces the word or one of its synonyms ("memory" for "ram").
  const termStemsList = terms.map((term) => [term, ...synonymsOf(term)].flatMap((word) => termStems(word)));
  const queryStems = new Set(termStemsList.flat());
  const firstUse = terms.map((term, t) => firstLessonWith(term, perTerm[t]!, pages, exact[t]));
  const sequence = termSequence(input.typed, terms);
  const lastOrder = Math.max(1, ...Object.values(pages).map((page) => page.order));
  const byId = new Map<string, { cover: number; present: number; positions: number[][]; matched: number; introduces: boolean[] }>();
  perTerm.forEach((hits, t) => {
    for (const hit of hits) {
      // "good book to learn docker": a page of ours that says "book" is no better an answer for it.
      if (kindWord[t] && !resources.has(hit.id)) continue;
      let entry = byId.get(hit.id);
      if (!entry) {
        const introduces = introducedTerms(pages[hit.id], hit.id, termStemsList, queryStems, firstUse);
        byId.set(hit.id, (entry = { cover: 0, present: 0, positions: terms.map(() => []), matched: 0, introduces }));
      }
      const share = isExact(t, hit.id) ? 1 : PREFIX_SHARE;
      entry.cover += share * weight[t]! * (0.5 + 0.5 * Math.min(1, hit.score / best[t]!));
      // Which pages are listed at all goes by rarity: focus and prefix matches order pages, they
      // drop none (a reader typing "net" on the way to "network" still sees network pages). A word
      // the page introduces counts twice: the page titled "Share an image" is listed for "share my
      // image with a friend" though "friend" is rare and only other pages have it. So does a word of
      // a curated resource when the query asks for outside material ("further reading on cgroups").
      const outside = intent.resource && resources.has(hit.id);
      entry.present += rarity[t]! * (entry.introduces[t] || outside ? 2 : 1);
      entry.positions[t] = hit.words ?? [];
      if (share === 1) entry.matched += 1;
    }
  });
  // A page with only the query's common words ("docker" of "docker top") is noise, not a result.
  const mostPresent = Math.max(0, ...[...byId.values()].map((entry) => entry.present));
  const listed = [...byId].filter(([, entry]) => entry.present >= MIN_SHARE_OF_BEST * mostPresent);
  // A reference page is held back for the lesson that teaches the same thing. When no teaching page
  // has the query as a phrase ("docker port" is only a quick-reference row), there is none to
  // prefer, and the reference page that has it answers the query.
  const taught = listed.some(([id, entry]) => teaching(pages[id]) && hasPhrase(entry.positions, sequence));
  const ranked: Ranked[] = [];
  for (const [id, entry] of listed) {
    const page = pages[id];
    const isResource = resources.has(id);
    const introduced = entry.introduces.reduce((sum, introduces, t) => sum + (introduces ? weight[t]! : 0), 0);
    const parts = {
      cover: entry.cover / weightTotal,
      allWords: entry.matched === terms.length && terms.length > 1 ? WEIGHTS.allWords : 0,
      introduced: WEIGHTS.introduced * (introduced / weightTotal),
      proximity: WEIGHTS.proximity * proximity(entry.positions),
      passage: terms.length > 1 ? WEIGHTS.passage * passage(entry.positions, weight) : 0,
      adjacency: WEIGHTS.adjacency * adjacency(entry.positions, weight, sequence),
      order: teaching(page) ? WEIGHTS.order * (1 - page.order / lastOrder) : 0,
      title: WEIGHTS.title * titleMatch(queryStems, page?.title),
      description: (WEIGHTS.description * describedWeight(page?.description, termStemsList, weight)) / weightTotal,
    };
    const onlyReference = !taught && page?.kind === 'reference' && hasPhrase(entry.positions, sequence) && documents(page, termStemsList);
    const kind = onlyReference ? 1 : kindFactor(isResource ? 'resource' : page?.kind, intent);
    const score = kind * Object.values(parts).reduce((sum, value) => sum + value, 0);
    ranked.push({ id, score, matched: entry.matched, parts: { ...parts, kind } });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
