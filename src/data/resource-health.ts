import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { cacheEntrySchema, cacheVersion, type CacheEntry, type CacheFile } from '../core/link-cache/format.ts';
import { lookupKeys } from '../core/link-cache/normalize-url.ts';

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

/** Longest checker explanation the page repeats; its own ("answered 404 Not Found") are far shorter. */
const MAX_DETAIL_CHARS = 200;

/** The checker's explanation as one short line of text, whatever the cache holds. */
function shownDetail(detail: string | undefined): string {
  const line = (detail ?? '').replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ').trim();
  return line.length > MAX_DETAIL_CHARS ? `${line.slice(0, MAX_DETAIL_CHARS - 1).trimEnd()}…` : line;
}

/** Maps one cache entry to what the page shows; undefined for entries that say nothing about the link. */
export function healthFromEntry(entry: CacheEntry): ResourceHealth | undefined {
  const common = { checkedAt: entry.checkedAt, ...(entry.status !== undefined && { httpStatus: entry.status }) };
  const detail = shownDetail(entry.detail);
  const because = detail ? `: ${detail}` : '';
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
      return { ...common, status: 'unknown', label: 'Not verified', description: 'The site asked the link check to slow down; it may well be fine.' };
    case 'unverified':
      // Never a problem badge: the check could not tell (a site that refuses automated requests,
      // a redirect the checker may not follow), which says nothing against the resource.
      return {
        ...common,
        status: 'unknown',
        label: 'Not verified',
        description: `The link could not be checked automatically${because}. It may well be fine.`,
      };
    case 'suspect':
      return {
        ...common,
        status: 'broken',
        label: 'May be gone',
        description: `The address answers with what looks like a "not found" page${because}.`,
      };
    case 'excluded':
      return undefined;
    default: {
      // A verdict added to the checker must be given a label here: this stops the type-check.
      const unhandled: never = entry.verdict;
      return unhandled;
    }
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
 * What the page accepts from one cache entry: the checker's own format (which already refuses a
 * finalUrl that is not http(s) and a checkedAt that is not an ISO time), plus an HTTP status that
 * is a status. The file may come from anyone's pull request or CI cache, so nothing is trusted.
 */
const pageEntrySchema = cacheEntrySchema.extend({
  status: z.number().int().min(100).max(999).optional(),
});

/** Warnings about single entries before they are summed up, so a bad cache cannot flood the build log. */
const MAX_ENTRY_WARNINGS = 5;

export interface ReadResourceHealthOptions {
  /** Where warnings about ignored entries go (default: console.warn, which the build log shows). */
  warn?: (message: string) => void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A cache key as it may be shown in a log: quoted, escaped and short, whatever characters it holds. */
function shownKey(key: string): string {
  return JSON.stringify(key.length > 120 ? `${key.slice(0, 119)}…` : key);
}

/**
 * Reads the cache for the site build. Never throws: an absent, unreadable, corrupt or outdated
 * file gives an empty index, because the site must build whatever state the cache is in. An entry
 * the page cannot trust is dropped on its own, with a warning, and its resource shows as not yet
 * checked: one bad entry should not hide the health of every other resource.
 */
export function readResourceHealth(
  file: string,
  { warn = (message) => console.warn(message) }: ReadResourceHealthOptions = {},
): Map<string, ResourceHealth> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return new Map();
  }
  // Only the entries matter here; the checker's other sections (parsed documents) are its own business.
  if (!isRecord(data) || data.version !== cacheVersion || !isRecord(data.entries)) return new Map();

  const index = new Map<string, ResourceHealth>();
  let ignored = 0;
  for (const [key, value] of Object.entries(data.entries)) {
    const parsed = pageEntrySchema.safeParse(value);
    if (parsed.success) {
      const health = healthFromEntry(parsed.data);
      if (health) index.set(key, health);
      continue;
    }
    ignored++;
    if (ignored <= MAX_ENTRY_WARNINGS) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.') || 'the entry';
      warn(
        `Ignoring the link-check result for ${shownKey(key)} in ${file}: ${field}: ${issue.message}. ` +
          'The Learning resources page shows that resource as not yet checked; delete the cache file to have the next link check write a fresh one.',
      );
    }
  }
  if (ignored > MAX_ENTRY_WARNINGS) {
    warn(`Ignored ${ignored - MAX_ENTRY_WARNINGS} more invalid link-check results in ${file} (${ignored} in all).`);
  }
  return index;
}
