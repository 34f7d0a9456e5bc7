import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrokenBuiltLinks, formatBuiltLinkProblems } from '../../scripts/quality/built-links.ts';
import { PROJECT_BASE, realSite, realSiteWithBase, siteUrl } from './sites.ts';

const fixture = (name: string) => path.resolve('tests/fixtures/dist/broken-links', name);

describe('built-site link gate on deliberately broken output', () => {
  it('reports missing pages, files and fragments, and nothing that works', () => {
    const problems = findBrokenBuiltLinks(fixture('root'), { base: '/', site: 'https://example.org' });
    expect(problems.map((p) => [p.page, p.url, p.message])).toEqual([
      ['index.html', 'https://example.org/missing-card.png', 'no file in the build for /missing-card.png'],
      ['index.html', '/missing/', 'no file in the build for /missing/'],
      ['index.html', '/guide/#nowhere', 'no element with id "nowhere" on /guide/'],
      ['index.html', '#gone', 'no element with id "gone" on /'],
      ['index.html', '#', '"#" links nowhere; link to an element id or use a <button>'],
      ['index.html', '/images/missing.png', 'no file in the build for /images/missing.png'],
      ['index.html', 'https://example.org/old-page/', 'no file in the build for /old-page/'],
    ]);
    expect(formatBuiltLinkProblems(problems)).toContain('index.html:15 <a href> "/missing/": no file in the build for /missing/');
  });

  it('reports a root-relative link that forgets the base path', () => {
    const problems = findBrokenBuiltLinks(fixture('base'), { base: '/docs' });
    expect(problems.map((p) => [p.page, p.url, p.message])).toEqual([
      ['index.html', '/guide/', "points outside the base path /docs: on the deployed site this is another site's page"],
    ]);
  });
});

describe('built-site link gate on the real site', () => {
  it('finds every same-site href/src and #fragment at the domain root', () => {
    const { outDir } = realSite();
    const problems = findBrokenBuiltLinks(outDir, { base: '/', site: siteUrl });
    expect(formatBuiltLinkProblems(problems)).toBe('');
  });

  describe('under a base path', () => {
    let outDir: string;
    let corrupted: string;
    beforeAll(() => {
      outDir = realSiteWithBase().outDir;
      corrupted = mkdtempSync(path.join(os.tmpdir(), 'quality-links-'));
    });
    afterAll(() => rmSync(corrupted, { recursive: true, force: true }));

    it('finds every same-site href/src and #fragment', () => {
      expect(formatBuiltLinkProblems(findBrokenBuiltLinks(outDir, { base: PROJECT_BASE, site: siteUrl }))).toBe('');
    });

    it('fails once a page is missing or a heading loses its id', () => {
      cpSync(outDir, corrupted, { recursive: true });
      const home = readFileSync(path.join(corrupted, 'index.html'), 'utf8');
      // Pick a linked page and a linked fragment from the build itself, whatever the content says today.
      const linked = [...home.matchAll(/href="(\/docker-learning\/[^"#]+\/)"/g)].map((m) => m[1]!);
      const victim = linked.find((href) => href !== '/docker-learning/')!;
      rmSync(path.join(corrupted, victim.slice(PROJECT_BASE.length), 'index.html'));
      const tocTarget = /href="#([^"]+)"/.exec(readFileSync(path.join(outDir, 'hands-on', 'dockerfile', 'index.html'), 'utf8'));
      const page = path.join(corrupted, 'hands-on', 'dockerfile', 'index.html');
      writeFileSync(page, readFileSync(page, 'utf8').replaceAll(`id="${tocTarget![1]}"`, 'id="renamed"'));

      const messages = findBrokenBuiltLinks(corrupted, { base: PROJECT_BASE, site: siteUrl }).map((p) => p.message);
      expect(messages).toContain(`no file in the build for ${victim}`);
      expect(messages).toContain(`no element with id "${tocTarget![1]}" on /docker-learning/hands-on/dockerfile/`);
    });
  });
});
