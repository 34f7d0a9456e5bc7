import { parseArgs } from 'node:util';
import { ConfigError, isVerdict, resolveConfig, type LinkCheckConfig, type LinkCheckOverrides } from './config.ts';
import { reportFormats, type ReportFormat } from './report.ts';
import { verdicts, type Verdict } from './types.ts';

export class UsageError extends Error {}

export interface CliOptions {
  help: boolean;
  format: ReportFormat;
  verbose: boolean;
  urls?: string[];
  changedSince?: string;
  contentDir?: string;
  /** undefined with --no-cache. */
  cacheFile?: string;
  config: LinkCheckConfig;
}

export const usage = `Usage: npm run links -- [options]

Checks every external link in content/**/*.md(x) and content/links.yaml.

What to check
  --url <url>              check only this URL (repeatable), even if excluded or local, not from
                           the cache; its redirects follow the usual rules
  --changed-since <ref>    only links on lines added since this git ref (pull requests)
  --content-dir <dir>      content folder holding docs/ and links.yaml (default: content/, or
                           $DOCS_CONTENT_DIR)
  --check-fragments        also check that #fragments exist in the target page
  --no-soft-404            do not flag pages that look missing (HEAD first again, no page reads)
  --exclude <regex>        never request matching URLs (repeatable; adds to the built-in list)
  --include <regex>        request matching URLs even if excluded or local (repeatable)
  --accept <codes>         statuses that also count as ok, e.g. 403,999 or 400-499

How to check
  --concurrency <n>        requests in flight overall (default 32)
  --per-host <n>           requests in flight per host (default 2)
  --timeout <ms>           whole request, redirects and body included (default 30000)
  --connect-timeout <ms>   TCP/TLS connect (default 10000)
  --headers-timeout <ms>   time to response headers (default 15000)
  --link-deadline <dur>    one link, all attempts and waits included, e.g. 20s (default 30s)
  --max-duration <dur>     whole check; what is left is reported unverified, e.g. 5m (default 10m)
  --retries <n>            retries after network errors, 408, 429, 5xx (default 2)
  --retry-after-cap <ms>   longest Retry-After honoured; longer means rate-limited (default 30000)
  --max-redirects <n>      (default 10)
  --user-agent <string>    (default: a desktop browser's)

Cache
  --cache-file <file>      (default .cache/link-check.json, or $LINK_CHECK_CACHE)
  --max-age <duration>     how long ok/redirected results are reused, e.g. 12h, 30m (default 24h)
  --no-cache               neither read nor write the cache

Output
  --format <f>             text (default), json, markdown or github
  --fail-on <verdicts>     verdicts that fail the run (default broken,timeout,network-error,invalid;
                           add suspect to fail on pages that look missing, unverified to fail on
                           links that could not be checked)
  --verbose                list every link, not only those needing attention
  --help

Exit codes: 0 fine, 1 a failing verdict or unreadable content, 2 usage error, 3 the machine looks offline,
130 interrupted.`;

