import type { BlindQuery } from './blind-queries.ts';
import type { LearnerQuery } from './queries.ts';

/**
 * A blind set's one fixed split (the same rule for every set), decided before any tuning: within each kind, in file order,
 * the 1st, 3rd, 5th … query is for tuning and the 2nd, 4th, 6th … for testing. Every kind is
 * in both halves in equal measure, and adding queries at the end of the file never moves an old one.
 * Ranking may be tuned on the tuning half only; the test half says how it does on unseen queries.
 */
export function splitBlind(queries: BlindQuery[]): { tuning: LearnerQuery[]; test: LearnerQuery[] } {
  const seen = new Map<string, number>();
  const tuning: LearnerQuery[] = [];
  const test: LearnerQuery[] = [];
  for (const query of queries) {
    const position = seen.get(query.kind) ?? 0;
    seen.set(query.kind, position + 1);
    (position % 2 === 0 ? tuning : test).push(toLearnerQuery(query));
  }
  return { tuning, test };
}

/**
 * The blind set names a section's landing page by its file (`hands-on/index`, the home page
 * `index`); results link to the landing page's URL (`/hands-on/`), whose slug has no `index`.
 */
export function landingSlug(slug: string): string {
  return slug === 'index' ? '' : slug.replace(/\/index$/, '');
}

function toLearnerQuery({ query, kind, expect, also }: BlindQuery): LearnerQuery {
  return { query, kind, expect: landingSlug(expect), also: also?.map(landingSlug) };
}
