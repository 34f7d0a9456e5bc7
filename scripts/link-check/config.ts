import { z } from 'zod';
import { describeZodIssues } from '../../src/core/problems.ts';
import { localAddressReason, matchForm } from './address.ts';
import { verdicts, type Verdict } from './types.ts';

const regexSource = z
  .string()
  .min(1)
  .refine(
    (source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'expected a valid JavaScript regular expression, such as "^https://example\\.org/"' },
  );
const httpStatus = z.number().int().min(100).max(999);
const ms = (max: number) => z.number().int().min(0).max(max);

const patternRule = z.object({ pattern: regexSource, reason: z.string().optional() }).strict();
const statusRule = patternRule.extend({ statuses: z.array(httpStatus).min(1) }).strict();

/** Everything the external link checker can be told. Defaults live below; CLI flags override them. */
const linkCheckConfigSchema = z
  .object({
    /** Requests in flight at once, over all hosts. */
    concurrency: z.number().int().min(1).max(512),
    /** Requests in flight at once to one host (host:port); also the keep-alive connections per origin. */
    perHost: z.number().int().min(1).max(64),
    timeouts: z
      .object({
        /** TCP + TLS handshake. */
        connectMs: ms(600_000).min(1),
        /** From sending a request to receiving the response headers. */
        headersMs: ms(600_000).min(1),
        /** One whole request chain: every redirect hop and the body read. */
        totalMs: ms(600_000).min(1),
      })
      .strict(),
    /** One link, all attempts, both methods and the waits between them: past it the link gets its verdict now. */
    linkDeadlineMs: ms(3_600_000).min(1),
    /** The whole check stage; what is still unchecked when it runs out is reported `unverified`. */
    maxDurationMs: ms(86_400_000).min(1),
    /** Links in a row from one host failing at host level (refused, DNS, connect timeout, TLS, 429) before its other links are no longer requested. */
    hostGiveUpAfter: z.number().int().min(1).max(1000),
    /** Extra attempts after a network error, timeout, 408, 429, 500, 502, 503 or 504. */
    retries: z.number().int().min(0).max(10),
    /** First backoff delay; doubled each retry, with jitter. */
    retryBaseDelayMs: ms(60_000),
    /** The longest Retry-After we wait for; a longer one makes the link `rate-limited` at once. */
    retryAfterCapMs: ms(3_600_000),
    maxRedirects: z.number().int().min(0).max(50),
    /** Body bytes read when the body itself is not needed (kept small: a link to a 2 GB ISO must not download it). */
    maxBodyBytes: z.number().int().min(0).max(1_048_576),
    /** Body bytes read at most while looking for `#fragment` ids. */
    maxFragmentBytes: z.number().int().min(0).max(67_108_864),
    checkFragments: z.boolean(),
    /** Look for soft 404s (see soft-404.ts): GET instead of HEAD, reading the head of HTML pages. */
    checkSoftNotFound: z.boolean(),
    /** Body bytes read at most while looking for a page's <title> and first <h1>. */
    maxSoftNotFoundBytes: z.number().int().min(0).max(1_048_576),
    userAgent: z.string().min(1),
    /** How long a result stays fresh in the cache. Verdicts not listed are always re-checked. */
    cacheMaxAgeMs: z.object({ ok: ms(31_536_000_000), redirected: ms(31_536_000_000), unverified: ms(31_536_000_000) }).strict(),
    /** Verdicts that make the run exit with code 1. */
    failOn: z.array(z.enum(verdicts)),
    /** URLs (normalized, matched by regular expression) never requested. */
    exclude: z.array(patternRule),
    /** URLs checked even if an exclude pattern matches them. */
    include: z.array(patternRule),
    /** Statuses that count as `ok` for matching URLs (2xx always do). */
    accept: z.array(statusRule),
    /** Hosts that answer automated requests with these statuses whatever the page: `unverified`, not `broken`. */
    unverified: z.array(statusRule),
  })
  .strict();

export type LinkCheckConfig = z.output<typeof linkCheckConfigSchema>;
export type LinkCheckOverrides = Partial<Omit<LinkCheckConfig, 'timeouts' | 'cacheMaxAgeMs'>> & {
  timeouts?: Partial<LinkCheckConfig['timeouts']>;
  cacheMaxAgeMs?: Partial<LinkCheckConfig['cacheMaxAgeMs']>;
};

const day = 24 * 60 * 60 * 1000;

/** Hosts that block or throttle anything that is not a logged-in browser, whatever the page. */
const botShyHosts: { host: string; statuses: number[] }[] = [
  { host: 'linkedin\\.com', statuses: [999, 403, 429] },
  { host: '(twitter|x)\\.com', statuses: [400, 403, 429] },
  { host: '(facebook|instagram)\\.com', statuses: [400, 403, 429] },
  { host: 'reddit\\.com', statuses: [403, 429] },
  { host: 'medium\\.com', statuses: [403, 429] },
  { host: 'udemy\\.com', statuses: [403] },
  { host: 'npmjs\\.com', statuses: [403, 429] },
  { host: '(stackoverflow\\.com|[a-z0-9-]+\\.stackexchange\\.com)', statuses: [403, 429] },
];

