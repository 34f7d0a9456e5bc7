import { describe, expect, it } from 'vitest';
import {
  adjacency,
  hasPhrase,
  kindFactor,
  passage,
  proximity,
  queryIntent,
  rankResults,
  termSequence,
  titleMatch,
  type PageSignal,
  type TermHit,
} from '../../src/search/ranking/rank.ts';

const lesson = (order: number, introduced = ''): PageSignal => ({ kind: 'lesson', order, introduced });
/** One query word's answer from Pagefind that scores every page given alike. */
const alike = (...ids: string[]) => ids.map((id) => ({ id, score: 5 }));

describe('proximity', () => {
  it('is 1 when the words stand next to each other and falls as they drift apart', () => {
    expect(proximity([[10], [11]])).toBe(1);
    expect(
      proximity([
        [10, 200],
        [150, 205],
      ]),
    ).toBeCloseTo(2 / 6);
    expect(proximity([[10], [60]])).toBeCloseTo(2 / 51);
  });

  it('counts only the words the page has, and nothing for a single word', () => {
    expect(proximity([[5], [], [6]])).toBe(1);
    expect(proximity([[5, 6, 7]])).toBe(0);
  });
});

describe('adjacency', () => {
  it('is 1 when each pair of neighbouring query words stands side by side, less as they drift apart', () => {
    expect(adjacency([[10], [11]], [1, 1])).toBe(1);
    expect(adjacency([[10], [14]], [1, 1])).toBeCloseTo(1 / 4);
    expect(
      adjacency(
        [
          [10, 50],
          [51, 200],
        ],
        [1, 1],
      ),
    ).toBe(1);
  });

  it('counts words at one position as side by side: the parts of "copy-on-write" for "copy on write"', () => {
    expect(adjacency([[7], [7]], [1, 1])).toBe(1);
  });

  it('weighs each pair by its lesser word and counts a missing word as apart', () => {
    // "exec form" together, "shell" missing: half the pairs, by weight.
    expect(adjacency([[3], [4], []], [2, 2, 2])).toBeCloseTo(0.5);
    expect(adjacency([[3], [4], []], [2, 2, 6])).toBeCloseTo(0.5);
    expect(adjacency([[3]], [1])).toBe(0);
  });

  it('pairs the words as typed, so a word typed twice stands next to each of its neighbours', () => {
    // "docker stop and docker kill", searched as docker, stop, kill: "docker kill" is a pair too.
    expect(termSequence('docker stop and Docker kill', ['docker', 'stop', 'kill'])).toEqual([0, 1, 0, 2]);
    const positions = [[10, 20], [11], [21]];
    expect(adjacency(positions, [1, 1, 1], [0, 1, 0, 2])).toBeGreaterThan(adjacency(positions, [1, 1, 1]));
    // A corrected query no longer holds the typed words: the terms' own order.
    expect(termSequence('netwrok bridge', ['network', 'bridge'])).toEqual([0, 1]);
  });
});

it('hasPhrase: the query words one after another, in the order typed', () => {
  expect(hasPhrase([[4, 20], [21]], [0, 1])).toBe(true);
  expect(hasPhrase([[4, 20], [22]], [0, 1])).toBe(false);
  expect(hasPhrase([[21], [20]], [0, 1])).toBe(false);
  // "docker stop and docker kill" as [docker, stop, docker, kill]: one chain, not two pairs.
  expect(hasPhrase([[1, 3], [2], [4]], [0, 1, 0, 2])).toBe(true);
  expect(hasPhrase([[1, 9], [2], [10]], [0, 1, 0, 2])).toBe(false);
  expect(hasPhrase([[1]], [0])).toBe(false);
});

