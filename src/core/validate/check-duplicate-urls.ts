import { pageHref, slugFromContentPath } from '../urls.ts';

export interface UrlClash {
  file: string;
  url: string;
  others: string[];
}

/**
 * Files that would be built to the same URL (`a.md` and `a/index.md`, or `A B.md` and `a-b.md`):
 * Astro would silently keep only one of them.
 */
export function findUrlClashes(files: string[], base: string): UrlClash[] {
  const byUrl = new Map<string, string[]>();
  for (const file of files) {
    const url = pageHref(base, slugFromContentPath(file));
    byUrl.set(url, [...(byUrl.get(url) ?? []), file]);
  }
  const clashes: UrlClash[] = [];
  for (const [url, group] of byUrl) {
    if (group.length < 2) continue;
    for (const file of group) clashes.push({ file, url, others: group.filter((other) => other !== file) });
  }
  return clashes;
}
