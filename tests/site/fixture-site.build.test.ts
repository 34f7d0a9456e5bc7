import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, readPage, type BuildResult } from '../helpers/build-site.ts';
import { Page } from '../../scripts/support/html-page.ts';

const fixture = 'tests/fixtures/content/site';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f));
}

describe('fixture site at the domain root', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({ contentDir: fixture, name: 'fixture-site', reuse: true });
  });

  it('renders the sidebar with the current page marked and only the current section expanded', () => {
    const page = new Page(readPage(build.outDir, 'guide/first'));
    expect(page.all('nav.sidebar [aria-current="page"]').map((a) => a.properties.href)).toEqual(['/guide/first/']);
    const links = page.all('nav.sidebar a').map((a) => a.properties.href);
    expect(links).toContain('/guide/second/');
    expect(links).toContain('/reference/'); // other sections are listed...
    expect(links).not.toContain('/reference/cli/'); // ...but not expanded
    expect(links).not.toContain('/guide/advanced/deep/'); // nested section off the current path stays closed
    expect(page.text('nav.sidebar')).toMatch(/Reference\s*2 pages/);
  });

  it('builds the on-page table of contents from h2 and h3', () => {
    const page = new Page(readPage(build.outDir, 'guide/first'));
    expect(page.all('nav.toc a').map((a) => a.properties.href)).toEqual(['#install', '#on-linux', '#run']);
    expect(page.one('h2#install')).toBeDefined();
    expect(page.one('h3#on-linux')).toBeDefined();
  });

  it('links previous and next pages in sidebar order', () => {
    const page = new Page(readPage(build.outDir, 'guide/first'));
    expect(page.attr('.pager a[rel="prev"]', 'href')).toBe('/guide/');
    expect(page.attr('.pager a[rel="next"]', 'href')).toBe('/guide/second/');
    const second = new Page(readPage(build.outDir, 'guide/second'));
    expect(second.attr('.pager a[rel="next"]', 'href')).toBe('/guide/advanced/');
  });

  it('shows breadcrumbs, an edit link to the source file and a last-updated date', () => {
    const page = new Page(readPage(build.outDir, 'guide/advanced/deep'));
    expect(page.texts('nav.breadcrumbs li')).toEqual(['Home', 'The Guide', 'Advanced Topics', 'Deep Page']);
    expect(page.attr('a.edit-link', 'href')).toBe('https://github.com/docker-learning/docker-learning/edit/main/content/docs/guide/advanced/deep.md');
    expect(page.attr('.last-updated time', 'dateTime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('renders MDX expressions and rewrites relative .md links to page URLs', () => {
    const page = new Page(readPage(build.outDir, 'guide/second'));
    expect(page.text('.prose')).toContain('The answer is 42.');
    expect(page.attr('.prose p a', 'href')).toBe('/guide/first/#install');
    const home = new Page(readPage(build.outDir, '/'));
    expect(home.all('.prose p a').map((a) => a.properties.href)).toEqual(['/guide/', '/guide/second/#details']);
  });

  it('puts relative images through the image pipeline', () => {
    const page = new Page(readPage(build.outDir, 'guide/first'));
    const img = page.one('.prose img')!;
    expect(String(img.properties.src)).toMatch(/^\/_astro\/square\.[\w-]+\.svg$/);
    expect(img.properties.alt).toBe('A small square diagram');
    expect(img.properties.width).toBeDefined();
    expect(img.properties.loading).toBe('lazy');
    expect(existsSync(path.join(build.outDir, String(img.properties.src)))).toBe(true);
  });

  it('leaves drafts out of the production build and the sitemap', () => {
    expect(existsSync(path.join(build.outDir, 'guide/draft'))).toBe(false);
    const sitemap = readFileSync(path.join(build.outDir, 'sitemap-0.xml'), 'utf8');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).sort();
    expect(urls).toEqual(
      ['', 'guide/', 'guide/advanced/', 'guide/advanced/deep/', 'guide/first/', 'guide/second/', 'reference/', 'reference/cli/', 'resources/']
        .map((p) => `https://docker-learning.github.io/${p}`)
        .sort(),
    );
  });

  it('gives every page a title, description, canonical URL and social meta', () => {
    const page = new Page(readPage(build.outDir, 'reference/cli'));
    expect(page.text('title')).toBe('CLI | Docker Learning');
    expect(page.attr('meta[name="description"]', 'content')).toBe('Command line reference.');
    expect(page.attr('link[rel="canonical"]', 'href')).toBe('https://docker-learning.github.io/reference/cli/');
    expect(page.attr('meta[property="og:title"]', 'content')).toBe('CLI');
    expect(page.attr('meta[name="twitter:card"]', 'content')).toBe('summary');
    expect(page.attr('html', 'lang')).toBe('en');
  });

  it('ships a 404 page, robots.txt and the theme script that runs before paint', () => {
    const notFound = new Page(readFileSync(path.join(build.outDir, '404.html'), 'utf8'));
    expect(notFound.text('h1')).toBe('Page not found');
    expect(notFound.attr('meta[name="robots"]', 'content')).toBe('noindex');
    expect(readFileSync(path.join(build.outDir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://docker-learning.github.io/sitemap-index.xml');
    const head = readPage(build.outDir, '/').split('</head>')[0]!;
    expect(head).toMatch(/<script>[^<]*localStorage\.getItem\('theme'\)/);
  });
});

describe('Learning resources page', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({ contentDir: fixture, name: 'fixture-site', reuse: true });
  });

  it('lists every resource grouped by level, each with an anchor, domain, kind and level', () => {
    const page = new Page(readPage(build.outDir, 'resources'));
    expect(page.texts('.resource-group h2')).toEqual(['Beginner', 'Advanced']);
    expect(page.all('article.resource').map((a) => a.properties.id)).toEqual(['docker-get-started', 'cli-cheatsheet', 'compose-spec']);
    expect(page.texts('#docker-get-started .resource-meta span')).toEqual(['docs.docker.com', 'tutorial', 'beginner']);
    expect(page.attr('#compose-spec h3 a', 'href')).toBe('https://compose-spec.io/');
  });

  it('says which resources cost money and which are dated, next to the resource', () => {
    const page = new Page(readPage(build.outDir, 'resources'));
    expect(page.texts('#compose-spec .resource-meta span')).toEqual(['compose-spec.io', 'docs', 'advanced', 'Free tier, paid beyond it']);
    expect(page.text('#compose-spec .resource-dated')).toBe('Dated: Describes an older edition of the specification.');
    expect(page.all('#docker-get-started .badge-cost, #docker-get-started .resource-dated')).toEqual([]);
  });

  it("links a resource written as a site path to this site's own page", () => {
    const page = new Page(readPage(build.outDir, 'resources'));
    expect(page.attr('#cli-cheatsheet h3 a', 'href')).toBe('/reference/cli/');
    expect(page.texts('#cli-cheatsheet .resource-meta span')).toEqual(['this site', 'cheatsheet', 'beginner']);
  });

  it('escapes descriptions instead of rendering them as HTML', () => {
    const html = readPage(build.outDir, 'resources');
    const page = new Page(html);
    expect(page.one('#docker-get-started b')).toBeUndefined();
    expect(page.text('#docker-get-started .resource-description')).toBe('The official walkthrough, <b>from install</b> to a first image.');
  });

  it('keeps every entry visible without JavaScript: the filter form starts hidden', () => {
    const page = new Page(readPage(build.outDir, 'resources'));
    expect(page.one('[data-resource-filters]')?.properties.hidden).toBe(true);
    expect(page.all('article.resource[hidden]')).toEqual([]);
    expect(page.all('[data-resource-filters] select[name="kind"] option').map((o) => o.properties.value)).toEqual([
      '',
      'tutorial',
      'docs',
      'cheatsheet',
    ]);
  });

  it('appears in the sidebar of every page', () => {
    const page = new Page(readPage(build.outDir, 'guide/first'));
    expect(page.all('nav.sidebar a').map((a) => a.properties.href)).toContain('/resources/');
  });
});

