import { z } from 'zod';
import { verdicts } from './types.ts';

/**
 * The link-check cache file (default .cache/link-check.json). Read by the checker between runs and
 * by the site build (Learning resources health), so both validate it with this one schema.
 * Bump `cacheVersion` on any incompatible change: older files are then discarded, not misread.
 */
export const cacheVersion = 1;

export const cacheEntrySchema = z.object({
  /** Normalized URL, equal to the entry's key. */
  url: z.string(),
  verdict: z.enum(verdicts),
  status: z.number().int().optional(),
  finalUrl: z.string().optional(),
  permanentRedirect: z.boolean().optional(),
  redirects: z.array(z.object({ url: z.string(), status: z.number().int() })).optional(),
  /** ISO 8601 time of the check. */
  checkedAt: z.iso.datetime(),
  elapsedMs: z.number().nonnegative(),
  attempts: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  errorCode: z.string().optional(),
  detail: z.string().optional(),
});

export const cacheFileSchema = z.object({
  version: z.literal(cacheVersion),
  entries: z.record(z.string(), cacheEntrySchema),
});

export type CacheEntry = z.output<typeof cacheEntrySchema>;
export type CacheFile = z.output<typeof cacheFileSchema>;

export function emptyCache(): CacheFile {
  return { version: cacheVersion, entries: {} };
}
