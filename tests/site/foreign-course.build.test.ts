import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPage, type BuildResult } from '../helpers/build-site.ts';
import { Page } from '../../scripts/support/html-page.ts';
import { describeBuiltLinkProblem, findBrokenBuiltLinks } from '../../scripts/quality/built-links.ts';
import { parsePdfArgs } from '../../scripts/pdf.ts';
import { loadSiteConfig } from '../../src/core/site-config.ts';
import { projectRoot } from '../../src/core/env.ts';

// A course written for Starlight, copied in as it is: numbered folders and chapters, no
// descriptions, asides, a _category_.json, images in public/ and beside the pages, one .mdx chapter,
// and links in every style migrating authors bring: to .md files, relative to the page URL
// (Starlight), without extension (Docusaurus) and from the site root. Built under a base path, so
// root-absolute paths have to gain it and URL-relative ones must work untouched.
const fixture = 'tests/fixtures/content/foreign-course';
const base = '/course';
/** The course's own settings file: a second course builds without an edit to src/. */
const settingsFile = path.join(fixture, 'site.config.ts');

describe('a course written for another generator builds unchanged', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({
      contentDir: fixture,
      name: 'foreign-course',
      base,
      env: { DOCS_PUBLIC_DIR: path.join(fixture, 'public'), DOCS_SITE_CONFIG: settingsFile },
    });
  });
  const page = (sitePath: string) => new Page(readPage(build.outDir, sitePath));

  it('builds, and warns once about the pages without a description', () => {
    expect(build.status, build.output).toBe(0);
    const warnings = build.output.split('\n').filter((line) => line.includes('have no description'));
    expect(warnings).toHaveLength(1);
    expect(build.output).toContain('  - tests/fixtures/content/foreign-course/docs/01-getting-started/03-images.mdx');
  });

  it('publishes every chapter at a URL without its number prefix', () => {
    const built = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('index.html'))
      .sort();
    expect(built).toEqual([
      'conclusion/index.html',
      'getting-started/first-run/index.html',
      'getting-started/images/index.html',
      'getting-started/install/index.html',
      'index.html',
      'introduction/what-you-will-learn/index.html',
      'introduction/why-containers/index.html',
      'modern-docker/compose/index.html',
      'modern-docker/volumes/index.html',
      'resources/index.html',
    ]);
  });

  it('orders sections and chapters by file name, labelled without prefixes', () => {
    const home = page('');
    expect(home.texts('nav.sidebar .nav-section-title').map((label) => label.replace(/\s*\d+ pages$/, ''))).toEqual([
      'Introduction',
      'Getting started',
      'Modern docker',
      'Conclusion',
    ]);
    // A collapsed folder without an index page still leads somewhere: its first chapter.
    expect(home.attr('nav.sidebar a.nav-section-title', 'href')).toBe(`${base}/introduction/what-you-will-learn/`);
    const chapter = page('getting-started/first-run');
    expect(chapter.texts('nav.sidebar .nav-section.expanded li a')).toEqual(['Installing the engine', 'Your first run', 'Looking at images']);
    expect(chapter.all('nav.sidebar [aria-current="page"]').map((a) => a.properties.href)).toEqual([`${base}/getting-started/first-run/`]);
  });

  it('gives breadcrumbs and previous/next in file order, across sections', () => {
    const chapter = page('getting-started/install');
    expect(chapter.texts('nav.breadcrumbs li')).toEqual(['Home', 'Getting started', 'Installing the engine']);
    expect(chapter.attr('.pager a[rel="prev"]', 'href')).toBe(`${base}/introduction/why-containers/`);
    expect(chapter.attr('.pager a[rel="next"]', 'href')).toBe(`${base}/getting-started/first-run/`);
    expect(page('getting-started/images').attr('.pager a[rel="next"]', 'href')).toBe(`${base}/modern-docker/compose/`);
  });

  it('renders Starlight and Docusaurus asides as callouts, and leaves colons in prose alone', () => {
    expect(page('introduction/what-you-will-learn').texts('div.callout-note[role="note"] .callout-title')).toEqual(['Note']);
    expect(page('introduction/why-containers').texts('div.callout-tip .callout-title')).toEqual(['Keep this in mind']);
    expect(page('getting-started/install').texts('div.callout-warning .callout-title')).toEqual(['Caution']);
    expect(page('getting-started/first-run').texts('div.callout-caution .callout-title')).toEqual(['Never run untrusted images with --privileged']);
    expect(page('getting-started/images').texts('div.callout-warning .callout-title')).toEqual(['Warning']);
    const html = readPage(build.outDir, 'introduction/why-containers');
    expect(html).toContain('The meeting starts at 10:30, and a port mapping such as 8080:80 stays text, like a:b.');
    expect(html).not.toMatch(/:::/);
  });

  it('links chapters written as relative .md links to their published URLs', () => {
    expect(
      page('getting-started/images')
        .all('main a')
        .map((a) => a.properties.href),
    ).toContain(`${base}/getting-started/first-run/`);
    expect(
      page('conclusion')
        .all('main a')
        .map((a) => a.properties.href),
    ).toContain(`${base}/introduction/what-you-will-learn/`);
  });

  it('keeps links relative to the page URL as written, and they land on pages under the base path', () => {
    // Starlight's style: the browser resolves these against /course/modern-docker/compose/.
    const compose = page('modern-docker/compose')
      .all('main a')
      .map((a) => a.properties.href);
    expect(compose).toEqual(expect.arrayContaining(['../volumes/#naming-volumes', '../../getting-started/install/', './']));
    // Docusaurus' link without extension, from a landing page, and a site-absolute link that gains the base.
    expect(
      page('conclusion')
        .all('main a')
        .map((a) => a.properties.href),
    ).toContain('../modern-docker/compose');
    expect(
      page('getting-started/first-run')
        .all('main a')
        .map((a) => a.properties.href),
    ).toContain(`${base}/getting-started/install/`);
    expect(
      page('')
        .all('main a')
        .map((a) => a.properties.href),
    ).toContain('./introduction/why-containers/');
    // Every href and src of the built site, resolved as a browser would under /course/.
    expect(findBrokenBuiltLinks(build.outDir, { base }).map(describeBuiltLinkProblem)).toEqual([]);
  });

  it('serves images from public/ under the base path, and processes images beside the pages', () => {
    expect(page('introduction/why-containers').attr('main img', 'src')).toBe(`${base}/diagram.png`);
    expect(existsSync(path.join(build.outDir, 'diagram.png'))).toBe(true);
    const processed = page('modern-docker/volumes').attr('main img', 'src');
    expect(processed).toMatch(new RegExp(`^${base}/_astro/layers\\.[\\w-]+\\.webp$`));
  });

  it('describes each page with its first paragraph, as plain text', () => {
    expect(page('getting-started/first-run').attr('meta[name="description"]', 'content')).toBe(
      'Run a throwaway container and watch it exit when its command is done.',
    );
    expect(page('getting-started/images').attr('meta[name="description"]', 'content')).toBe(
      'An image is a stack of read-only layers; the one we pulled has 3 of them, and each layer records the files one build step changed.',
    );
    const long = page('introduction/what-you-will-learn').attr('meta[property="og:description"]', 'content')!;
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long).toMatch(/^By the end you can package a small web service .*\w…$/);
  });

  describe('with the settings of its own file', () => {
    it('carries its own title, edit links and progress key, none of the Docker course', () => {
      const chapter = page('getting-started/install');
      expect(chapter.text('title')).toBe('Installing the engine | Containers from Scratch');
      expect(chapter.text('a.site-title')).toBe('Containers from Scratch');
      expect(readPage(build.outDir, 'getting-started/install')).not.toMatch(/Docker Learning/);
      expect(chapter.attr('a.edit-link', 'href')).toBe(
        'https://github.com/example/containers-from-scratch/edit/trunk/course/docs/01-getting-started/01_install.md',
      );
      const scripts = readdirSync(path.join(build.outDir, '_astro')).filter((file) => file.endsWith('.js'));
      const bundled = scripts.map((file) => readFileSync(path.join(build.outDir, '_astro', file), 'utf8')).join('\n');
      expect(bundled).toContain('containers-from-scratch:progress:v1');
      expect(bundled).not.toContain('docker-learning:progress');
    });

    it('judges lesson annotations by its own requirements, and highlights its own code languages', () => {
      // The build passed with needs=rootless-engine, a requirement of this course's settings and not the Docker course's.
      expect(readFileSync(path.join(fixture, 'docs/01-getting-started/02.first-run.md'), 'utf8')).toContain('<!-- lesson: needs=rootless-engine -->');
      const hcl = page('getting-started/first-run').one('pre[data-language="hcl"]');
      expect(hcl, 'the hcl block').toBeDefined();
      // Highlighted with the HCL grammar: the keyword-like block type and the string are coloured tokens.
      const tokens = page('getting-started/first-run').all('pre[data-language="hcl"] span[class*="shiki-l-"]');
      expect(tokens.length).toBeGreaterThan(3);
    });

    it('offers its own printable page as its own PDF', async () => {
      expect(readPage(build.outDir, 'getting-started/install')).toContain('data-pdf-download');
      expect(readPage(build.outDir, 'getting-started/first-run')).not.toContain('data-pdf-download');
      const settings = await loadSiteConfig(path.join(projectRoot, settingsFile), { SITE_BASE: base }, projectRoot);
      const options = parsePdfArgs(['--dist', build.outDir], settings);
      expect(options).toMatchObject({ page: 'getting-started/install/', base, outFile: path.join(build.outDir, 'install-sheet.pdf') });
    });
  });
});
