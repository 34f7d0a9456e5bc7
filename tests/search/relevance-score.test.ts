import { describe, expect, it } from 'vitest';
import { LEARNER_QUERIES, type LearnerQuery } from '../../scripts/bench-search/queries.ts';
import { judge, pageSlug, scoreRelevance } from '../../scripts/bench-search/relevance.ts';

describe('the relevance benchmark', () => {
  it('reads the page of a result URL, with or without a base path and an anchor', () => {
    expect(pageSlug('http://127.0.0.1:4000/hands-on/compose/#run-it')).toBe('hands-on/compose');
    expect(pageSlug('/docker-learning/reference/quick-reference/#cmd-docker-ps', '/docker-learning')).toBe('reference/quick-reference');
    expect(pageSlug('/docker-learning/', '/docker-learning/')).toBe('');
  });

  it('scores P@1, hit@3 and MRR, counting accepted alternatives and each page once', () => {
    const q = (query: string, expect: string, also?: string[]): LearnerQuery => ({ query, kind: 'topic', expect, also });
    const outcomes = [
      judge(q('a', 'x'), ['/x/', '/y/']), // rank 1
      judge(q('b', 'x', ['z']), ['/y/', '/y/#part', '/z/']), // the second distinct page is an alternative: rank 2
      judge(q('c', 'x'), ['/y/', '/w/', '/v/', '/x/']), // rank 4: not in the first three
      judge(q('d', 'x'), []), // missing
    ];
    const scores = scoreRelevance(outcomes);
    expect(scores).toMatchObject({ queries: 4, precisionAt1: 0.25, hitAt3: 0.5 });
    expect(scores.mrr).toBeCloseTo((1 + 1 / 2 + 1 / 4 + 0) / 4);
    expect(scores.misses.map((miss) => [miss.query.query, miss.rank])).toEqual([
      ['b', 2],
      ['c', 4],
      ['d', 0],
    ]);
  });

  it('has at least 40 distinct learner queries of every kind the issue names', () => {
    expect(new Set(LEARNER_QUERIES.map((q) => q.query)).size).toBe(LEARNER_QUERIES.length);
    expect(LEARNER_QUERIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LEARNER_QUERIES.map((q) => q.kind))).toEqual(new Set(['topic', 'command', 'question', 'typo']));
  });
});
