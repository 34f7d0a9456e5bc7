import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sitePathOfHtmlFile } from '../../src/core/urls.ts';

/** One HTML file of a built site and the URL path it is served at (without the base path). */
export interface BuiltPage {
  /** Absolute file path. */
  file: string;
  /** Path inside dist, with forward slashes: 'guide/first/index.html'. */
  relative: string;
  /** Site path without base: '/', '/guide/first/', '/404.html'. */
  sitePath: string;
}

/** Every file under a folder, relative paths with forward slashes, sorted so reports are stable. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => statSync(path.join(dir, file)).isFile())
    .sort();
}

export function listPages(distDir: string): BuiltPage[] {
  return listFiles(distDir)
    .filter((file) => file.endsWith('.html'))
    .map((relative) => ({ file: path.join(distDir, relative), relative, sitePath: sitePathOfHtmlFile(relative) }));
}

/**
 * The site path of a URL path served under the base: ('/docs', '/docs/a/') -> '/a/'; undefined
 * when the path lies outside the base, which on the deployed site is another site. (Unlike the
 * content check's stripBase, which keeps a path written without the base as it is.)
 */
export function sitePathUnderBase(base: string, urlPath: string): string | undefined {
  const trimmed = base.replace(/\/+$/, '');
  if (trimmed === '') return urlPath;
  if (urlPath === trimmed) return '/';
  return urlPath.startsWith(`${trimmed}/`) ? urlPath.slice(trimmed.length) : undefined;
}

/**
 * The file a static host serves for a site path, as GitHub Pages and nginx do: a trailing slash
 * means the folder's index.html; a path naming a folder is redirected there.
 */
export function fileForSitePath(distDir: string, sitePath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(sitePath);
  } catch {
    return undefined;
  }
  const candidate = path.join(distDir, decoded);
  // A path that climbs out of dist ('/../x') does not exist on the host.
  if (!candidate.startsWith(path.resolve(distDir))) return undefined;
  const inFolder = path.join(candidate, 'index.html');
  if (decoded.endsWith('/')) return existsSync(inFolder) ? inFolder : undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return existsSync(inFolder) ? inFolder : undefined;
}
