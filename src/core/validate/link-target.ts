import path from 'node:path';
import { isContentFile, joinBase, pageHref, pagePath, RESOURCES_SLUG, slugFromContentPath, type SlugRules } from '../urls.ts';

/**
 * What a link written in a content file points at, decided from the text alone so the Markdown
 * plugin (which rewrites it) and the validator (which checks it) can never disagree.
 * Paths are POSIX and relative to the docs folder.
 */
export type LinkTarget =
  /** `#frag`: a heading on the page the link is written in. */
  | { kind: 'same-page'; fragment: string }
  /** `../vms/hypervisors.md#bare-metal`: another content file. */
  | { kind: 'page'; file: string; fragment: string | undefined; suffix: string }
  /**
   * `../page/`, `../../section/page/#anchor`, `./`, `../page`: a URL, resolved against the published
   * URL of the page it is written in (`from`), as a browser resolves it (Starlight's usual style).
   * `path` is a site path without the base path; `aboveRoot` when the link climbs past the site root.
   */
  | { kind: 'url'; path: string; from: string; aboveRoot: boolean; fragment: string | undefined; suffix: string }
  /**
   * `../links.yaml#docker-get-started`: a curated resource. On GitHub the link opens the list; on
   * the site it goes to the resource's entry on the Learning resources page.
   */
  | { kind: 'resource'; id: string | undefined }
  /** `/hands-on/compose/#fragment`: a path on this site, with or without the base path. */
  | { kind: 'site-path'; path: string; fragment: string | undefined; suffix: string }
  /** `../../README.md`: a file outside the docs folder, which the site does not publish. */
  | { kind: 'outside'; path: string }
  /** Absolute URLs with a scheme, files that are not pages. */
  | { kind: 'other' };

/** Where links.yaml sits as seen from the docs folder. */
const LINKS_FILE_FROM_DOCS = '../links.yaml';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Whether a relative link is a URL rather than a file: it ends in `/` (or is `.`/`..`), or its last
 * segment has no file extension. Browsers resolve these against the page's URL, so we do too.
 */
export function isUrlLink(rawPath: string): boolean {
  if (rawPath.endsWith('/') || /(^|\/)\.\.?$/.test(rawPath)) return true;
  return path.posix.extname(rawPath) === '';
}

/**
 * Where a relative URL lands, as a browser resolves it against the page's published URL
 * (`/guide/first/` + `../second/` = `/guide/second/`). Browsers silently stop at the root; we say
 * when a link climbs past it, because under a base path it leaves the site.
 */
export function resolveUrlLink(rawPath: string, fromUrl: string): { path: string; aboveRoot: boolean } {
  const joined = path.posix.normalize(`${fromUrl.replace(/^\/+/, '')}${rawPath}`);
  const aboveRoot = joined === '..' || joined.startsWith('../');
  const inside = aboveRoot ? joined.replace(/^(\.\.(\/|$))+/, '') : joined;
  return { path: `/${inside === '.' || inside === './' ? '' : inside}`, aboveRoot };
}

/**
 * Classifies `href` as written in the file at `fromFile` (relative to the docs folder).
 * `suffix` keeps the query and fragment exactly as written, to append to the rewritten URL.
 * `rules` decide the page's published URL, which relative URL links are resolved against.
 */
export function resolveLinkTarget(href: string, fromFile: string, rules: SlugRules): LinkTarget {
  // Browsers drop tabs and newlines from a URL before reading it: `jav\tascript:` is a scheme.
  const trimmed = href.replace(/[\t\n\r]/g, '').trim();
  if (trimmed === '' || SCHEME.test(trimmed) || trimmed.startsWith('//')) return { kind: 'other' };
  if (trimmed.startsWith('#')) return { kind: 'same-page', fragment: safeDecode(trimmed.slice(1)) };

  const suffixStart = trimmed.search(/[?#]/);
  const rawPath = suffixStart === -1 ? trimmed : trimmed.slice(0, suffixStart);
  const suffix = suffixStart === -1 ? '' : trimmed.slice(suffixStart);
  const hashAt = suffix.indexOf('#');
  const fragment = hashAt === -1 ? undefined : safeDecode(suffix.slice(hashAt + 1)) || undefined;
  if (rawPath === '') return { kind: 'other' }; // `?x` alone: not a page link
  if (rawPath.startsWith('/')) return { kind: 'site-path', path: path.posix.normalize(safeDecode(rawPath)), fragment, suffix };

  const decoded = safeDecode(rawPath);
  const file = fromFile.replace(/\\/g, '/');
  if (isUrlLink(decoded)) {
    const from = pagePath(slugFromContentPath(file, rules));
    return { kind: 'url', ...resolveUrlLink(decoded, from), from, fragment, suffix };
  }
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), decoded));
  if (resolved === LINKS_FILE_FROM_DOCS) return { kind: 'resource', id: fragment };
  if (resolved === '..' || resolved.startsWith('../')) return { kind: 'outside', path: resolved };
  if (isContentFile(resolved)) return { kind: 'page', file: resolved, fragment, suffix };
  return { kind: 'other' };
}

/** The content files that can be a section's landing page, in the order Astro would prefer them. */
export function sectionIndexFiles(dir: string): string[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  return [`${prefix}index.md`, `${prefix}index.mdx`];
}

/** A site path without the base path, when it was written with it: ('/docs', '/docs/a/') -> '/a/'. */
export function stripBase(sitePath: string, base: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  if (trimmedBase === '' || !(sitePath === trimmedBase || sitePath.startsWith(`${trimmedBase}/`))) return sitePath;
  return sitePath.slice(trimmedBase.length) || '/';
}

/** The site URL a page, resource, site-path or URL link becomes, with the base path and the original query/fragment. */
export function siteHrefFor(
  target: Extract<LinkTarget, { kind: 'page' | 'url' | 'resource' | 'site-path' }>,
  base: string,
  rules: SlugRules,
): string {
  if (target.kind === 'resource') return pageHref(base, RESOURCES_SLUG, target.id);
  // Authors write `/guide/` as Starlight and Docusaurus users do; under a base path it must gain it.
  if (target.kind === 'site-path') return joinBase(base, stripBase(target.path, base)) + target.suffix;
  if (target.kind === 'url') return joinBase(base, target.path) + target.suffix;
  return pageHref(base, slugFromContentPath(target.file, rules)) + target.suffix;
}
