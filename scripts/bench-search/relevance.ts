import type { AnyQueryKind, LearnerQuery } from './queries.ts';

/** The page a result URL belongs to, as a slug: '/docker-learning/hands-on/compose/#run-it' → 'hands-on/compose'. */
export function pageSlug(url: string, base = '/'): string {
  let pathname = new URL(url, 'http://site.invalid').pathname;
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}`;
  if (prefix !== '/' && (pathname === prefix || pathname.startsWith(`${prefix}/`))) pathname = pathname.slice(prefix.length);
  return decodeURIComponent(pathname)
    .replace(/^\/+|\/+$/g, '')
    .replace(/\/index$/, '');
}

export interface QueryOutcome {
  query: LearnerQuery;
  /** Distinct pages in the order the dialog listed them. */
  ranked: string[];
  /** 1-based position of the first acceptable page, or 0 when none was listed. */
  rank: number;
  /** What the dialog's status line said (a correction, words left out): part of a miss's reason. */
  status?: string;
}

export interface RelevanceScores {
  queries: number;
  precisionAt1: number;
  hitAt3: number;
  mrr: number;
  byKind: Partial<Record<AnyQueryKind, { queries: number; precisionAt1: number; hitAt3: number }>>;
  misses: QueryOutcome[];
}

/** Ranks a query's result pages against what it expects (duplicates of one page count once). */
export function judge(query: LearnerQuery, resultUrls: string[], base = '/', status?: string): QueryOutcome {
  const ranked = [...new Set(resultUrls.map((url) => pageSlug(url, base)))];
  const accepted = new Set([query.expect, ...(query.also ?? [])]);
  return { query, ranked, rank: ranked.findIndex((slug) => accepted.has(slug)) + 1, status };
}

/** Why a query missed, in words: where the expected page ended up, what came first, and what the dialog said. */
export function missReason(miss: QueryOutcome): string {
  const where = miss.rank > 0 ? `expected page at ${miss.rank}` : miss.ranked.length === 0 ? 'no results' : 'expected page not listed';
  const got = miss.ranked
    .slice(0, 3)
    .map((slug) => slug || '(home)')
    .join(', ');
  const said = miss.status ? `; dialog said: ${miss.status}` : '';
  return `${where}; expected ${miss.query.expect || '(home)'}${got ? `; got ${got}` : ''}${said}`;
}

const share = (outcomes: QueryOutcome[], test: (o: QueryOutcome) => boolean) =>
  outcomes.length === 0 ? 0 : outcomes.filter(test).length / outcomes.length;

/**
 * P@1: the first result is the expected page or an accepted alternative. hit@3: one is among the
 * first three pages. MRR: the mean of 1/rank (0 when missing). A miss is a query whose first result
 * is not acceptable.
 */
export function scoreRelevance(outcomes: QueryOutcome[]): RelevanceScores {
  const byKind: RelevanceScores['byKind'] = {};
  for (const kind of new Set(outcomes.map((o) => o.query.kind))) {
    const ofKind = outcomes.filter((o) => o.query.kind === kind);
    byKind[kind] = {
      queries: ofKind.length,
      precisionAt1: share(ofKind, (o) => o.rank === 1),
      hitAt3: share(ofKind, (o) => o.rank >= 1 && o.rank <= 3),
    };
  }
  return {
    queries: outcomes.length,
    precisionAt1: share(outcomes, (o) => o.rank === 1),
    hitAt3: share(outcomes, (o) => o.rank >= 1 && o.rank <= 3),
    mrr: outcomes.length === 0 ? 0 : outcomes.reduce((sum, o) => sum + (o.rank > 0 ? 1 / o.rank : 0), 0) / outcomes.length,
    byKind,
    misses: outcomes.filter((o) => o.rank !== 1),
  };
}