describe('queryIntent and kindFactor', () => {
  it('holds reference pages back unless the query asks for one', () => {
    expect(kindFactor('reference', queryIntent('docker system prune'))).toBeLessThan(1);
    expect(kindFactor('reference', queryIntent('docker cheat sheet'))).toBeGreaterThan(1);
    expect(kindFactor('reference', queryIntent('list all commands'))).toBeGreaterThan(1);
    expect(kindFactor('reference', queryIntent('list of docker commands'))).toBeGreaterThan(1);
    expect(kindFactor('reference', queryIntent('all docker compose commands'))).toBeGreaterThan(1);
    expect(kindFactor('reference', queryIntent('run commands in a container'))).toBeLessThan(1);
    expect(kindFactor('lesson', queryIntent('volumes'))).toBe(1);
  });

  it('reads outside material into "online", "blog", "labs" and "learn … next", but not into "interactive"', () => {
    for (const typed of [
      'play with docker online',
      'docker blogs to follow',
      'hands-on labs',
      'learn kubernetes next',
      'docker youtube channel',
      'try docker without installing',
    ])
      expect(queryIntent(typed).resource, typed).toBe(true);
    expect(queryIntent('interactive shell').resource).toBe(false);
    expect(queryIntent('next steps for my container').resource).toBe(false);
  });
});

