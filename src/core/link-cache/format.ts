import { z } from 'zod';

/** What a link check concludes about a URL; the cache stores it, the site shows it. */
export const verdicts = [
  'ok',
  'redirected',
  'broken',
  'timeout',
  'network-error',
  'rate-limited',
  'unverified',
  /** Answered, but looks like a missing page: a "not found" title or heading, or a redirect to the home page. */
  'suspect',
  'invalid',
  'excluded',
] as const;
export type Verdict = (typeof verdicts)[number];

/**
 * The link-check cache file (default .cache/link-check.json). Read by the checker between runs and
 * by the site build (Learning resources health), so both validate it with this one schema.
 * Bump `cacheVersion` on any incompatible change: older files are then discarded, not misread.
 */
export const cacheVersion = 1;

/**
 * The checker only ever follows redirects to http(s) addresses, so anything else in a cache was not
 * written by it; the site links to this address, so a javascript: or data: URL must never pass.
 */
const webUrl = z.string().refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
  message: 'expected an absolute http:// or https:// URL',
});

export const cacheEntrySchema = z.object({
  /** Normalized URL, equal to the entry's key. */
  url: z.string(),
  verdict: z.enum(verdicts),
  status: z.number().int().optional(),
  finalUrl: webUrl.optional(),
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

/** The links found in one Markdown/MDX file, reused while the file's text is unchanged. */
export const documentEntrySchema = z.object({
  /** Hash of the file text and of the extractor version (see collect.ts). */
  hash: z.string(),
  links: z.array(z.object({ raw: z.string(), line: z.number().int() })),
  problems: z.array(z.object({ line: z.number().int().optional(), message: z.string() })),
});

export const cacheFileSchema = z.object({
  version: z.literal(cacheVersion),
  /** Link results, keyed by normalized URL. */
  entries: z.record(z.string(), cacheEntrySchema),
  /** Parsed documents, keyed by file path relative to the project root. */
  documents: z.record(z.string(), documentEntrySchema).optional(),
});

export type CacheEntry = z.output<typeof cacheEntrySchema>;
export type CacheFile = z.output<typeof cacheFileSchema>;
export type DocumentEntry = z.output<typeof documentEntrySchema>;

export function emptyCache(): CacheFile {
  return { version: cacheVersion, entries: {} };
}
