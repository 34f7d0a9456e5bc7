import type { PageKind } from '../build/page-signals.ts';
import { termStems } from './terms.ts';

/** What the build ships per page for ranking (vocabulary.json, `pages`), keyed by result id. */
export interface PageSignal {
  kind: PageKind;
  /** Position in the course's reading order (the pager chain), 0 first. */
  order: number;
  /** Stems the page introduces (headings, bold terms, definitions, command-row commands), space-separated. */
  introduced: string;
}

/** A Pagefind result for one query term: its id, score and the word positions that matched. */
export interface TermHit {
  id: string;
  score: number;
  words?: number[];
}

/** How much each signal adds; chosen on the tuning half of the blind queries (npm run bench:search). */
export const WEIGHTS = {
  /** A page that introduces a query word (heading, bold term, definition, command row). */
  introduced: 0.35,
  /** Query words standing together on the page. */
  proximity: 0.3,
  /** Earlier in the course: the lesson that first teaches a thing, over later ones that use it. */
  order: 0.08,
  /** Every query word on the page: what Pagefind alone would require, kept as a strong hint. */
  allWords: 0.25,
};

/** A page is listed when it has at least this share of the rare-word weight the best page has. */
export const MIN_SHARE_OF_BEST = 0.5;

/** Kinds that answer a learner's query less well than the lesson, unless the query asks for them. */
const KIND_FACTOR: Record<PageKind, number> = { lesson: 1, concept: 1, reference: 0.7, landing: 0.7, resource: 0.6 };

/** Words by which a query asks for a reference page ("docker cheat sheet", "all commands", "glossary"). */
const REFERENCE_WORDS = /\b(cheat ?sheet|reference|glossary|all commands|list of commands|commands list|definitions?)\b/i;
/** Words by which a query asks for outside material. */
const RESOURCE_WORDS = /\b(tutorials?|videos?|courses?|books?|resources?|further reading|documentation|docs|articles?|playground)\b/i;

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
  return KIND_FACTOR[kind];
}

/**
 * How close the query's words stand on a page, 0 to 1: the smallest stretch of text that holds one
 * match of each word found there, against the number of those words (1 when they are adjacent).
 */
export function proximity(positionsPerTerm: number[][]): number {
  const lists = positionsPerTerm.filter((positions) => positions.length > 0);
  if (lists.length < 2) return 0;
  const events = lists.flatMap((positions, term) => positions.map((at) => ({ at, term }))).sort((a, b) => a.at - b.at);
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

export interface RankInput {
  typed: string;
  /** The query words searched, one Pagefind answer each (same order). */
  terms: string[];
  perTerm: TermHit[][];
  pages: Readonly<Record<string, PageSignal>>;
  resources: ReadonlySet<string>;
  /** How many pages and records the index has (for how rare a word is). */
  total: number;
}

export interface Ranked {
  id: string;
  score: number;
  /** Query words the page has. */
  matched: number;
}

/**
 * Orders pages by what a learner needs: how much of the query they hold, rare words counting more
 * (so a page missing "container" still wins when it has "memory" and "default"); whether they
 * introduce the words; whether the words stand together; the page kind; and course order.
 * A curated resource is held back like a reference page, unless the query asks for outside material.
 */
export function rankResults(input: RankInput): Ranked[] {
  const { terms, perTerm, pages, resources, total } = input;
  const intent = queryIntent(input.typed);
  const rarity = perTerm.map((hits) => Math.log(1 + total / Math.max(1, hits.length)));
  const rarityTotal = rarity.reduce((sum, value) => sum + value, 0) || 1;
  const best = perTerm.map((hits) => Math.max(0, ...hits.map((hit) => hit.score)) || 1);
  const termStemsList = terms.map((term) => termStems(term));
  const lastOrder = Math.max(1, ...Object.values(pages).map((page) => page.order));
  const byId = new Map<string, { cover: number; present: number; positions: number[][]; matched: number }>();
  perTerm.forEach((hits, t) => {
    for (const hit of hits) {
      let entry = byId.get(hit.id);
      if (!entry) byId.set(hit.id, (entry = { cover: 0, present: 0, positions: terms.map(() => []), matched: 0 }));
      entry.cover += rarity[t]! * (0.5 + 0.5 * (hit.score / best[t]!));
      entry.present += rarity[t]!;
      entry.positions[t] = hit.words ?? [];
      entry.matched += 1;
    }
  });
  // A page with only the query's common words ("docker" of "docker top") is noise, not a result.
  const mostPresent = Math.max(0, ...[...byId.values()].map((entry) => entry.present));
  const ranked: Ranked[] = [];
  for (const [id, entry] of byId) {
    if (entry.present < MIN_SHARE_OF_BEST * mostPresent) continue;
    const page = pages[id];
    const isResource = resources.has(id);
    // Only teaching pages introduce: a glossary or quick reference bolds or tabulates every term.
    const teaches = page?.kind === 'lesson' || page?.kind === 'concept';
    const introducedStems = new Set(teaches ? page.introduced.split(' ') : []);
    const introduced = termStemsList.reduce((sum, stems, t) => sum + (stems.some((stem) => introducedStems.has(stem)) ? rarity[t]! : 0), 0);
    const orderBonus = teaches ? 1 - page.order / lastOrder : 0;
    const score =
      kindFactor(isResource ? 'resource' : page?.kind, intent) *
      (entry.cover / rarityTotal + (entry.matched === terms.length && terms.length > 1 ? WEIGHTS.allWords : 0) + WEIGHTS.introduced * (introduced / rarityTotal) + WEIGHTS.proximity * proximity(entry.positions) + WEIGHTS.order * orderBonus);
    ranked.push({ id, score, matched: entry.matched });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