describe('rankResults', () => {
  const pages: Record<string, PageSignal> = {
    first: lesson(1, 'run --rm'),
    security: lesson(9, 'capabl'),
    ref: { kind: 'reference', order: 20, introduced: 'docker system prune --rm' },
    networking: lesson(5, 'network'),
    other: lesson(3),
  };
  const rank = (typed: string, terms: string[], perTerm: TermHit[][], resources = new Set<string>()) =>
    rankResults({ typed, terms, perTerm, pages, resources, total: 30 }).map((r) => r.id);

  it('puts the lesson above the quick reference that scores higher for a command', () => {
    const hits = [
      [
        { id: 'ref', score: 10 },
        { id: 'other', score: 7 },
      ],
      [
        { id: 'ref', score: 10 },
        { id: 'other', score: 7 },
      ],
      [
        { id: 'ref', score: 10 },
        { id: 'other', score: 7 },
      ],
    ];
    expect(rank('docker system prune', ['docker', 'system', 'prune'], hits)[0]).toBe('other');
    // Asked for the reference, the reference comes first.
    expect(rank('docker system prune cheat sheet', ['docker', 'system', 'prune'], hits)[0]).toBe('ref');
  });

  it('puts the quick reference first for a command only its rows document, never above a lesson that has the command', () => {
    // "docker port": every lesson has both words, apart; only a quick-reference row has them together.
    const refPages: Record<string, PageSignal> = { ...pages, ref: { kind: 'reference', order: 20, introduced: 'docker port' } };
    const hits = (lessonPositions: number[][]) => [
      [
        { id: 'other', score: 12, words: lessonPositions[0] },
        { id: 'ref', score: 6, words: [40] },
      ],
      [
        { id: 'other', score: 12, words: lessonPositions[1] },
        { id: 'ref', score: 6, words: [41] },
      ],
    ];
    const rankPort = (perTerm: TermHit[][], signals = refPages) =>
      rankResults({ typed: 'docker port', terms: ['docker', 'port'], perTerm, pages: signals, resources: new Set(), total: 30 }).map((r) => r.id);
    expect(
      rankPort(
        hits([
          [3, 30],
          [9, 50],
        ]),
      )[0],
    ).toBe('ref');
    // A lesson with "docker port" itself teaches it: the reference stays after it.
    expect(
      rankPort(
        hits([
          [3, 30],
          [9, 31],
        ]),
      )[0],
    ).toBe('other');
    // A phrase outside the command rows (a glossary's prose) does not count.
    expect(
      rankPort(
        hits([
          [3, 30],
          [9, 50],
        ]),
        { ...pages, ref: { kind: 'reference', order: 20, introduced: '' } },
      )[0],
    ).toBe('other');
  });

  it('counts an italic term of several words only for a query with all of them', () => {
    // The Dockerfile lesson names the *exec form*; the debugging lesson teaches `docker exec`.
    const signals: Record<string, PageSignal> = { dockerfile: lesson(3, 'exec+form'), debugging: lesson(9, 'exec') };
    const hits = (scores: [number, number]) => [
      { id: 'dockerfile', score: scores[0] },
      { id: 'debugging', score: scores[1] },
    ];
    const rankOf = (typed: string, terms: string[], perTerm: TermHit[][]) =>
      rankResults({ typed, terms, perTerm, pages: signals, resources: new Set(), total: 30 }).map((r) => r.id);
    expect(rankOf('docker exec', ['docker', 'exec'], [hits([10, 10]), hits([10, 10])])[0]).toBe('debugging');
    expect(rankOf('exec form', ['exec', 'form'], [hits([8, 10]), hits([8, 10])])[0]).toBe('dockerfile');
  });

  it('sends a flag to the lesson that introduces it, not the one that uses it most', () => {
    const hits = [
      [
        { id: 'security', score: 12 },
        { id: 'first', score: 8 },
      ],
    ];
    expect(rank('--rm', ['--rm'], hits)[0]).toBe('first');
  });

  it('sends a flag explained only in prose to the first lesson that uses it', () => {
    // Neither page lists --init in a heading, bold or list; the later one uses it more.
    const hits = [
      [
        { id: 'security', score: 12 },
        { id: 'networking', score: 8 },
      ],
    ];
    expect(rank('--init', ['--init'], hits)[0]).toBe('networking');
    // A plain word is not a flag: the page that uses it most comes first.
    expect(rank('init', ['init'], hits)[0]).toBe('security');
  });

  it('counts a match by prefix only ("topic" for "top") far below the word itself', () => {
    const hits = [
      [
        { id: 'other', score: 6 },
        { id: 'networking', score: 1 },
      ],
    ];
    const ranked = (exact?: string[][]) =>
      rankResults({ typed: 'top', terms: ['top'], perTerm: hits, exact, pages, resources: new Set(), total: 30 }).map((r) => r.id);
    expect(ranked()).toEqual(['other', 'networking']);
    expect(ranked([['networking']])[0]).toBe('networking');
    // No page has the word itself: the prefix matches are all there is, in Pagefind's order.
    expect(ranked([[]])).toEqual(['other', 'networking']);
  });

  it('lets the word a page is about outweigh an incidental word of a question', () => {
    // "why is root bad": each word on one page only, so equally rare; one page is about root (its
    // headings, many mentions), the other says "bad" once in passing.
    const hits = [[{ id: 'security', score: 20 }], [{ id: 'networking', score: 2 }]];
    expect(rank('why is root bad', ['root', 'bad'], hits)[0]).toBe('security');
  });

  it('never treats a path, port or version as an incidental word', () => {
    // A pasted error: "linux/amd64" is on one page, once; the page about "platform" says more.
    const hits = [[{ id: 'security', score: 20 }], [{ id: 'networking', score: 2 }]];
    expect(rank('platform linux/amd64', ['platform', 'linux/amd64'], hits)[0]).toBe('networking');
    expect(rank('platform amd', ['platform', 'amd'], hits)[0]).toBe('security');
  });

  it('lists a page without every word when it has the rare ones', () => {
    // "container" is everywhere; "memory" and "default" only on two pages.
    const everywhere = Object.keys(pages).map((id) => ({ id, score: 5 }));
    const hits = [
      everywhere,
      [{ id: 'networking', score: 6 }],
      [
        { id: 'networking', score: 4 },
        { id: 'first', score: 4 },
      ],
    ];
    const ids = rank('container memory default', ['container', 'memory', 'default'], hits);
    expect(ids[0]).toBe('networking');
    expect(ids).toContain('first'); // has "default" but not "memory"
    expect(ids).not.toContain('other'); // only the word every page has
  });

  it('prefers the page where the words stand together', () => {
    const hits = [
      [
        { id: 'other', score: 5, words: [10, 400] },
        { id: 'networking', score: 5, words: [40] },
      ],
      [
        { id: 'other', score: 5, words: [200] },
        { id: 'networking', score: 5, words: [41] },
      ],
    ];
    expect(rank('containers talk', ['containers', 'talk'], hits)[0]).toBe('networking');
  });

  it('keeps curated resources after our pages unless the query asks for outside material', () => {
    const resources = new Set(['res']);
    const hits = [
      [
        { id: 'res', score: 20 },
        { id: 'other', score: 2 },
      ],
    ];
    expect(rank('kubernetes', ['kubernetes'], hits, resources)).toEqual(['other', 'res']);
    expect(rank('kubernetes video', ['kubernetes'], hits, resources)[0]).toBe('res');
  });

  it('puts a curated resource above the lesson that matches a little better when the query asks for further reading', () => {
    const resources = new Set(['res']);
    const hits = [
      [
        { id: 'other', score: 6 },
        { id: 'res', score: 5 },
      ],
    ];
    expect(rank('network', ['network'], hits, resources)[0]).toBe('other');
    expect(rank('further reading network', ['network'], hits, resources)[0]).toBe('res');
  });
});

