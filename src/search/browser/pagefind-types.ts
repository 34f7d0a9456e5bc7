/**
 * The parts of pagefind.js (the browser bundle written to /pagefind/) that the search dialog uses.
 * The npm package only types the Node indexing API, so the browser side is described here.
 */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; id: string; text: string; location: number };
  locations?: number[];
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
  word_count?: number;
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Positions in the page's text of the words that matched. */
  words?: number[];
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount?: number;
}

/** Pagefind's ranking parameters (see its "Customize ranking" docs); unset ones keep their defaults. */
export interface PagefindRanking {
  termFrequency?: number;
  termSimilarity?: number;
  termSaturation?: number;
  pageLength?: number;
  /** Extra weight for a query matching a metadata field, such as the page title. */
  metaWeights?: Record<string, number>;
}

export interface PagefindModule {
  /** `noWorker` runs searches on the main thread instead of in pagefind-worker.js. */
  options(options: { baseUrl?: string; excerptLength?: number; ranking?: PagefindRanking; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  search(term: string, options?: object): Promise<PagefindSearch>;
  /** Resolves to null when a newer call superseded this one during the wait. */
  debouncedSearch(term: string, options?: object, debounceMs?: number): Promise<PagefindSearch | null>;
}
