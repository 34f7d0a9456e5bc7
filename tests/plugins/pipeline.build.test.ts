/**
 * Builds tests/fixtures/content/plugins-site with the real astro.config.mjs and checks that every Markdown
 * plugin ran on both the .md and the .mdx page. This is what proves the unified processor is in use:
 * Astro 7's default processor would render the same pages without any of this markup.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPage, type BuildResult } from '../helpers/build-site.ts';
import { Page } from '../../scripts/support/html-page.ts';

const BASE = '/docker-learning';

describe('Markdown plugins in a real build (.md and .mdx), under a base path', () => {
  let build: BuildResult;
  let pages: { md: Page; mdx: Page };
  beforeAll(() => {
    build = buildSite({ contentDir: 'tests/fixtures/content/plugins-site', name: 'plugins-site', base: BASE });
    if (build.status !== 0) throw new Error(`Building the plugin fixture failed:\n${build.output}`);
    pages = { md: new Page(readPage(build.outDir, 'guide/markdown')), mdx: new Page(readPage(build.outDir, 'reference/mdx-page')) };
  });

  it('turns GitHub alerts into titled callouts and leaves plain quotes alone', () => {
    expect(pages.md.text('div.callout.callout-note[role="note"] > p.callout-title')).toBe('Note');
    expect(pages.md.text('blockquote')).toBe('An ordinary quote stays a blockquote.');
    expect(pages.mdx.text('div.callout.callout-warning[role="note"] > p.callout-title')).toBe('Warning');
    for (const page of [pages.md, pages.mdx]) expect(page.text('main')).not.toContain('[!');
  });

  it('rewrites relative links between content files to site URLs with the base path', () => {
    const hrefs = (page: Page) => page.all('.callout a').map((a) => a.properties.href);
    expect(hrefs(pages.md)).toEqual([`${BASE}/reference/mdx-page/#running-a-container`, `${BASE}/reference/`]);
    expect(hrefs(pages.mdx)).toEqual([`${BASE}/guide/markdown/#code-with-a-title`, `${BASE}/guide/`]);
    // A JSX <a> in MDX, and the targets of those links exist in the build.
    expect(pages.mdx.all('a').map((a) => a.properties.href)).toContain(`${BASE}/guide/markdown/#checklist`);
    expect(pages.md.one('h2#code-with-a-title')).toBeDefined();
    expect(pages.md.one('h3#checklist')).toBeDefined();
    expect(pages.mdx.one('h2#running-a-container')).toBeDefined();
  });

  it('appends a labelled, search-ignored anchor link to h2–h4 without changing the heading text', () => {
    for (const [page, id, text] of [
      [pages.md, 'alerts-and-links', 'Alerts and links'],
      [pages.md, 'image', 'Image'],
      [pages.mdx, 'tasks', 'Tasks'],
    ] as const) {
      const anchor = page.one(`#${id} > a.heading-anchor`);
      expect(anchor?.properties).toMatchObject({ href: `#${id}`, ariaLabel: `Link to section: ${text}`, dataPagefindIgnore: '' });
      expect(page.one(`#${id} > a.heading-anchor > span.heading-anchor-icon[aria-hidden="true"]`)).toBeDefined();
      expect(page.text(`#${id}`)).toBe(text);
    }
    // Astro's own heading list (used for the table of contents) sees the plain text.
    expect(pages.md.texts('nav.toc a')).toEqual(['Alerts and links', 'Code with a title', 'Checklist']);
  });

  it('wraps titled code blocks in a figure around the highlighted, keyboard-focusable pre', () => {
    expect(pages.md.text('figure.code-block > figcaption.code-title')).toBe('server.js');
    expect(pages.mdx.text('figure.code-block > figcaption.code-title')).toBe('compose.yaml');
    for (const page of [pages.md, pages.mdx]) {
      expect(page.one('figure.code-block > pre.astro-code[tabindex="0"]')).toBeDefined();
      const pres = page.all('pre');
      expect(pres.length).toBeGreaterThan(0);
      for (const pre of pres) expect(pre.properties.tabIndex).toBe(0);
    }
    expect(pages.md.all('pre').length).toBe(2); // the untitled block stays a bare pre
    expect(pages.md.all('figure.code-block').length).toBe(1);
  });

  it('gives task-list checkboxes an accessible name', () => {
    expect(pages.md.all('li.task-list-item input[type="checkbox"]').map((i) => i.properties.ariaLabel)).toEqual([
      'Install Docker Engine',
      'Run hello-world',
    ]);
    expect(pages.mdx.all('li.task-list-item input[type="checkbox"]').map((i) => i.properties.ariaLabel)).toEqual([
      'Write a compose file',
      'Start it with docker compose up',
    ]);
  });

  it('adds rel="noopener noreferrer" to external links only, without target', () => {
    for (const [page, href] of [
      [pages.md, 'https://docs.docker.com/get-started/'],
      [pages.mdx, 'https://hub.docker.com/'],
    ] as const) {
      const link = page.one(`a[href="${href}"]`);
      expect(link?.properties.rel).toEqual(['noopener', 'noreferrer']);
      expect(link?.properties.target).toBeUndefined();
    }
    expect(pages.md.one(`.callout a[href="${BASE}/reference/"]`)?.properties.rel).toBeUndefined();
  });

  it('leaves relative images to Astro, which optimises them', () => {
    const src = String(pages.md.attr('img[alt="Stacked image layers"]', 'src'));
    expect(src.startsWith(`${BASE}/_astro/`)).toBe(true);
    expect(existsSync(path.join(build.outDir, src.slice(BASE.length)))).toBe(true);
  });
});

describe('content validation in a real build', () => {
  // Needs `validateContent()` in astro.config.mjs integrations (src/integrations/validate-content.ts).
  it('stops the build of a bad fixture before rendering, ending with the problem list and no stack trace', () => {
    const result = buildSite({ contentDir: 'tests/fixtures/content/bad-link', name: 'plugins-bad-link' });
    expect(result.status).not.toBe(0);
    // Astro's own progress lines come first (the full check runs on another thread while Astro
    // loads the content); the list is the last thing printed, so it is what the maintainer sees.
    const lines = result.output
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(-2);
    expect(lines[0]).toMatch(/\[validate-content\] The content has problems; fix them and build again \(1 problem\):$/);
    expect(lines[1]).toBe(
      '  - tests/fixtures/content/bad-link/docs/guide/first-steps.md:9: link "../networking/bridges.md#default-bridge" points to tests/fixtures/content/bad-link/docs/networking/bridges.md, which does not exist. Fix the path or create the page.',
    );
    expect(result.output).not.toMatch(/Stack trace|^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });
});