describe('titles', () => {
  it('titleMatch: how far the query names the page, by the stems both share', () => {
    expect(titleMatch(new Set(['contain']), 'contain')).toBe(1);
    expect(titleMatch(new Set(['contain']), 'contain virtual machin')).toBeCloseTo(1 / 3);
    expect(titleMatch(new Set(['share', 'imag', 'friend']), 'share imag')).toBeCloseTo(2 / 3);
    expect(titleMatch(new Set(['contain']), undefined)).toBe(0);
  });

  it('puts the page titled with the query first when Pagefind scores two pages alike', () => {
    const pages: Record<string, PageSignal> = {
      both: { kind: 'concept', order: 1, introduced: 'contain', title: 'contain virtual machin' },
      containers: { kind: 'concept', order: 2, introduced: 'contain', title: 'contain' },
    };
    const perTerm = [alike('both', 'containers')];
    const ids = rankResults({ typed: 'containers', terms: ['containers'], perTerm, pages, resources: new Set(), total: 30 }).map((r) => r.id);
    expect(ids).toEqual(['containers', 'both']);
  });
});

describe('passage', () => {
  it('is the most query weight one stretch of words holds, absent words counting against it', () => {
    // "shell" and "running" two words apart, "container" far away: two of three equal words.
    expect(passage([[10], [12], [200]], [1, 1, 1])).toBeCloseTo(2 / 3);
    // All three within 24 words.
    expect(passage([[10], [12], [30]], [1, 1, 1])).toBe(1);
    // A heavy word alone beats two light ones together.
    expect(passage([[10], [12], [200]], [1, 1, 3])).toBeCloseTo(3 / 5);
    // A word the page lacks still counts in the whole.
    expect(passage([[10], [], [11]], [1, 2, 1])).toBeCloseTo(2 / 4);
    expect(passage([[], []], [1, 1])).toBe(0);
  });

  it('ranks the page that holds the question in one paragraph over a longer page that has its words far apart', () => {
    const pages: Record<string, PageSignal> = { long: lesson(1), answer: lesson(2) };
    const terms = ['shell', 'running', 'container'];
    // The long page has "shell running" side by side and "container" far off; the answer has all
    // three in one sentence, a few words apart.
    const perTerm = terms.map((_, t) => [
      { id: 'long', score: 5, words: [[0, 1, 600][t]!] },
      { id: 'answer', score: 5, words: [500 + t * 6] },
    ]);
    const ids = rankResults({ typed: 'shell running container', terms, perTerm, pages, resources: new Set(), total: 30 }).map((r) => r.id);
    expect(ids).toEqual(['answer', 'long']);
  });
});

describe('descriptions', () => {
  it('puts the page whose description names the query words first when the body matches alike', () => {
    // "let a restart policy bring it back after a crash": the lesson about crashes says so in its summary.
    const pages: Record<string, PageSignal> = {
      compose: { kind: 'lesson', order: 1, introduced: '', description: 'app postgresql redi' },
      fails: { kind: 'lesson', order: 2, introduced: '', description: 'restart polici crash log' },
    };
    const terms = ['container', 'crashes'];
    const perTerm = terms.map(() => alike('compose', 'fails'));
    const rank = (signals: Record<string, PageSignal>) =>
      rankResults({ typed: 'container crashes', terms, perTerm, pages: signals, resources: new Set(), total: 30 }).map((r) => r.id);
    expect(rank(pages)).toEqual(['fails', 'compose']);
    // Without the descriptions, course order decides: the earlier lesson.
    expect(rank({ compose: { ...pages.compose!, description: '' }, fails: { ...pages.fails!, description: '' } })).toEqual(['compose', 'fails']);
  });

  it('counts a synonym the description holds ("reboot" for a page that says "restart")', () => {
    const pages: Record<string, PageSignal> = {
      a: { kind: 'lesson', order: 1, introduced: '', description: 'app databas' },
      b: { kind: 'lesson', order: 2, introduced: '', description: 'restart polici' },
    };
    const perTerm = [alike('a', 'b')];
    expect(rankResults({ typed: 'reboot', terms: ['reboot'], perTerm, pages, resources: new Set(), total: 30 })[0]!.id).toBe('b');
  });
});

