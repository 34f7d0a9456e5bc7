import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { parse as parseYaml } from 'yaml';
import { isContentFile, joinBase, pagePath, slugFromContentPath, type SlugRules } from '../../src/core/urls.ts';
import { fileForSitePath, listFiles, listPages, sitePathUnderBase } from './dist.ts';
import { isIndexable } from './metadata.ts';

/** The <loc> values of a sitemap or sitemap index. */
function readLocs(xml: string): string[] {
  const locs: string[] = [];
  let inLoc = false;
  let text = '';
  const parser = new Parser(
    {
      onopentag(tag) {
        inLoc = tag === 'loc';
        text = '';
      },
      ontext(chunk) {
        if (inLoc) text += chunk;
      },
      onclosetag(tag) {
        if (tag === 'loc') locs.push(text.trim());
        inLoc = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return locs;
}

/** The file of the build an absolute URL names, when it is on the site's origin and under its base. */
function fileForUrl(distDir: string, url: string, options: { base: string; site: string }): string | undefined {
  const parsed = new URL(url);
  if (parsed.origin !== new URL(options.site).origin) return undefined;
  const inside = sitePathUnderBase(options.base, parsed.pathname);
  return inside === undefined ? undefined : fileForSitePath(distDir, inside);
}

/**
 * The page URLs listed by the sitemaps that sitemap-index.xml names, in order, and a problem for each
 * sitemap it names that is not a file of the build; undefined when the build has no sitemap index.
 */
export function readSitemap(distDir: string, options: { base: string; site: string }): { urls: string[]; problems: string[] } | undefined {
  const indexFile = path.join(distDir, 'sitemap-index.xml');
  if (!existsSync(indexFile)) return undefined;
  const urls: string[] = [];
  const problems: string[] = [];
  for (const sitemapUrl of readLocs(readFileSync(indexFile, 'utf8'))) {
    const file = fileForUrl(distDir, sitemapUrl, options);
    if (!file) problems.push(`sitemap-index.xml lists ${sitemapUrl}, which is not a file of this build`);
    else urls.push(...readLocs(readFileSync(file, 'utf8')));
  }
  return { urls, problems };
}

export interface SitemapCheckOptions {
  base: string;
  site: string;
  /** Site paths ('/guide/draft/') of pages marked draft in the content: never built, never listed. */
  drafts?: string[];
}

/**
 * sitemap-index.xml must list sitemaps that list exactly the indexable pages of the build: every
 * page except those marked noindex (the 404 page), each once, and no drafts.
 */
export function checkSitemap(distDir: string, options: SitemapCheckOptions): string[] {
  const problems: string[] = [];
  const toFile = (url: string) => fileForUrl(distDir, url, options);

  const sitemap = readSitemap(distDir, options);
  if (!sitemap) return ['sitemap-index.xml is missing from the build'];
  const listed = sitemap.urls;
  problems.push(...sitemap.problems);

  const expected = new Map<string, string>();
  for (const page of listPages(distDir)) {
    if (isIndexable(readFileSync(page.file, 'utf8'))) expected.set(new URL(joinBase(options.base, page.sitePath), options.site).href, page.relative);
  }
  const seen = new Set<string>();
  for (const url of listed) {
    if (seen.has(url)) problems.push(`the sitemap lists ${url} twice`);
    seen.add(url);
    if (!expected.has(url)) {
      problems.push(toFile(url) ? `the sitemap lists ${url}, a page marked noindex` : `the sitemap lists ${url}, which is not a page of this build`);
    }
  }
  for (const [url, file] of expected) if (!seen.has(url)) problems.push(`the sitemap does not list ${url} (${file})`);

  for (const draft of options.drafts ?? []) {
    const url = new URL(joinBase(options.base, draft), options.site).href;
    if (seen.has(url)) problems.push(`the sitemap lists the draft page ${url}`);
    if (fileForSitePath(distDir, draft)) problems.push(`the draft page ${draft} was built`);
  }
  return problems;
}

/** Site paths of the content pages whose frontmatter says `draft: true`. */
export function draftPages(docsDir: string, slugRules: SlugRules): string[] {
  return listFiles(docsDir)
    .filter(isContentFile)
    .filter((file) => {
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path.join(docsDir, file), 'utf8'));
      const data = match ? (parseYaml(match[1]!) as { draft?: unknown } | null) : null;
      return data?.draft === true;
    })
    .map((file) => pagePath(slugFromContentPath(file, slugRules)));
}
