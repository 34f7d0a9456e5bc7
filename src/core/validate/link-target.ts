import path from 'node:path';
import { isContentFile, joinBase, pageHref, RESOURCES_SLUG, slugFromContentPath, type SlugRules } from '../urls.ts';

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
   * `folder/` (as on GitHub, where a folder shows its README): that folder's landing page.
   * `explicit` is false for `folder` without a slash, which is only a section if the folder exists.
   */
  | { kind: 'section'; dir: string; explicit: boolean; fragment: string | undefined; suffix: string }
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
 * Classifies `href` as written in the file at `fromFile` (relative to the docs folder).
 * `suffix` keeps the query and fragment exactly as written, to append to the rewritten URL.
 */
export function resolveLinkTarget(href: string, fromFile: string): LinkTarget {
  const trimmed = href.trim();
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
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile.replace(/\\/g, '/')), decoded));
  const withoutSlash = resolved.replace(/\/+$/, '');
  const inside = withoutSlash === '.' ? '' : withoutSlash;
  if (inside === LINKS_FILE_FROM_DOCS) return { kind: 'resource', id: fragment };
  if (inside === '..' || inside.startsWith('../')) return { kind: 'outside', path: inside };

  if (isContentFile(inside)) return { kind: 'page', file: inside, fragment, suffix };
  const explicit = decoded.endsWith('/') || decoded === '.' || decoded === '..' || decoded.endsWith('/.') || decoded.endsWith('/..');
  if (explicit || path.posix.extname(inside) === '') return { kind: 'section', dir: inside, explicit, fragment, suffix };
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

/** The site URL a page, section, resource or site-path link becomes, with the base path and the original query/fragment. */
export function siteHrefFor(target: Extract<LinkTarget, { kind: 'page' | 'section' | 'resource' | 'site-path' }>, base: string, rules: SlugRules): string {
  if (target.kind === 'resource') return pageHref(base, RESOURCES_SLUG, target.id);
  // Authors write `/guide/` as Starlight and Docusaurus users do; under a base path it must gain it.
  if (target.kind === 'site-path') return joinBase(base, stripBase(target.path, base)) + target.suffix;
  const file = target.kind === 'page' ? target.file : sectionIndexFiles(target.dir)[0]!;
  return pageHref(base, slugFromContentPath(file, rules)) + target.suffix;
}
