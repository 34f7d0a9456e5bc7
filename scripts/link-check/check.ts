import { setTimeout as delay } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import { compileRules, type LinkCheckConfig, type UrlRules } from './config.ts';
import { FragmentFinder, fragmentNeedsNoTarget } from './fragment.ts';
import { readBodyUpTo } from './body.ts';
import type { HttpClient, Method } from './http.ts';
import { resultGroups } from './dedupe.ts';
import type { InvalidUrl, LinkPlace, LinkResult, PageToFetch, RedirectHop, UrlToCheck, Verdict } from './types.ts';
import { decideAttempt, hasPermanentRedirect, headIsConclusive, isRedirectStatus, isSuccess, type FragmentScan, type Observation } from './verdict.ts';

export interface CheckOptions {
  config: LinkCheckConfig;
  /** Defaults to an undici Agent built from the config (closed when the run ends). */
  client?: HttpClient;
  /** Injected so tests can watch or shorten waits; must reject when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Aborting cancels the run (Ctrl-C); checkTargets then rejects. */
  signal?: AbortSignal;
  /** Called as each target is finished (progress display). */
  onResult?: (results: readonly LinkResult[]) => void;
}

/** What checking one page concluded, before it is split per fragment. */
export interface PageOutcome {
  verdict: Verdict;
  status?: number;
  finalUrl?: string;
  redirects: RedirectHop[];
  attempts: number;
  requests: number;
  elapsedMs: number;
  errorCode?: string;
  detail?: string;
  fragments?: FragmentScan;
}

/**
 * Checks every target: at most `perHost` at once per host and `concurrency` overall. A target
 * waits for its host's slot before taking an overall slot, so a long list for one host never
 * starves the others; backoff sleeps keep the host slot (politeness) but free the overall one.
 */
export async function checkTargets(targets: readonly UrlToCheck[], options: CheckOptions): Promise<LinkResult[]> {
  const { config } = options;
  // undici is loaded on the first request: a run whose links are all cached, excluded or invalid
  // never needs it.
  let client: Promise<HttpClient> | undefined = options.client && Promise.resolve(options.client);
  const getClient = () =>
    (client ??= import('./http.ts').then(({ createHttpClient }) =>
      createHttpClient({
        connectionsPerOrigin: config.perHost,
        connectTimeoutMs: config.timeouts.connectMs,
        headersTimeoutMs: config.timeouts.headersMs,
        userAgent: config.userAgent,
      }),
    ));
  const context: PageContext = {
    config,
    getClient,
    rulesFor: compileRules(config),
    overall: pLimit(config.concurrency),
    sleep: options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    signal: options.signal,
  };
  const hostLimits = new Map<string, LimitFunction>();
  const hostLimit = (host: string) => {
    let limit = hostLimits.get(host);
    if (!limit) hostLimits.set(host, (limit = pLimit(config.perHost)));
    return limit;
  };

  try {
    const perTarget = await Promise.all(
      targets.map(async (target) => {
        const results =
          target.kind === 'invalid'
            ? [invalidResult(target, context.now())]
            : await hostLimit(target.url.host)(async () => expandResults(target, await checkPage(target, context), new Date(context.now()).toISOString(), config));
        options.onResult?.(results);
        return results;
      }),
    );
    return perTarget.flat();
  } finally {
    if (!options.client && client) await (await client).close();
  }
}

interface PageContext {
  config: LinkCheckConfig;
  getClient: () => Promise<HttpClient>;
  rulesFor: (url: string) => UrlRules;
  overall: LimitFunction;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
  signal?: AbortSignal;
}

