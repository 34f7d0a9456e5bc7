import type { PagefindResultData, PagefindSubResult } from './pagefind-types.ts';

/** A heading inside a page that matched: links straight to its anchor. */
export interface SubResultView {
  title: string;
  url: string;
  excerpt: string;
}

/** What one result shows, whether it is one of our pages or a curated external resource. */
export interface ResultView {
  url: string;
  title: string;
  /** Our sidebar section, or for resources "External · domain · kind · level". */
  context: string;
  excerpt: string;
  resource: boolean;
  subResults: SubResultView[];
}

/** Enough headings to show where the matches are without burying the next page. */
export const MAX_SUB_RESULTS = 3;

function matchCount(sub: PagefindSubResult): number {
  return sub.weighted_locations?.length ?? sub.locations?.length ?? 0;
}

/**
 * The headings worth showing under a page: only real sections (an anchor other than the page's own
 * top, which the page result already covers), the ones with most matches, kept in reading order.
 */
export function pickSubResults(pageUrl: string, subs: PagefindSubResult[] = [], max = MAX_SUB_RESULTS): SubResultView[] {
  const sections = subs.map((sub, order) => ({ sub, order })).filter(({ sub }) => sub.url !== pageUrl && sub.url.includes('#') && sub.anchor?.id);
  const best = [...sections].sort((a, b) => matchCount(b.sub) - matchCount(a.sub) || a.order - b.order).slice(0, max);
  return best.sort((a, b) => a.order - b.order).map(({ sub }) => ({ title: sub.title, url: sub.url, excerpt: sub.excerpt }));
}

/** Turns Pagefind's result data into what the dialog renders. */
export function toResultView(data: PagefindResultData): ResultView {
  const title = data.meta.title?.trim() || data.url;
  if (data.meta.domain) {
    const details = ['External resource', data.meta.domain, data.meta.kind, data.meta.level].filter(Boolean);
    return {
      url: data.url,
      title,
      context: details.join(' · '),
      excerpt: data.excerpt,
      resource: true,
      subResults: [],
    };
  }
  return {
    url: data.url,
    title,
    context: data.filters?.section?.[0] ?? '',
    excerpt: data.excerpt,
    resource: false,
    subResults: pickSubResults(data.url, data.sub_results),
  };
}

/** "1 result", "12 results": the count the live region announces. */
export function describeCount(shown: number, total: number, query: string): string {
  const noun = total === 1 ? 'result' : 'results';
  const quoted = `“${query}”`;
  if (total === 0) return `No results for ${quoted}.`;
  if (shown < total) return `${total} ${noun} for ${quoted}, showing the first ${shown}.`;
  return `${total} ${noun} for ${quoted}.`;
}

const quote = (text: string) => `“${text}”`;
const either = (words: string[]) => words.map(quote).join(' or ');

export interface StatusFacts {
  typed: string;
  shown: number;
  total: number;
  /** Words no page contains (left out of the search). */
  unknown: string[];
  /** No page had every word: the results have most of them. */
  partial: boolean;
  /** A "Did you mean" follows the sentence, so the generic spelling hint would repeat it. */
  suggesting: boolean;
}

/** The one sentence the live region announces for a settled query (suggestions are added after it). */
export function describeStatus({ typed, shown, total, unknown, partial, suggesting }: StatusFacts): string {
  const count = describeCount(shown, total, typed);
  if (total === 0) return suggesting ? count : `${count} Check the spelling, or try fewer or more general words.`;
  const notes: string[] = [];
  if (unknown.length > 0) notes.push(`${either(unknown)} left out: no page contains ${unknown.length === 1 ? 'it' : 'them'}.`);
  if (partial) notes.push('No page has every word; these have most of them.');
  return [count, ...notes].join(' ');
}