const defaults: LinkCheckConfig = {
  concurrency: 32,
  perHost: 2,
  timeouts: { connectMs: 10_000, headersMs: 15_000, totalMs: 30_000 },
  linkDeadlineMs: 30_000,
  maxDurationMs: 600_000,
  hostGiveUpAfter: 3,
  retries: 2,
  retryBaseDelayMs: 1_000,
  retryAfterCapMs: 30_000,
  maxRedirects: 10,
  maxBodyBytes: 8_192,
  maxFragmentBytes: 2_097_152,
  checkFragments: false,
  checkSoftNotFound: true,
  maxSoftNotFoundBytes: 65_536,
  // Several servers answer 403 to non-browser agents; a current desktop browser string avoids false alarms.
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36',
  cacheMaxAgeMs: { ok: day, redirected: day, unverified: day },
  failOn: ['broken', 'timeout', 'network-error', 'invalid'],
  // Local and private addresses (localhost, 127.x, [::1], 10.x, host.docker.internal, single-label
  // Compose service names…) are refused by compileRules itself, in every spelling: see address.ts.
  exclude: [
    {
      pattern: '^https?://([^/?#@]*\\.)?(example\\.(com|net|org)|[^/?#@]*\\.(example|test|invalid))(:\\d+)?([/?#]|$)',
      reason: 'reserved example domain (RFC 2606)',
    },
  ],
  include: [],
  accept: [],
  unverified: botShyHosts.map(({ host, statuses }) => ({
    pattern: `^https?://([^/?#@]*\\.)?${host}([:/?#]|$)`,
    statuses,
    reason: 'this site refuses automated requests; check it in a browser',
  })),
};

export class ConfigError extends Error {}

/** The defaults, validated (a mistake in the defaults should fail the first test, not a CI run). */
export const defaultLinkCheckConfig: LinkCheckConfig = linkCheckConfigSchema.parse(defaults);

/**
 * Applies overrides to the defaults. Scalars replace; pattern lists (exclude, include, accept,
 * unverified) extend the defaults, because a flag like `--exclude` adds one site, it does not
 * mean "forget the built-in list". Throws ConfigError naming each bad field.
 */
export function resolveConfig(overrides: LinkCheckOverrides = {}, base: LinkCheckConfig = defaultLinkCheckConfig): LinkCheckConfig {
  const merged = {
    ...base,
    ...overrides,
    timeouts: { ...base.timeouts, ...overrides.timeouts },
    cacheMaxAgeMs: { ...base.cacheMaxAgeMs, ...overrides.cacheMaxAgeMs },
    exclude: [...base.exclude, ...(overrides.exclude ?? [])],
    include: [...base.include, ...(overrides.include ?? [])],
    accept: [...base.accept, ...(overrides.accept ?? [])],
    unverified: [...base.unverified, ...(overrides.unverified ?? [])],
  };
  const result = linkCheckConfigSchema.safeParse(merged);
  if (!result.success) {
    const lines = describeZodIssues(result.error, merged).map((issue) => `  - ${issue.message}`);
    throw new ConfigError(`Invalid link-check settings:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** What the config says about one URL. */
export interface UrlRules {
  excluded?: string;
  /** An include pattern names the URL: it may be requested even at a local address. */
  included: boolean;
  accept: ReadonlySet<number>;
  unverified: ReadonlySet<number>;
}

/**
 * Compiles the patterns once; the returned function is called for every URL the checker would
 * request: each link and each redirect hop. Patterns see the URL's match form (see address.ts), so
 * `[::ffff:127.0.0.1]`, `2130706433` or `user@127.0.0.1` cannot slip past a pattern for 127.x.
 * A local or private address is excluded unless an include pattern names it.
 */
export function compileRules(config: LinkCheckConfig): (url: URL) => UrlRules {
  const compile = <T extends { pattern: string }>(rules: T[]) => rules.map((rule) => ({ ...rule, regex: new RegExp(rule.pattern, 'i') }));
  const exclude = compile(config.exclude);
  const include = compile(config.include);
  const accept = compile(config.accept);
  const unverified = compile(config.unverified);
  return (url) => {
    const form = matchForm(url);
    const included = include.some((rule) => rule.regex.test(form));
    // Later rules (the user's) are more specific than the built-in ones: their reason is the one to show.
    const excludedBy = included ? undefined : exclude.findLast((rule) => rule.regex.test(form));
    const local = included ? undefined : localAddressReason(url);
    return {
      excluded: excludedBy ? (excludedBy.reason ?? `matches exclude pattern ${excludedBy.pattern}`) : local,
      included,
      accept: new Set(accept.filter((rule) => rule.regex.test(form)).flatMap((rule) => rule.statuses)),
      unverified: new Set(unverified.filter((rule) => rule.regex.test(form)).flatMap((rule) => rule.statuses)),
    };
  };
}

export function isVerdict(value: string): value is Verdict {
  return (verdicts as readonly string[]).includes(value);
}
