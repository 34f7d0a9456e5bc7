import { describe, expect, it } from 'vitest';
import { addressOf, compareBuilds, findMoves } from '../../scripts/pr-summary/compare.ts';
import type { LinkReport } from '../../scripts/pr-summary/link-report.ts';
import { escapeMarkdown, renderSummary } from '../../scripts/pr-summary/render.ts';
import { shinglesOf, wordsOf, type BuildSnapshot, type PageSnapshot } from '../../scripts/pr-summary/snapshot.ts';

function page(sitePath: string, text: string, extra: Partial<PageSnapshot> = {}): PageSnapshot {
  const words = wordsOf(text, 'en');
  return {
    sitePath,
    title: text.split('.')[0]!,
    words: words.length,
    contentHash: text,
    shingles: shinglesOf(words),
    firstView: 8000,
    overBudget: [],
    links: [],
    ...extra,
  };
}

function build(pages: PageSnapshot[], rest: Partial<BuildSnapshot> = {}): BuildSnapshot {
  return { pages: new Map(pages.map((p) => [p.sitePath, p])), sidebar: [], resources: [], sitemap: pages.map((p) => p.sitePath), ...rest };
}

const INSTALL = 'Install the tools. Download the engine for your system and run the installer, then check the version it reports.';

describe('findMoves', () => {
  it('pairs a removed page with the added page that carries most of its text', () => {
    const edited = `${INSTALL} One more sentence about groups.`;
    const moves = findMoves([page('/old/', INSTALL)], [page('/other/', 'A different page about networks entirely.'), page('/new/', edited)]);
    expect(moves).toEqual([
      {
        from: { sitePath: '/old/', title: 'Install the tools' },
        to: { sitePath: '/new/', title: 'Install the tools' },
        similarity: expect.any(Number),
      },
    ]);
    expect(moves[0]!.similarity).toBeGreaterThan(0.5);
    expect(moves[0]!.similarity).toBeLessThan(1);
  });

  it('leaves pages with little text in common as one removed and one added', () => {
    expect(
      findMoves([page('/old/', INSTALL)], [page('/new/', 'Compose runs many containers from one file, each a service with its own image.')]),
    ).toEqual([]);
  });
});

describe('addressOf', () => {
  it('gives the address a static host answers for a link target', () => {
    expect(addressOf('/guide/a/index.html')).toBe('/guide/a/');
    expect(addressOf('/guide/a')).toBe('/guide/a/');
    expect(addressOf('/guide/a/')).toBe('/guide/a/');
    expect(addressOf('/docker-quick-ref.pdf')).toBe('/docker-quick-ref.pdf');
  });
});

describe('compareBuilds', () => {
  it('is an error when a removed address is still linked or listed in the sitemap, and names where', () => {
    const base = build([page('/', 'Home.'), page('/gone/', 'Gone page. It said things.')]);
    const head = build([page('/', 'Home.', { links: [{ target: '/gone', line: 12 }] })], { sitemap: ['/', '/gone/'] });
    const diff = compareBuilds(base, head);
    expect(diff.stillLinked).toEqual([{ sitePath: '/gone/', movedTo: undefined, linkedFrom: [{ page: '/', line: 12 }], inSitemap: true }]);
    const markdown = renderSummary(diff);
    expect(markdown).toContain('### ❌ 1 address still linked');
    expect(markdown).toContain(
      '- `/gone/` was removed, but these still point to it: `/` (line 12 of its HTML), the sitemap. Fix: remove those links or link to another page.',
    );
  });

  it('is no error when the removed page is no longer linked', () => {
    const base = build([page('/', 'Home.'), page('/gone/', 'Gone page. It said things.')]);
    const head = build([page('/', 'Home.', { links: [{ target: '/other/', line: 3 }] })]);
    const diff = compareBuilds(base, head);
    expect(diff.stillLinked).toEqual([]);
    expect(diff.pages.removed).toEqual([{ sitePath: '/gone/', title: 'Gone page' }]);
    expect(renderSummary(diff)).not.toContain('still linked');
  });

  it('lists a page past its budget only when it crossed it or grew further', () => {
    const over = ['first view is 17000 bytes gzip, budget is under 16384'];
    const base = build([
      page('/a/', 'A.', { firstView: 9000 }),
      page('/b/', 'B.', { firstView: 17000, overBudget: over }),
      page('/c/', 'C.', { firstView: 17000, overBudget: over }),
    ]);
    const head = build([
      page('/a/', 'A.', { firstView: 17000, overBudget: over }),
      page('/b/', 'B.', { firstView: 17000, overBudget: over }),
      page('/c/', 'C.', { firstView: 17500, overBudget: over }),
    ]);
    const diff = compareBuilds(base, head);
    expect(diff.changed.map((change) => [change.sitePath, change.contentChanged, change.pastBudget.length])).toEqual([
      ['/a/', false, 1],
      ['/c/', false, 1],
    ]);
  });

  it('gives new resources the verdict of the changed-lines check, and says when there was no check', () => {
    const report: LinkReport = {
      schemaVersion: 1,
      offline: false,
      changedSince: 'origin/main',
      links: [
        { url: 'https://broken.example/', verdict: 'broken', status: 404, places: [{ file: 'content/links.yaml', line: 4, resourceId: 'dead' }] },
      ],
    };
    const base = build([page('/', 'Home.')], {
      resources: [
        { id: 'kept', title: 'Kept', url: 'https://kept.example/' },
        { id: 'old', title: 'Old', url: 'https://old.example/' },
      ],
    });
    const head = build([page('/', 'Home.')], {
      resources: [
        { id: 'kept', title: 'Kept', url: 'https://kept.example/' },
        { id: 'dead', title: 'Dead | link', url: 'https://broken.example/' },
        { id: 'quiet', title: 'Quiet', url: 'https://quiet.example/' },
      ],
    });
    const diff = compareBuilds(base, head, report);
    expect(diff.resources.map((change) => [change.change, change.resource.id, change.check?.text])).toEqual([
      ['added', 'dead', '❌ broken (404)'],
      ['added', 'quiet', 'not in the link report (its line did not change since origin/main)'],
      ['removed', 'old', undefined],
    ]);
    expect(renderSummary(diff)).toContain('| added | Dead \\| link (`dead`): https://broken.example/ | ❌ broken (404) |');
    expect(compareBuilds(base, head).resources[0]?.check?.text).toBe('not checked (no --link-report given)');
    expect(compareBuilds(base, head, { ...report, offline: true }).resources[0]?.check?.text).toBe(
      'not checked: the link checker could not reach the network',
    );
  });
});

describe('renderSummary', () => {
  it('shows page titles as text, not as Markdown or HTML', () => {
    expect(escapeMarkdown('<img src=x> *bold* | [link](y)')).toBe('\\<img src=x\\> \\*bold\\* \\| \\[link\\](y)');
  });

  it('says how to open a build on this machine', () => {
    const markdown = renderSummary(compareBuilds(build([page('/', 'Home.')]), build([page('/', 'Home.')])), { preview: { localDist: 'dist' } });
    expect(markdown).toContain('**0 pages added · 0 moved · 0 removed · 0 changed** (1 unchanged)');
    expect(markdown).toContain('npx serve dist\nnpm run preview -- --dist dist');
  });
});
