// Loads what search needs when the dialog opens (pagefind.js with its worker and wasm, and the
// vocabulary the build wrote next to it) and answers a query plan with ordered results.
import type { PagefindModule, PagefindResult } from './pagefind-types.ts';
import { checksExactMatch, type QueryPlan } from './query.ts';
import { synonymsOf } from '../ranking/terms.ts';
import { rankResults, type PageSignal, type Ranked } from '../ranking/rank.ts';
import { createWordIndex, type WordIndex } from './suggest.ts';
import { unpackSignals, VOCABULARY_FILE, type SearchVocabulary } from '../ranking/vocabulary.ts';

const EXCERPT_WORDS = 22;

/**
 * Pagefind's defaults (headings already weigh more than body text: h1 7, h2 6 … body 1), except
 * that a query matching the page title adds 12 instead of 5: the page about a term beats pages
 * that mention it. Chosen with `npm run bench:search`; length and saturation settings moved nothing.
 */
export const RANKING = { metaWeights: { title: 12 } };

export interface LoadedSearch {
  pagefind: PagefindModule;
  /** Undefined when the vocabulary could not be loaded: search still works, without suggestions. */
  words?: WordIndex;
  /** The vocabulary holds every indexed word, so a word missing from it is a word no page has. */
  complete: boolean;
  resources: ReadonlySet<string>;
  pages: Readonly<Record<string, PageSignal>>;
}

/** A Pagefind result with what the ranking made of it (shown to developers, see rankingLabel). */
export type RankedResult = PagefindResult & { ranking: Ranked };

export interface Answer {
  results: RankedResult[];
  /** No page had every word: these have most of them. */
  partial: boolean;
}

async function loadPagefind(url: string): Promise<PagefindModule> {
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindModule;
  // Index URLs already carry the base path; '/' stops Pagefind from prefixing it a second time.
  // No web worker: it is one more file (12 KB gzip) on opening search, which must stay under 100 KB,
  // and each query now asks Pagefind once per word, so message round trips would add up. On a
  // course-sized index a search takes a few milliseconds on the main thread.
  await pagefind.options({ baseUrl: '/', excerptLength: EXCERPT_WORDS, ranking: RANKING, noWorker: true });
  await pagefind.init();
  return pagefind;
}

async function loadVocabulary(url: string): Promise<SearchVocabulary | undefined> {
  try {
    const response = await fetch(url);
    if (!response.ok) return undefined;
    return (await response.json()) as SearchVocabulary;
  } catch {
    return undefined;
  }
}

export class SearchEngine {
  private loading: Promise<LoadedSearch> | undefined;
  private attempts = 0;

  private readonly bundleUrl: string;

  constructor(bundleUrl: string) {
    this.bundleUrl = bundleUrl;
  }

  /** Starts loading once; after a failure the next call tries again. */
  load(): Promise<LoadedSearch> {
    this.loading ??= this.start().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  private async start(): Promise<LoadedSearch> {
    // A failed import() of one URL may stay failed for the page's life: a retry asks for a new URL.
    const attempt = this.attempts++;
    const bundle = attempt === 0 ? this.bundleUrl : `${this.bundleUrl}?retry=${attempt}`;
    const vocabularyUrl = this.bundleUrl.replace(/pagefind\.js$/, VOCABULARY_FILE);
    const [pagefind, vocabulary] = await Promise.all([loadPagefind(bundle), loadVocabulary(vocabularyUrl)]);
    return {
      pagefind,
      words: vocabulary ? createWordIndex(vocabulary.words) : undefined,
      complete: vocabulary?.complete ?? false,
      resources: new Set(vocabulary?.resources ?? []),
      pages: unpackSignals(vocabulary?.signals),
    };
  }
}

/**
 * One query word's pages: Pagefind's answer for the word and for each of its synonyms ("memory" for
 * "ram"), merged, a page keeping its best score and every matched position. `exact` lists the pages
 * that hold one of the words itself, not only a longer word starting with it (see checksExactMatch).
 */
async function searchTerm(
  pagefind: PagefindModule,
  term: string,
  answered?: PagefindResult[],
): Promise<{ hits: PagefindResult[]; exact?: string[] }> {
  const words = [term, ...synonymsOf(term)];
  const [answers, exactIds] = await Promise.all([
    Promise.all(words.map(async (word, i) => (i === 0 && answered ? answered : (await pagefind.search(word)).results))),
    // A quoted word is matched as a whole word, not as the start of longer ones.
    Promise.all(words.map(async (word) => (checksExactMatch(word) ? (await pagefind.search(`"${word}"`)).results.map((hit) => hit.id) : undefined))),
  ]);
  if (words.length === 1) return { hits: answers[0]!, exact: exactIds[0] };
  const byId = new Map<string, PagefindResult>();
  for (const hit of answers.flat()) {
    const had = byId.get(hit.id);
    const positions = [...new Set([...(had?.words ?? []), ...(hit.words ?? [])])].sort((a, b) => a - b);
    byId.set(hit.id, { ...(had && had.score >= hit.score ? had : hit), words: positions });
  }
  const checked = exactIds.some((ids) => ids !== undefined);
  const exact = checked ? [...new Set(exactIds.flatMap((ids, i) => ids ?? answers[i]!.map((hit) => hit.id)))] : undefined;
  return { hits: [...byId.values()], exact };
}

/**
 * "1.047 = cover 0.54 + allWords 0.25 + … × kind 1.00": why a result stands where it does. The
 * dialog writes it on each result (data-ranking) for a developer's eyes, in the browser's inspector
 * or through `npm run search:explain`; readers never see it.
 */
export function rankingLabel({ score, parts = {} }: Ranked): string {
  const { kind, ...signals } = parts;
  const added = Object.entries(signals).map(([name, value]) => `${name} ${value.toFixed(2)}`);
  return `${score.toFixed(3)} = ${added.join(' + ')} × kind ${(kind ?? 1).toFixed(2)}`;
}

/**
 * Runs a plan: Pagefind answers each word on its own (and the whole query, for excerpts that mark
 * every word), then rank.ts orders the pages by what a learner needs. Pages with every word are not
 * the only ones listed: a rare word counts more than a common one. Resolves to null when a newer
 * query superseded this one during the debounce.
 */
export async function answer(loaded: LoadedSearch, plan: QueryPlan, debounceMs: number): Promise<Answer | null> {
  const { pagefind, resources, pages } = loaded;
  if (plan.terms.length === 0) return { results: [], partial: false };
  const found = await pagefind.debouncedSearch(plan.terms.join(' '), {}, debounceMs);
  if (!found) return null;
  const searched = await Promise.all(plan.terms.map((term) => searchTerm(pagefind, term, plan.terms.length === 1 ? found.results : undefined)));
  const perTerm = searched.map((term) => term.hits);
  const exact = searched.map((term) => term.exact);
  const ranked = rankResults({
    typed: plan.typed,
    terms: plan.terms,
    perTerm,
    exact,
    pages,
    resources,
    total: Object.keys(pages).length + resources.size,
  });
  // The whole query's result shows an excerpt with every word marked; otherwise the rarest word's.
  const byId = new Map<string, PagefindResult>();
  const rarestFirst = perTerm.map((hits, t) => ({ hits, t })).sort((a, b) => a.hits.length - b.hits.length);
  for (const { hits } of [...rarestFirst].reverse()) for (const hit of hits) byId.set(hit.id, hit);
  for (const hit of found.results) byId.set(hit.id, hit);
  const results = ranked.map((entry) => Object.assign(byId.get(entry.id)!, { ranking: entry }));
  return { results, partial: found.results.length === 0 && results.length > 0 };
}
