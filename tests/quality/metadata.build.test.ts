import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLUG_RULES, joinBase } from '../../src/core/urls.ts';
import { buildSite } from '../helpers/build-site.ts';
import { listPages } from '../../scripts/quality/dist.ts';
import { checkPageMetadata } from '../../scripts/quality/metadata.ts';
import { checkSitemap, draftPages } from '../../scripts/quality/sitemap.ts';
import { PROJECT_BASE, realSite, realSiteWithBase, siteUrl } from './sites.ts';

const broken = path.resolve('tests/fixtures/dist/broken-metadata');
const read = (file: string) => readFileSync(path.join(broken, file), 'utf8');

describe('metadata gate on deliberately broken pages', () => {
  it('accepts a complete page', () => {
    expect(checkPageMetadata(read('index.html'), { canonical: 'https://example.org/' })).toEqual([]);
  });

  it('names every missing or wrong piece', () => {
    expect(checkPageMetadata(read('bare/index.html'), { canonical: 'https://example.org/bare/' })).toEqual([
      '<html> has no lang attribute: screen readers cannot pick the pronunciation',
      'expected exactly one <h1>, found 0',
      'the <title> is empty',
      'expected exactly one meta description, found 0',
      'the canonical URL "/bare/" is not absolute',
    ]);
    expect(checkPageMetadata(read('twice/index.html'), { canonical: 'https://example.org/twice/' })).toEqual([
      'expected exactly one <h1>, found 2',
      'the meta description is empty',
      'the canonical URL is "https://example.org/elsewhere/", expected "https://example.org/twice/"',
    ]);
  });

  it('rejects a sitemap that lists too much, too little, twice, or drafts', () => {
    expect(checkSitemap(broken, { base: '/', site: 'https://example.org', drafts: ['/bare/'] })).toEqual([
      'sitemap-index.xml lists https://example.org/sitemap-1.xml, which is not a file of this build',
      'the sitemap lists https://example.org/ twice',
      'the sitemap lists https://example.org/hidden/, a page marked noindex',
      'the sitemap lists https://example.org/removed/, which is not a page of this build',
      'the sitemap does not list https://example.org/twice/ (twice/index.html)',
      'the sitemap lists the draft page https://example.org/bare/',
      'the draft page /bare/ was built',
    ]);
  });
});

describe('metadata gate on the real site', () => {
  it('gives every page one <h1>, a title, a description, its canonical URL and a language', () => {
    const { outDir } = realSite();
    const problems = listPages(outDir).flatMap((page) =>
      checkPageMetadata(readFileSync(page.file, 'utf8'), { canonical: new URL(joinBase('/', page.sitePath), siteUrl).href }).map(
        (problem) => `${page.relative}: ${problem}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('lists exactly the published pages in the sitemap', () => {
    const { outDir } = realSite();
    expect(checkSitemap(outDir, { base: '/', site: siteUrl, drafts: draftPages('content/docs', DEFAULT_SLUG_RULES) })).toEqual([]);
  });

  it('puts the base path into canonical URLs and the sitemap of a project-site build', () => {
    const { outDir } = realSiteWithBase();
    const problems = listPages(outDir).flatMap((page) =>
      checkPageMetadata(readFileSync(page.file, 'utf8'), { canonical: new URL(joinBase(PROJECT_BASE, page.sitePath), siteUrl).href }).map(
        (problem) => `${page.relative}: ${problem}`,
      ),
    );
    expect(problems).toEqual([]);
    expect(checkSitemap(outDir, { base: PROJECT_BASE, site: siteUrl, drafts: draftPages('content/docs', DEFAULT_SLUG_RULES) })).toEqual([]);
  });

  it('keeps drafts out of the build and the sitemap', () => {
    // The content may have no draft today; the fixture site always has one.
    const drafts = draftPages('tests/fixtures/content/site/docs', DEFAULT_SLUG_RULES);
    expect(drafts).toEqual(['/guide/draft/']);
    const { outDir } = buildSite({ contentDir: 'tests/fixtures/content/site', name: 'fixture-site', reuse: true });
    expect(checkSitemap(outDir, { base: '/', site: siteUrl, drafts })).toEqual([]);
  });
});
