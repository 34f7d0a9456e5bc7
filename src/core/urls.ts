import GithubSlugger from 'github-slugger';

/**
 * Every internal URL goes through these helpers so that a site deployed under a sub-path
 * (GitHub Pages project sites) never links outside it.
 */

/** Joins the base path and a site-absolute path: ('/docs', '/a/b/') -> '/docs/a/b/'. */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  const cleanPath = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${cleanPath}` || '/';
}

/** The site-absolute path of a page, before the base: '' -> '/', 'vms/hypervisors' -> '/vms/hypervisors/'. */
export function pagePath(slug: string): string {
  return slug === '' ? '/' : `/${slug}/`;
}

/** The URL of a page with the base path: what goes into href attributes. */
export function pageHref(base: string, slug: string, fragment?: string): string {
  return joinBase(base, pagePath(slug)) + (fragment ? `#${fragment}` : '');
}

/** The slug of the Learning resources page (src/pages/resources.astro), generated from links.yaml. */
export const RESOURCES_SLUG = 'resources';

const CONTENT_EXTENSION = /\.(md|mdx)$/i;

export function isContentFile(file: string): boolean {
  return CONTENT_EXTENSION.test(file);
}

/** How file names become URLs; from the site config (`stripNumberPrefixes`). */
export interface SlugRules {
  /** `01-intro.md` is published at `/intro/` (and sorts first), as in Docusaurus. */
  stripNumberPrefixes: boolean;
}

export const DEFAULT_SLUG_RULES: SlugRules = { stripNumberPrefixes: true };

// A number, separators, then a name that does not start with a digit: `01-intro`, `2_setup`,
// `03.next`. Dates (`2024-05-01-release`) and versions (`1.2-notes`) keep their digits, as in
// Docusaurus, whose convention this is; sites whose names are all dates can turn stripping off.
const NUMBER_PREFIX = /^(\d+)[ \t]*[-_.]+[ \t]*(?=[^-_.\s\d])/;

/** The order a file or folder name's number prefix gives it, and the name without the prefix. */
export function splitNumberPrefix(name: string): { number: number | undefined; rest: string } {
  const match = NUMBER_PREFIX.exec(name);
  if (!match) return { number: undefined, rest: name };
  return { number: Number(match[1]), rest: name.slice(match[0].length) };
}

/**
 * The slug of a content file from its path relative to the docs folder, segment by segment the way
 * GitHub slugs headings (lower case, spaces to dashes), so "Getting Started/First Steps.md" becomes
 * "getting-started/first-steps", and "01-basics/02-setup.md" becomes "basics/setup" when number
 * prefixes are stripped. `index` files are their folder's landing page.
 */
export function slugFromContentPath(relativePath: string, rules: SlugRules): string {
  const segments = relativePath.replace(/\\/g, '/').replace(CONTENT_EXTENSION, '').split('/').filter(Boolean);
  if (segments.at(-1)?.toLowerCase() === 'index') segments.pop();
  return segments.map((segment) => new GithubSlugger().slug(rules.stripNumberPrefixes ? splitNumberPrefix(segment).rest : segment)).join('/');
}

/** Edit link to the source file on GitHub. */
export function editUrl(repoUrl: string, branch: string, contentPath: string, fileInContent: string): string {
  const parts = [contentPath, fileInContent].map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean);
  return `${repoUrl.replace(/\/+$/, '')}/edit/${encodeURIComponent(branch)}/${parts.map(encodeURI).join('/')}`;
}

/**
 * When `url` is an address on this very site (a curated resource that is one of our own pages),
 * its path inside the site, without the base; otherwise undefined. Rendering it through the base
 * path keeps it working on a sub-path deploy and in previews, where the canonical URL is elsewhere.
 */
export function ownSitePath(url: string, site: string, base: string): string | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return undefined;
  }
  if (target.origin !== new URL(site).origin) return undefined;
  const trimmedBase = base.replace(/\/+$/, '');
  const pathname = trimmedBase && target.pathname.startsWith(`${trimmedBase}/`) ? target.pathname.slice(trimmedBase.length) : target.pathname;
  return pathname + target.search + target.hash;
}

/**
 * The site path a built HTML file is served at: 'index.html' -> '/', 'guide/first/index.html' ->
 * '/guide/first/', 'guide/old.html' -> '/guide/old.html'. Paths use forward slashes on every OS.
 */
export function sitePathOfHtmlFile(relativeFile: string): string {
  const clean = relativeFile.replace(/\\/g, '/').replace(/^\/+/, '');
  if (clean === 'index.html') return '/';
  if (clean.endsWith('/index.html')) return `/${clean.slice(0, -'index.html'.length)}`;
  return `/${clean}`;
}