const options = {
  url: { type: 'string', multiple: true },
  'changed-since': { type: 'string' },
  'content-dir': { type: 'string' },
  'check-fragments': { type: 'boolean' },
  'soft-404': { type: 'boolean', default: true },
  exclude: { type: 'string', multiple: true },
  include: { type: 'string', multiple: true },
  accept: { type: 'string' },
  concurrency: { type: 'string' },
  'per-host': { type: 'string' },
  timeout: { type: 'string' },
  'connect-timeout': { type: 'string' },
  'headers-timeout': { type: 'string' },
  retries: { type: 'string' },
  'link-deadline': { type: 'string' },
  'max-duration': { type: 'string' },
  'retry-after-cap': { type: 'string' },
  'max-redirects': { type: 'string' },
  'user-agent': { type: 'string' },
  'cache-file': { type: 'string' },
  'max-age': { type: 'string' },
  cache: { type: 'boolean', default: true },
  format: { type: 'string', default: 'text' },
  'fail-on': { type: 'string' },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Turns argv into options, or throws UsageError saying which flag is wrong and what it expects. */
export function parseCliArgs(argv: string[], defaults: { cacheFile: string }): CliOptions {
  const { values } = parseFlags(argv);
  if (!(reportFormats as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format must be one of ${reportFormats.join(', ')} (got "${values.format}").`);
  }
  if (values.url && values['changed-since'])
    throw new UsageError('--url and --changed-since cannot be combined: --url checks exactly the URLs given.');

  const overrides: LinkCheckOverrides = {};
  const setInt = (flag: string, value: string | undefined, apply: (n: number) => void) => {
    if (value === undefined) return;
    if (!/^\d+$/.test(value)) throw new UsageError(`${flag} expects a whole number (got "${value}").`);
    apply(Number(value));
  };
  setInt('--concurrency', values.concurrency, (n) => (overrides.concurrency = n));
  setInt('--per-host', values['per-host'], (n) => (overrides.perHost = n));
  setInt('--retries', values.retries, (n) => (overrides.retries = n));
  setInt('--max-redirects', values['max-redirects'], (n) => (overrides.maxRedirects = n));
  setInt('--retry-after-cap', values['retry-after-cap'], (n) => (overrides.retryAfterCapMs = n));
  const timeouts: NonNullable<LinkCheckOverrides['timeouts']> = {};
  setInt('--timeout', values.timeout, (n) => (timeouts.totalMs = n));
  setInt('--connect-timeout', values['connect-timeout'], (n) => (timeouts.connectMs = n));
  setInt('--headers-timeout', values['headers-timeout'], (n) => (timeouts.headersMs = n));
  overrides.timeouts = timeouts;
  if (values['check-fragments']) overrides.checkFragments = true;
  if (!values['soft-404']) overrides.checkSoftNotFound = false;
  if (values['user-agent'] !== undefined) overrides.userAgent = values['user-agent'];
  if (values.exclude) overrides.exclude = values.exclude.map((pattern) => ({ pattern, reason: `matches --exclude ${pattern}` }));
  if (values.include) overrides.include = values.include.map((pattern) => ({ pattern }));
  if (values.accept !== undefined) overrides.accept = [{ pattern: '.', statuses: parseStatusList(values.accept) }];
  if (values['fail-on'] !== undefined) overrides.failOn = parseVerdictList(values['fail-on']);
  if (values['link-deadline'] !== undefined) overrides.linkDeadlineMs = parseDuration('--link-deadline', values['link-deadline'], '20s, 1m or 90000');
  if (values['max-duration'] !== undefined) overrides.maxDurationMs = parseDuration('--max-duration', values['max-duration'], '5m, 30m or 1h');
  if (values['max-age'] !== undefined) {
    const maxAge = parseDuration('--max-age', values['max-age'], '30m, 24h or 7d');
    overrides.cacheMaxAgeMs = { ok: maxAge, redirected: maxAge, unverified: maxAge };
  }

  let config: LinkCheckConfig;
  try {
    config = resolveConfig(overrides);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  return {
    help: values.help,
    format: values.format as ReportFormat,
    verbose: values.verbose,
    urls: values.url,
    changedSince: values['changed-since'],
    contentDir: values['content-dir'],
    cacheFile: values.cache ? (values['cache-file'] ?? defaults.cacheFile) : undefined,
    config,
  };
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowNegative: true, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}\nRun with --help to see the options.`);
  }
}

/** "403,999" or "400-499,999" → status codes. */
function parseStatusList(text: string): number[] {
  const statuses: number[] = [];
  for (const part of text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const range = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
    if (!range) throw new UsageError(`--accept expects status codes or ranges such as 403,999 or 400-499 (got "${part}").`);
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (to < from) throw new UsageError(`--accept range ${part} runs backwards; write the smaller code first.`);
    for (let status = from; status <= to; status++) statuses.push(status);
  }
  if (statuses.length === 0) throw new UsageError('--accept needs at least one status code.');
  return statuses;
}

function parseVerdictList(text: string): Verdict[] {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = items.filter((item) => !isVerdict(item));
  if (unknown.length > 0) {
    throw new UsageError(
      `--fail-on: unknown verdict ${unknown.map((item) => `"${item}"`).join(', ')}; use ${verdicts.slice(0, -1).join(', ')} or ${verdicts.at(-1)}.`,
    );
  }
  return items as Verdict[];
}

/** "90s", "30m", "24h", "7d" or plain milliseconds. */
function parseDuration(flag: string, text: string, examples: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new UsageError(`${flag} expects a duration such as ${examples} (got "${text}").`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 'ms'] ?? 1;
  return Math.round(Number(match[1]) * unit);
}