async function checkPage(target: PageToFetch, context: PageContext): Promise<PageOutcome> {
  const started = performance.now();
  const rules = context.rulesFor(target.key);
  if (rules.excluded) return { verdict: 'excluded', detail: rules.excluded, redirects: [], attempts: 0, requests: 0, elapsedMs: 0 };

  const wanted = context.config.checkFragments ? target.fragments.filter((fragment) => !fragmentNeedsNoTarget(fragment)) : [];
  const counter = { requests: 0 };
  for (let attempt = 1; ; attempt++) {
    const observation = await context.overall(() => probe(target.url, wanted, rules, context, counter));
    const decision = decideAttempt(observation, { rules, attempt, config: context.config, now: context.now(), random: context.random });
    if (decision.action === 'retry') {
      await context.sleep(decision.delayMs, context.signal);
      continue;
    }
    const outcome: PageOutcome = {
      verdict: decision.verdict,
      detail: decision.detail,
      redirects: observation.redirects,
      attempts: attempt,
      requests: counter.requests,
      elapsedMs: Math.round(performance.now() - started),
    };
    if (observation.kind === 'response') {
      outcome.status = observation.status;
      if (observation.redirects.length > 0) outcome.finalUrl = observation.finalUrl;
      outcome.fragments = observation.fragments;
    } else if (observation.kind === 'error') {
      outcome.errorCode = observation.errorCode;
    }
    return outcome;
  }
}

/** HEAD first (cheap); GET when HEAD is inconclusive or the body must be read for fragments. */
async function probe(url: URL, fragments: string[], rules: UrlRules, context: PageContext, counter: { requests: number }): Promise<Observation> {
  if (fragments.length === 0) {
    const head = await requestChain(url, 'HEAD', [], context, counter);
    if (headIsConclusive(head, rules)) return head;
  }
  return requestChain(url, 'GET', fragments, context, counter);
}

/** One request and its redirects, under one deadline covering every hop and the body read. */
async function requestChain(start: URL, method: Method, fragments: string[], context: PageContext, counter: { requests: number }): Promise<Observation> {
  const { config } = context;
  // Our own timer rather than AbortSignal.timeout, cleared as soon as the chain ends instead of
  // lingering for the full timeout after each of thousands of links; and a plain listener on the
  // run's signal rather than AbortSignal.any, which ties one more signal per link to it.
  if (context.signal?.aborted) throw context.signal.reason;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), config.timeouts.totalMs);
  const cancel = () => deadline.abort(context.signal?.reason);
  context.signal?.addEventListener('abort', cancel, { once: true });
  const signal = deadline.signal;
  const redirects: RedirectHop[] = [];
  const visited = new Set([start.href]);
  let url = start;
  try {
    for (;;) {
      counter.requests++;
      const response = await (await context.getClient()).request(url, method, signal);
      const location = response.headers.location;
      if (isRedirectStatus(response.status) && location) {
        await readBodyUpTo(response.body, config.maxBodyBytes);
        redirects.push({ url: url.href, status: response.status });
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return { kind: 'redirect-problem', method, redirects, reason: `redirects to an invalid address (${JSON.stringify(location)})` };
        }
        next.hash = '';
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return { kind: 'redirect-problem', method, redirects, reason: `redirects to a non-web address (${next.href})` };
        }
        if (visited.has(next.href)) {
          const chain = [...redirects.map((hop) => hop.url), next.href].join(' → ');
          return { kind: 'redirect-problem', method, redirects, reason: `redirect loop: ${chain}` };
        }
        if (redirects.length > config.maxRedirects) {
          return { kind: 'redirect-problem', method, redirects, reason: `more than ${config.maxRedirects} redirects (stopped at ${next.href})` };
        }
        visited.add(next.href);
        url = next;
        continue;
      }
      let scan: FragmentScan | undefined;
      if (method === 'GET' && fragments.length > 0 && isSuccess(response.status)) {
        scan = await scanFragments(response.body, response.headers['content-type'], fragments, config);
      } else {
        await readBodyUpTo(response.body, config.maxBodyBytes);
      }
      return { kind: 'response', method, status: response.status, headers: response.headers, finalUrl: url.href, redirects, fragments: scan };
    }
  } catch (error) {
    if (context.signal?.aborted) throw context.signal.reason;
    const code = errorCode(error);
    const timedOut = deadline.signal.aborted;
    const timeout = timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
    return { kind: 'error', method, redirects, timeout, errorCode: timedOut ? 'TIMEOUT' : code, message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    context.signal?.removeEventListener('abort', cancel);
  }
}