describe('resource health from a link-check cache', () => {
  it('flags a broken resource and shows where a moved one lives now, with the check date', () => {
    const build = buildSite({
      contentDir: fixture,
      name: 'fixture-site-health',
      env: { LINK_CHECK_CACHE: path.resolve('tests/fixtures/content/link-cache-health.json') },
    });
    expect(build.status).toBe(0);
    const page = new Page(readPage(build.outDir, 'resources'));
    expect(page.attr('#compose-spec .resource-health', 'dataHealth')).toBe('broken');
    expect(page.text('#compose-spec .health-label')).toBe('Broken link');
    expect(page.attr('#compose-spec .resource-health time', 'dateTime')).toBe('2026-11-21T08:00:00.000Z');
    expect(page.one('#compose-spec h3 a')).toBeDefined(); // flagged, not removed
    expect(page.text('#docker-get-started .health-label')).toBe('Moved');
    expect(page.attr('#docker-get-started .resource-health a', 'href')).toBe('https://docs.docker.com/get-started/introduction/');
  });

  it('shows no health data when there is no cache', () => {
    const build = buildSite({ contentDir: fixture, name: 'fixture-site', reuse: true });
    expect(new Page(readPage(build.outDir, 'resources')).all('.resource-health')).toEqual([]);
  });
});

describe('fixture site under a base path', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({ contentDir: fixture, name: 'fixture-site-base', base: '/docker-learning', reuse: true });
  });

  it('keeps every internal link, asset and sitemap entry inside the base path', () => {
    const escapes: string[] = [];
    for (const file of htmlFiles(build.outDir)) {
      const page = new Page(readFileSync(file, 'utf8'));
      for (const element of page.all('[href], [src]')) {
        const value = String(element.properties.href ?? element.properties.src);
        if (/^(https?:|mailto:|#|data:)/.test(value)) continue;
        if (!value.startsWith('/docker-learning/')) escapes.push(`${path.relative(build.outDir, file)}: ${value}`);
      }
    }
    expect(escapes).toEqual([]);
    const sitemap = readFileSync(path.join(build.outDir, 'sitemap-0.xml'), 'utf8');
    for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) expect(loc).toMatch(/^https:\/\/docker-learning\.github\.io\/docker-learning\//);
  });

  it('rewrites relative content links with the base path', () => {
    const page = new Page(readPage(build.outDir, 'guide/second'));
    expect(page.attr('.prose p a', 'href')).toBe('/docker-learning/guide/first/#install');
  });

  it('sends a resource written as a site path to the page under the base path', () => {
    const page = new Page(readPage(build.outDir, 'resources'));
    expect(page.attr('#cli-cheatsheet h3 a', 'href')).toBe('/docker-learning/reference/cli/');
  });
});
