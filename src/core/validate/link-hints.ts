import path from 'node:path';
import leven from 'leven';
import { pagePath, slugFromContentPath } from '../urls.ts';
import type { PageLinkIndex } from './check-page-links.ts';
import { sectionIndexFiles } from './link-target.ts';

/**
 * The advice a broken link gets: what the author most likely meant. Migrating authors mix up two
 * readings of one link (a file beside this one, or a URL next to this page's URL), and make typos.
 */

/** `./x.md` as an author writes it, from one docs file to another. */
export function relativeFileHref(from: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), to);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** `../x/` as an author writes it, from one page URL to another: what a browser resolves back to `to`. */
export function relativeUrlHref(fromUrl: string, toRoute: string): string {
  const rel = path.posix.relative(fromUrl, toRoute);
  if (rel === '') return './';
  return `${rel.startsWith('..') ? rel : `./${rel}`}/`;
}

/** The closest of `candidates` to `wanted`, if it is close enough to be a typo and no other is as close. */
export function nearest(wanted: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(wanted.length / 5));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    if (candidate === wanted) continue;
    // Capped one above the best so far: a capped result is never mistaken for a tie.
    const distance = leven(wanted.toLowerCase(), candidate.toLowerCase(), { maxDistance: bestDistance + 1 });
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && best !== undefined) {
      tie = true;
    }
  }
  return best !== undefined && !tie && bestDistance <= limit ? best : undefined;
}

/** The page a written path names when read as a file path beside `fromFile`: `./page` -> page.md, `./folder/` -> folder/index.md. */
function pageByFileReading(index: PageLinkIndex, fromFile: string, written: string): string | undefined {
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), written)).replace(/\/+$/, '');
  if (resolved === '..' || resolved.startsWith('../')) return undefined;
  const inside = resolved === '.' ? '' : resolved;
  const candidates = [...(inside === '' ? [] : [`${inside}.md`, `${inside}.mdx`]), ...sectionIndexFiles(inside)];
  return candidates.find((candidate) => index.pages.has(candidate));
}

/** A folder whose landing page URL `route` would be, if that folder has no index page. */
function folderWithoutLanding(index: PageLinkIndex, route: string): string | undefined {
  for (const folder of index.folders) {
    if (folder === '' || pagePath(slugFromContentPath(`${folder}/index.md`, index.slugRules)) !== route) continue;
    if (!sectionIndexFiles(folder).some((file) => index.pages.has(file))) return folder;
  }
  return undefined;
}

/**
 * Advice for a relative URL link whose route does not exist. `written` is the path as written
 * (decoded, without query or fragment), `route` where a browser takes it, `from` this page's URL.
 */
export function urlLinkHint(index: PageLinkIndex, fromFile: string, written: string, route: string, from: string, suffix: string): string {
  const folder = folderWithoutLanding(index, route);
  if (folder !== undefined) {
    return ` ${index.display(folder)}/ has no index.md, so the site has no page at ${route}: link to a page inside it, or add ${index.display(folder)}/index.md.`;
  }
  const byFile = pageByFileReading(index, fromFile, written);
  if (byFile) {
    const its = pagePath(slugFromContentPath(byFile, index.slugRules));
    return ` As a file path it would name ${index.display(byFile)}, but without .md it is a URL, resolved against this page's URL: link the file as "${relativeFileHref(fromFile, byFile)}${suffix}", or its URL as "${relativeUrlHref(from, its)}${suffix}".`;
  }
  const asFile = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), written));
  if (!asFile.startsWith('..') && !written.endsWith('/') && index.fileExists?.(asFile)) {
    return ` ${index.display(asFile)} exists, but the site publishes only pages and images: link to it with a full https:// URL (its page on GitHub, for instance).`;
  }
  const close = nearest(route, index.pagesByPath.keys());
  return close ? ` Did you mean ${close} ("${relativeUrlHref(from, close)}${suffix}")?` : '';
}

/** Advice for a link to a .md file that does not exist: the same name in other letter case, or a near spelling. */
export function fileLinkHint(index: PageLinkIndex, fromFile: string, missing: string): string {
  const lower = missing.toLowerCase();
  for (const candidate of index.pages.keys()) {
    if (candidate.toLowerCase() === lower) return ` Did you mean "${relativeFileHref(fromFile, candidate)}"? File names are case-sensitive.`;
  }
  const close = nearest(missing, index.pages.keys());
  return close ? ` Did you mean "${relativeFileHref(fromFile, close)}"?` : '';
}
