import { describe, expect, it } from 'vitest';
import type { PagefindResultData, PagefindSubResult } from '../../src/search/browser/pagefind-types.ts';
import { describeCount, describeStatus, pickSubResults, toResultView } from '../../src/search/browser/results.ts';

const sub = (id: string | undefined, matches: number, url = `/net/#${id}`): PagefindSubResult => ({
  title: id ?? 'Container networking',
  url: id ? url : '/net/',
  excerpt: `about <mark>${id}</mark>`,
  anchor: id ? { element: 'h2', id, text: id, location: 0 } : undefined,
  locations: Array.from({ length: matches }, (_, i) => i),
});

describe('pickSubResults', () => {
  it('keeps real sections only: never the page top, which the page result already is', () => {
    expect(pickSubResults('/net/', [sub(undefined, 9), sub('bridge', 1)]).map((s) => s.url)).toEqual(['/net/#bridge']);
  });

  it('keeps the sections with most matches, shown in reading order', () => {
    const subs = [sub('a', 1), sub('b', 5), sub('c', 2), sub('d', 4)];
    expect(pickSubResults('/net/', subs).map((s) => s.title)).toEqual(['b', 'c', 'd']);
    expect(pickSubResults('/net/', subs, 1).map((s) => s.title)).toEqual(['b']);
  });

  it('is empty without sub-results', () => {
    expect(pickSubResults('/net/', undefined)).toEqual([]);
  });
});

describe('toResultView', () => {
  it('shows a page with its section and matching headings', () => {
    const data: PagefindResultData = {
      url: '/docker-learning/net/',
      excerpt: 'the <mark>bridge</mark>',
      meta: { title: 'Container networking' },
      filters: { section: ['Networking'] },
      sub_results: [sub('bridge', 2, '/docker-learning/net/#bridge')],
    };
    expect(toResultView(data)).toEqual({
      url: '/docker-learning/net/',
      title: 'Container networking',
      context: 'Networking',
      excerpt: 'the <mark>bridge</mark>',
      resource: false,
      subResults: [{ title: 'bridge', url: '/docker-learning/net/#bridge', excerpt: 'about <mark>bridge</mark>' }],
    });
  });

  it('marks a curated resource as external, with its domain, kind and level', () => {
    const view = toResultView({
      url: '/resources/#pwd',
      excerpt: 'a <mark>sandbox</mark>',
      meta: { title: 'Play with Docker', domain: 'labs.play-with-docker.com', kind: 'interactive', level: 'beginner' },
      filters: { section: ['Learning resources'] },
      sub_results: [sub('ignored', 3)],
    });
    expect(view).toMatchObject({
      url: '/resources/#pwd',
      title: 'Play with Docker',
      context: 'External resource · labs.play-with-docker.com · interactive · beginner',
      resource: true,
      subResults: [],
    });
  });

  it('falls back to the URL when a page has no title', () => {
    expect(toResultView({ url: '/x/', excerpt: '', meta: {} }).title).toBe('/x/');
  });
});

describe('describeCount', () => {
  it('says how many results there are and how many are shown', () => {
    expect(describeCount(1, 1, 'docker')).toBe('1 result for “docker”.');
    expect(describeCount(3, 3, 'run')).toBe('3 results for “run”.');
    expect(describeCount(8, 23, 'run')).toBe('23 results for “run”, showing the first 8.');
    expect(describeCount(0, 0, 'qwx')).toBe('No results for “qwx”.');
  });
});

describe('describeStatus', () => {
  const facts = { typed: 'docker netwrok', shown: 3, total: 3, unknown: [] as string[], partial: false, suggesting: false };

  it('says which words were left out because no page has them', () => {
    expect(describeStatus({ ...facts, unknown: ['netwrok'], suggesting: true })).toBe(
      '3 results for “docker netwrok”. “netwrok” left out: no page contains it.',
    );
  });

  it('says when the results have most, not all, of the words', () => {
    expect(describeStatus({ ...facts, partial: true })).toBe('3 results for “docker netwrok”. No page has every word; these have most of them.');
  });

  it('gives the spelling hint only when no suggestion follows', () => {
    expect(describeStatus({ ...facts, total: 0, shown: 0 })).toBe(
      'No results for “docker netwrok”. Check the spelling, or try fewer or more general words.',
    );
    expect(describeStatus({ ...facts, total: 0, shown: 0, suggesting: true })).toBe('No results for “docker netwrok”.');
  });
});