async function scanFragments(body: Parameters<typeof readBodyUpTo>[0], contentType: string | undefined, fragments: string[], config: LinkCheckConfig): Promise<FragmentScan> {
  const html = contentType === undefined || /html/i.test(contentType);
  if (!html) {
    await readBodyUpTo(body, config.maxBodyBytes);
    return { html: false, found: new Set(), truncated: false };
  }
  const finder = new FragmentFinder(fragments);
  const read = await readBodyUpTo(body, config.maxFragmentBytes, (chunk) => finder.write(chunk));
  const truncated = !finder.complete && read >= config.maxFragmentBytes;
  if (!finder.complete && !truncated) finder.end();
  return { html: true, found: finder.found, truncated };
}

/** undici puts the interesting code on the error or on its cause (getaddrinfo, TLS). */
function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED') {
      // A socket error hides the OS reason (ECONNRESET) in its cause; prefer it when present.
      const causeCode = ((current as { cause?: { code?: unknown } }).cause)?.code;
      return typeof causeCode === 'string' ? causeCode : code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return 'UNKNOWN';
}

function invalidResult(target: InvalidUrl, now: number): LinkResult {
  return {
    url: target.key,
    verdict: 'invalid',
    detail: `this URL ${target.reason}`,
    requests: 0,
    attempts: 0,
    elapsedMs: 0,
    checkedAt: new Date(now).toISOString(),
    fromCache: false,
    places: target.places,
  };
}

/**
 * Turns one page outcome into results to report: one for the page, and one per checked fragment
 * (a page can be fine while one of its anchors is gone).
 */
function expandResults(
  target: PageToFetch,
  outcome: PageOutcome,
  checkedAt: string,
  fragmentOptions: Pick<LinkCheckConfig, 'checkFragments' | 'maxFragmentBytes'>,
): LinkResult[] {
  const base = (url: string, places: LinkPlace[]): LinkResult => ({
    url,
    verdict: outcome.verdict,
    ...(outcome.status !== undefined && { status: outcome.status }),
    ...(outcome.finalUrl !== undefined && { finalUrl: outcome.finalUrl }),
    ...(outcome.redirects.length > 0 && { redirects: outcome.redirects, permanentRedirect: hasPermanentRedirect(outcome.redirects) }),
    requests: outcome.requests,
    attempts: outcome.attempts,
    elapsedMs: outcome.elapsedMs,
    checkedAt,
    fromCache: false,
    ...(outcome.errorCode !== undefined && { errorCode: outcome.errorCode }),
    ...(outcome.detail !== undefined && { detail: outcome.detail }),
    places,
  });
  return resultGroups(target, fragmentOptions.checkFragments).map(({ url, fragment, places }) => {
    const result = base(url, places);
    if (fragment === undefined) return result;
    const scan = outcome.fragments;
    if ((outcome.verdict !== 'ok' && outcome.verdict !== 'redirected') || fragmentNeedsNoTarget(fragment) || !scan) return result;
    if (!scan.html) return { ...result, detail: joinDetail(result.detail, `#${fragment} not checked: the page is not HTML`) };
    if (scan.found.has(fragment)) return result;
    if (scan.truncated) {
      const limit = `${Math.round(fragmentOptions.maxFragmentBytes / 1024)} KB`;
      return { ...result, verdict: 'unverified', detail: joinDetail(result.detail, `#${fragment} not found in the first ${limit}; the page is too large to search fully`) };
    }
    return { ...result, verdict: 'broken', detail: joinDetail(result.detail, `the page has no element with id or name "${fragment}"`) };
  });
}

function joinDetail(first: string | undefined, second: string): string {
  return first ? `${first}; ${second}` : second;
}
