import { pageHref, slugFromContentPath, type SlugRules } from '../urls.ts';

export interface UrlClash {
  file: string;
  url: string;
  others: string[];
}

/**
 * Files that would be built to the same URL (`a.md` and `a/index.md`, `A B.md` and `a-b.md`, or
 * `01-a.md` and `a.md` once number prefixes are stripped):
 * Astro would silently keep only one of them.
 */
export function findUrlClashes(files: string[], base: string, rules: SlugRules): UrlClash[] {
  const byUrl = new Map<string, string[]>();
  for (const file of files) {
    const url = pageHref(base, slugFromContentPath(file, rules));
    byUrl.set(url, [...(byUrl.get(url) ?? []), file]);
  }
  const clashes: UrlClash[] = [];
  for (const [url, group] of byUrl) {
    if (group.length < 2) continue;
    for (const file of group) clashes.push({ file, url, others: group.filter((other) => other !== file) });
  }
  return clashes;
}

export interface FolderClash {
  folder: string;
  url: string;
  others: string[];
}

/**
 * Folders that become one URL (`03-sec/` and `sec/` once number prefixes are stripped, `Sec/` and
 * `sec/`): no two of their pages need clash, yet the site would show two sections of one name under
 * one address, each with half of the pages.
 */
export function findFolderClashes(files: string[], base: string, rules: SlugRules): FolderClash[] {
  const folders = new Set<string>();
  for (const file of files) {
    for (let end = file.indexOf('/'); end !== -1; end = file.indexOf('/', end + 1)) folders.add(file.slice(0, end));
  }
  const byUrl = new Map<string, string[]>();
  for (const folder of [...folders].sort()) {
    const url = pageHref(base, slugFromContentPath(`${folder}/index.md`, rules));
    byUrl.set(url, [...(byUrl.get(url) ?? []), folder]);
  }
  const clashes: FolderClash[] = [];
  for (const [url, group] of byUrl) {
    if (group.length < 2) continue;
    for (const folder of group) clashes.push({ folder, url, others: group.filter((other) => other !== folder) });
  }
  return clashes;
}
