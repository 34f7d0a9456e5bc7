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