describe('rankResults lists the page whose title or headings name the query', () => {
  it('keeps "Share an image" for "share my image with a friend", though only other pages have the rare "friend"', () => {
    const pages: Record<string, PageSignal> = {
      share: lesson(4, 'imag share'),
      concept: { kind: 'concept', order: 0, introduced: '' },
      ...Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => [id, lesson(5 + i)])),
    };
    const ids = Object.keys(pages);
    const typed = 'share my image with a friend';
    const terms = ['share', 'image', 'friend'];
    // "share" and "image" are on every page, "friend" on one: it outweighs the other two together.
    const perTerm = [ids.map((id) => ({ id, score: id === 'share' ? 9 : 2 })), ids.map((id) => ({ id, score: 3 })), [{ id: 'concept', score: 2 }]];
    const listed = rankResults({ typed, terms, perTerm, pages, resources: new Set(), total: 30 }).map((r) => r.id);
    expect(listed).toContain('share');
    // The same page without the headings that name the words is dropped, like any page without the rare one.
    const plain = { ...pages, share: lesson(4) };
    expect(rankResults({ typed, terms, perTerm, pages: plain, resources: new Set(), total: 30 }).map((r) => r.id)).not.toContain('share');
  });
});

describe('rankResults for a query that asks for outside material', () => {
  it('lists the curated resource on the topic, though only a lesson holds the rare "further"', () => {
    const pages: Record<string, PageSignal> = { concept: { kind: 'concept', order: 1, introduced: '' }, lesson: lesson(2) };
    const resources = new Set(['cgroups-man-page']);
    const perTerm = [
      [{ id: 'lesson', score: 4 }], // "further": one page of ours says "further" in passing
      [
        { id: 'lesson', score: 2 },
        { id: 'concept', score: 2 },
      ], // "reading"
      [
        { id: 'concept', score: 8 },
        { id: 'cgroups-man-page', score: 8 },
      ], // "cgroups"
    ];
    const ids = rankResults({
      typed: 'further reading on cgroups',
      terms: ['further', 'reading', 'cgroups'],
      perTerm,
      pages,
      resources,
      total: 60,
    }).map((r) => r.id);
    expect(ids).toContain('cgroups-man-page');
    expect(ids).not.toContain('lesson');
  });

  it('puts a book first, before a lesson that happens to say "book" and has every other word too', () => {
    const pages: Record<string, PageSignal> = { lesson: lesson(1) };
    const resources = new Set(['a-book']);
    const perTerm = [
      [
        { id: 'lesson', score: 3 },
        { id: 'a-book', score: 3 },
      ], // "book": the lesson says it once
      [
        { id: 'lesson', score: 6 },
        { id: 'a-book', score: 2 },
      ], // "docker"
    ];
    const ranked = rankResults({ typed: 'good docker book', terms: ['book', 'docker'], perTerm, pages, resources, total: 60 });
    expect(ranked[0]?.id).toBe('a-book');
  });
});

describe('rankResults leaves out pages with only the common words', () => {
  it('drops a page that has "docker" but not the rare "top"', () => {
    const pages: Record<string, PageSignal> = { a: lesson(1), b: lesson(2), c: lesson(3), d: lesson(4) };
    const everywhere = ['a', 'b', 'c', 'd'].map((id) => ({ id, score: 5 }));
    const ranked = rankResults({
      typed: 'docker top',
      terms: ['docker', 'top'],
      perTerm: [everywhere, [{ id: 'c', score: 3 }]],
      pages,
      resources: new Set(),
      total: 30,
    });
    expect(ranked.map((r) => r.id)).toEqual(['c']);
  });
});
