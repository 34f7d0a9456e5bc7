import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildSearchIndex, PagefindFeed, SearchIndexError, VOCABULARY_GZIP_BUDGET } from '../../src/search/build/pagefind-integration.ts';
import type { SearchVocabulary } from '../../src/search/ranking/vocabulary.ts';
import { buildSite } from '../helpers/build-site.ts';

const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head><body><nav>Sidebar words</nav>` +
  `<article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1>${body}</article></body></html>`;

const links = `- id: play-with-docker
  title: Play with Docker
  url: https://labs.play-with-docker.com/
  kind: interactive
  level: beginner
  description: A browser sandbox.
  added: 2026-11-28
`;

let dirs: string[] = [];
function site(files: Record<string, string>): { outDir: string; linksFile: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'search-index-'));
  dirs.push(root);
  const outDir = path.join(root, 'dist');
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  mkdirSync(outDir, { recursive: true });
  return { outDir, linksFile: path.join(root, 'links.yaml') };
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('the build writes a search index', () => {
  it('indexes published pages and curated resources, never drafts or the 404 page', () => {
    const build = buildSite({ contentDir: 'tests/fixtures/content/search-site', name: 'search-root', reuse: true });
    const bundle = path.join(build.outDir, 'pagefind');
    expect(existsSync(path.join(bundle, 'pagefind.js'))).toBe(true);
    // Home, two networking pages, two storage pages and the resources page; checkpoints.md is a draft.
    const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(6 + 3);
    // Pagefind's own UIs are not shipped: the site has its own dialog.
    expect(existsSync(path.join(bundle, 'pagefind-ui.js'))).toBe(false);
    expect(existsSync(path.join(bundle, 'pagefind-component-ui.js'))).toBe(false);
  });
});

describe('the vocabulary written next to the index', () => {
  it('holds the indexed words, most frequent first, and names the results that are curated resources', () => {
    const build = buildSite({ contentDir: 'tests/fixtures/content/search-site', name: 'search-root', reuse: true });
    const bundle = path.join(build.outDir, 'pagefind');
    const raw = readFileSync(path.join(bundle, 'vocabulary.json'));
    const vocabulary = JSON.parse(raw.toString('utf8')) as SearchVocabulary;
    expect(vocabulary.complete).toBe(true);
    expect(vocabulary.words).toEqual(expect.arrayContaining(['network', 'networking', 'volume', 'aliases', 'sandbox', 'user-defined', 'defined']));
    // Never what search does not index: drafts, the 404 page, the footer.
    expect(vocabulary.words).not.toEqual(expect.arrayContaining(['checkpointing']));
    expect(vocabulary.words).not.toContain('reorganised');
    expect(vocabulary.words.indexOf('container')).toBeLessThan(vocabulary.words.indexOf('aliases'));
    expect(gzipSync(raw).length).toBeLessThanOrEqual(VOCABULARY_GZIP_BUDGET);
    // Each listed id is the fragment of a resource record.
    expect(vocabulary.resources).toHaveLength(3);
    const urls = vocabulary.resources.map((id) => {
      const fragment = gunzipSync(readFileSync(path.join(bundle, 'fragment', `${id}.pf_fragment`))).toString('utf8');
      return JSON.parse(fragment.slice('pagefind_dcd'.length)).url as string;
    });
    expect(urls.sort()).toEqual(['/resources/#compose-file-reference', '/resources/#networking-overview', '/resources/#play-with-docker']);
    expect(readdirSync(path.join(bundle, 'fragment'))).toHaveLength(9);
  });
});

describe('buildSearchIndex', () => {
  it('counts pages and resources, and skips pages that ask not to be indexed', async () => {
    const { outDir, linksFile } = site({
      'dist/index.html': page('Home', '<p>Welcome</p>'),
      'dist/guide/index.html': page('Guide', '<h2 id="ports">Ports</h2><p>Publish a port.</p>'),
      'dist/404.html': page('Not found', '<p>Gone</p>', '<meta name="robots" content="noindex">'),
      'dist/resources/index.html': page('Learning resources', '<article id="play-with-docker">Play</article>'),
      'links.yaml': links,
    });
    const summary = await buildSearchIndex({ outDir, base: '/docker-learning', language: 'en', linksFile });
    expect(summary).toMatchObject({ pages: 3, resources: 1, skipped: ['404.html'], withoutBody: [] });
    expect(existsSync(path.join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('takes pages handed over during the build as they are, and reads the others from disk', async () => {
    const home = page('Home', '<p>Welcome</p>');
    const guide = page('Guide', '<p>Publish a port.</p>');
    const notFound = page('Not found', '<p>Gone</p>', '<meta name="robots" content="noindex">');
    const legacy = '<html lang="en"><body><p>Old page</p></body></html>';
    const { outDir, linksFile } = site({
      'dist/index.html': home,
      'dist/guide/index.html': guide,
      'dist/404.html': notFound,
      'dist/legacy/index.html': legacy,
    });
    const feed = new PagefindFeed();
    feed.offer('/docs/', home);
    feed.offer('/docs/legacy/', legacy);
    feed.offer('/docs/404', notFound); // not a directory page: its file's URL is /docs/404.html, so it is left to the disk pass
    expect([...feed.offered.keys()]).toEqual(['/docs/', '/docs/legacy/']);
    const summary = await buildSearchIndex({ outDir, base: '/docs', language: 'en', linksFile, feed });
    expect(summary).toMatchObject({ pages: 2, skipped: ['404.html'], withoutBody: ['legacy/index.html'] });
    expect(JSON.parse(readFileSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages.en.page_count).toBe(2);
  });

  it('reports pages that lack data-pagefind-body, which search could never find', async () => {
    const { outDir, linksFile } = site({
      'dist/index.html': page('Home', '<p>Welcome</p>'),
      'dist/legacy/index.html': '<html lang="en"><body><p>Old page</p></body></html>',
    });
    const summary = await buildSearchIndex({ outDir, base: '/', language: 'en', linksFile });
    expect(summary.withoutBody).toEqual(['legacy/index.html']);
    expect(summary.pages).toBe(1);
  });

  it('fails with a clear message when no page marks its body', async () => {
    const { outDir, linksFile } = site({ 'dist/index.html': '<html><body>Hi</body></html>' });
    await expect(buildSearchIndex({ outDir, base: '/', language: 'en', linksFile })).rejects.toThrow(
      /none of the 1 HTML files .* has a data-pagefind-body element/,
    );
  });

  it('fails when the build output is missing', async () => {
    const error = await buildSearchIndex({ outDir: '/nonexistent/dist', base: '/', language: 'en', linksFile: '/nonexistent/links.yaml' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(SearchIndexError);
    expect(error.message).toContain('/nonexistent/dist does not exist');
  });

  it('fails when a resource has no anchor on the Learning resources page', async () => {
    const { outDir, linksFile } = site({
      'dist/index.html': page('Home', '<p>Welcome</p>'),
      'dist/resources/index.html': page('Learning resources', '<p>No cards here</p>'),
      'links.yaml': links,
    });
    await expect(buildSearchIndex({ outDir, base: '/', language: 'en', linksFile })).rejects.toThrow(
      /no anchor for "play-with-docker".*\/resources\/#play-with-docker/,
    );
  });

  it('leaves resources out, with a reason, when the Learning resources page is not built', async () => {
    const { outDir, linksFile } = site({ 'dist/index.html': page('Home', '<p>Welcome</p>'), 'links.yaml': links });
    const summary = await buildSearchIndex({ outDir, base: '/', language: 'en', linksFile });
    expect(summary.resources).toBe(0);
    expect(summary.resourceWarning).toMatch(/Learning resources page \(\/resources\/\) is not in this build/);
  });

  it('reports an invalid links.yaml with its file and line', async () => {
    const { outDir, linksFile } = site({
      'dist/index.html': page('Home', '<p>Welcome</p>'),
      'links.yaml': links.replace('kind: interactive', 'kind: podcast'),
    });
    const error = await buildSearchIndex({ outDir, base: '/', language: 'en', linksFile }).catch((e) => e);
    expect(error).toBeInstanceOf(SearchIndexError);
    expect(error.message).toContain(`${linksFile}:4`);
  });
});
