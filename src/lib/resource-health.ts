import { readFileSync } from 'node:fs';
import { cacheFileSchema, type CacheEntry, type CacheFile } from '../../scripts/link-check/cache-format.ts';
import { lookupKeys } from '../../scripts/link-check/normalize-url.ts';

/**
 * What the Learning resources page shows about a resource's link, from the link checker's cache
 * (scripts/link-check). No cache, no health data: the page then simply shows none.
 */
export type ResourceHealthStatus =
  /** The link answered 2xx (or a status configured as fine). */
  | 'ok'
  /** Permanently redirected: the resource lives at finalUrl now. */
  | 'moved'
  /** The server answered with an error (404, 410, 500…), or the URL is malformed. */
  | 'broken'
  /** No answer at all at the last check (DNS, refused, timeout). */
  | 'unreachable'
  /** The site refuses or throttles automated checks: nothing can be said. */
  | 'unknown';

export interface ResourceHealth {
  status: ResourceHealthStatus;
  /** A word or two for a badge. */
  label: string;
  /** One sentence for a tooltip or screen readers. */
  description: string;
  /** ISO 8601 time of the check, to show "last checked …". */
  checkedAt: string;
  /** Where a moved resource lives now. */
  finalUrl?: string;
  httpStatus?: number;
}

/** Resource URL (normalized as the checker does) → health. */
export type ResourceHealthIndex = ReadonlyMap<string, ResourceHealth>;

/** Maps one cache entry to what the page shows; undefined for entries that say nothing about the link. */
export function healthFromEntry(entry: CacheEntry): ResourceHealth | undefined {
  const common = { checkedAt: entry.checkedAt, ...(entry.status !== undefined && { httpStatus: entry.status }) };
  const because = entry.detail ? `: ${entry.detail}` : '';
  switch (entry.verdict) {
    case 'ok':
      return { ...common, status: 'ok', label: 'Working', description: 'The link worked at the last check.' };
    case 'redirected':
      return {
        ...common,
        status: 'moved',
        label: 'Moved',
        description: entry.finalUrl ? `The resource has moved to ${entry.finalUrl}.` : 'The resource has moved permanently.',
        ...(entry.finalUrl !== undefined && { finalUrl: entry.finalUrl }),
      };
    case 'broken':
      return { ...common, status: 'broken', label: 'Broken link', description: `The link was broken at the last check${because}.` };
    case 'invalid':
      return { ...common, status: 'broken', label: 'Invalid link', description: 'The address is not a valid URL.' };
    case 'timeout':
    case 'network-error':
      return { ...common, status: 'unreachable', label: 'Unreachable', description: `The site could not be reached at the last check${because}.` };
    case 'rate-limited':
    case 'unverified':
      return { ...common, status: 'unknown', label: 'Not verified', description: 'The site does not allow automated checks; it may well be fine.' };
    case 'excluded':
      return undefined;
  }
}

/** The health of every URL in a cache. Pure. */
export function resourceHealthFromCache(cache: CacheFile): Map<string, ResourceHealth> {
  const index = new Map<string, ResourceHealth>();
  for (const [key, entry] of Object.entries(cache.entries)) {
    const health = healthFromEntry(entry);
    if (health) index.set(key, health);
  }
  return index;
}

/** Finds a resource's health however its URL is written (host case, default port, #fragment). */
export function healthForUrl(index: ResourceHealthIndex, url: string): ResourceHealth | undefined {
  for (const key of lookupKeys(url)) {
    const health = index.get(key);
    if (health) return health;
  }
  return undefined;
}

/**
 * Reads the cache for the site build. Never throws: an absent, unreadable, corrupt or outdated
 * file gives an empty index, because the site must build whatever state the cache is in.
 */
export function readResourceHealth(file: string): Map<string, ResourceHealth> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return new Map();
  }
  const parsed = cacheFileSchema.safeParse(data);
  return parsed.success ? resourceHealthFromCache(parsed.data) : new Map();
}
