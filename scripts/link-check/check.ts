import { setTimeout as delay } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import { compileRules, type LinkCheckConfig, type UrlRules } from './config.ts';
import { FragmentFinder, fragmentNeedsNoTarget } from './fragment.ts';
import { readBodyUpTo } from './body.ts';
import type { HttpClient, HttpClientOptions, Method } from './http.ts';
import { resultGroups } from './dedupe.ts';
import type { InvalidUrl, LinkPlace, LinkResult, PageToFetch, RedirectHop, UrlToCheck, Verdict } from './types.ts';
import { formatDuration } from './duration.ts';
import { HeadingSniffer, notFoundSign } from './soft-404.ts';
import { credentialsReason, shownUrl } from './address.ts';
import { isHostLevelError } from './network-errors.ts';
import {
  decideAttempt,
  hasPermanentRedirect,
  headIsConclusive,
  isRedirectStatus,
  isSuccess,
  type FragmentScan,
  type Observation,
} from './verdict.ts';

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
  /** The resolver for the default client (tests give names local addresses). */
  lookup?: HttpClientOptions['lookup'];
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
  stoppedBy?: LinkResult['stoppedBy'];
}

/** What the run knows about one host: links in a row that failed at host level, and whether we gave up. */
interface HostState {
  strikes: number;
  /** Why the host's remaining links are not requested. */
  gaveUp?: string;
  /** Called after a failure of one path (reset, empty reply, stall): go on, one request at a time. */
  slowDown: () => void;
}

/**
 * A failure that says the whole host cannot be reached, or will not be for longer than we wait:
 * no name, connection refused, no connection in time, broken TLS, or a 429 (asking for a longer
 * wait than the cap, or still there after every wait asked for). A reset, an empty reply, a stalled
 * or cut answer says nothing about the host's other paths, and does not count.
 */
function isHostLevelFailure(outcome: PageOutcome): boolean {
  if (outcome.verdict === 'rate-limited') return true;
  return (
    (outcome.verdict === 'network-error' || outcome.verdict === 'timeout') && outcome.errorCode !== undefined && isHostLevelError(outcome.errorCode)
  );
}

/**
 * Checks every target: at most `perHost` at once per host and `concurrency` overall. A target
 * waits for its host's slot before taking an overall slot, so a long list for one host never
 * starves the others; backoff sleeps keep the host slot (politeness) but free the overall one.
 */
export async function checkTargets(targets: readonly UrlToCheck[], options: CheckOptions): Promise<LinkResult[]> {
  const { config } = options;
  // The run's time budget: when it runs out, links not yet checked are reported instead of requested.
  const budget = new AbortController();
  const budgetTimer = setTimeout(() => budget.abort(), config.maxDurationMs);
  // undici is loaded on the first request: a run whose links are all cached, excluded or invalid
  // never needs it.
  let client: Promise<HttpClient> | undefined = options.client && Promise.resolve(options.client);
  // Host names an include pattern named: only these may resolve to a local address.
  const mayReachLocal = new Set<string>();
  const getClient = () =>
    (client ??= import('./http.ts').then(({ createHttpClient }) =>
      createHttpClient({
        connectionsPerOrigin: config.perHost,
        connectTimeoutMs: config.timeouts.connectMs,
        headersTimeoutMs: config.timeouts.headersMs,
        userAgent: config.userAgent,
        mayReachLocal: (hostname) => mayReachLocal.has(hostname),
        ...(options.lookup && { lookup: options.lookup }),
      }),
    ));
  const context: PageContext = {
    config,
    getClient,
    rulesFor: compileRules(config),
    mayReachLocal,
    overall: pLimit(config.concurrency),
    sleep: options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    signal: options.signal,
    budget: budget.signal,
  };
  const hosts = new Map<string, HostState & { limit: LimitFunction }>();
  const hostState = (host: string) => {
    let state = hosts.get(host);
    if (!state) {
      const limit = pLimit(config.perHost);
      hosts.set(host, (state = { strikes: 0, limit, slowDown: () => void (limit.concurrency = 1) }));
    }
    return state;
  };

  try {
    const perTarget = await Promise.all(
      targets.map(async (target) => {
        const results =
          target.kind === 'invalid'
            ? [invalidResult(target, context.now())]
            : await hostState(target.url.host).limit(async () =>
                expandResults(target, await checkPage(target, context, hostState(target.url.host)), new Date(context.now()).toISOString(), config),
              );
        options.onResult?.(results);
        return results;
      }),
    );
    return perTarget.flat();
  } finally {
    clearTimeout(budgetTimer);
    if (!options.client && client) await (await client).close();
  }
}

interface PageContext {
  config: LinkCheckConfig;
  getClient: () => Promise<HttpClient>;
  rulesFor: (url: URL) => UrlRules;
  mayReachLocal: Set<string>;
  overall: LimitFunction;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
  signal?: AbortSignal;
  /** Aborted when the run's --max-duration runs out. */
  budget: AbortSignal;
}

/** Checks one page unless its host was given up or the run is out of time, and keeps the host's tally. */
async function checkPage(target: PageToFetch, context: PageContext, host: HostState): Promise<PageOutcome> {
  const rules = context.rulesFor(target.url);
  if (rules.excluded) return { verdict: 'excluded', detail: rules.excluded, redirects: [], attempts: 0, requests: 0, elapsedMs: 0 };
  // Never a failing verdict for a link nobody asked about: it is unverified, with the reason.
  if (context.signal?.aborted) return notRequested('not checked: the run was interrupted', 'interrupted');
  if (context.budget.aborted)
    return notRequested(
      `not checked: the run reached its time limit (--max-duration ${formatDuration(context.config.maxDurationMs)})`,
      'max-duration',
    );
  if (host.gaveUp) return notRequested(host.gaveUp, 'host');

  const outcome = await requestPage(target, rules, context);
  if (outcome.stoppedBy) return outcome;
  if (isHostLevelFailure(outcome)) {
    host.strikes++;
  } else if (outcome.status !== undefined) {
    host.strikes = 0; // the host answered
  } else if (outcome.verdict === 'network-error' || outcome.verdict === 'timeout') {
    host.slowDown();
  }
  if (host.strikes >= context.config.hostGiveUpAfter && !host.gaveUp) {
    const why = outcome.verdict === 'rate-limited' ? 'the host keeps answering 429 Too Many Requests' : 'the host cannot be reached';
    host.gaveUp = `not requested: ${why} (${host.strikes} links in a row ended ${outcome.verdict}; the last said: ${outcome.detail ?? outcome.verdict}); check it again later`;
  }
  return outcome;
}

function notRequested(detail: string, stoppedBy: NonNullable<PageOutcome['stoppedBy']>): PageOutcome {
  return { verdict: 'unverified', detail, redirects: [], attempts: 0, requests: 0, elapsedMs: 0, stoppedBy };
}

/**
 * Attempts and retries for one page, all under one link deadline (config.linkDeadlineMs): a wait
 * that would end past it is not taken, and a request still running when it passes is cut.
 */
async function requestPage(target: PageToFetch, rules: UrlRules, context: PageContext): Promise<PageOutcome> {
  const { config } = context;
  const started = performance.now();
  const deadlineAt = started + config.linkDeadlineMs;
  // One signal for everything this link does: its deadline, the run's time budget and Ctrl-C.
  const link = new AbortController();
  const timer = setTimeout(() => link.abort(), config.linkDeadlineMs);
  const cancel = () => link.abort();
  context.signal?.addEventListener('abort', cancel, { once: true });
  context.budget.addEventListener('abort', cancel, { once: true });
  const wanted = config.checkFragments ? target.fragments.filter((fragment) => !fragmentNeedsNoTarget(fragment)) : [];
  const counter = { requests: 0 };
  const deadline = formatDuration(config.linkDeadlineMs);
  try {
    for (let attempt = 1; ; attempt++) {
      const observation = await context.overall(() => probe(target.url, wanted, rules, context, counter, link.signal));
      const elapsedMs = () => Math.round(performance.now() - started);
      const stoppedBy = (): PageOutcome['stoppedBy'] =>
        context.signal?.aborted ? 'interrupted' : context.budget.aborted ? 'max-duration' : undefined;
      const cutShort = (by: NonNullable<PageOutcome['stoppedBy']>): PageOutcome => ({
        verdict: 'unverified',
        detail:
          by === 'interrupted'
            ? 'check cut short: the run was interrupted'
            : `check cut short: the run reached its time limit (--max-duration ${formatDuration(config.maxDurationMs)})`,
        redirects: [],
        attempts: attempt,
        requests: counter.requests,
        elapsedMs: elapsedMs(),
        stoppedBy: by,
      });
      // A response that arrived is an answer, even if the run stopped while its body was read.
      const stopped = stoppedBy();
      if (stopped && observation.kind !== 'response') return cutShort(stopped);
      let decision = decideAttempt(observation, { rules, attempt, config, now: context.now(), random: context.random });
      if (decision.action === 'retry') {
        let waited = false;
        if (!link.signal.aborted && performance.now() + decision.delayMs < deadlineAt) {
          try {
            await context.sleep(decision.delayMs, link.signal);
            waited = true;
          } catch (error) {
            if (!link.signal.aborted) throw error;
          }
        }
        if (waited && !link.signal.aborted) continue;
        const stoppedNow = stoppedBy();
        if (stoppedNow) return cutShort(stoppedNow);
        // No time left for another attempt: this one's answer is final.
        const final = decideAttempt(observation, {
          rules,
          attempt,
          config: { ...config, retries: attempt - 1 },
          now: context.now(),
          random: context.random,
        });
        if (final.action === 'retry') throw new Error('a last attempt cannot ask for a retry');
        decision = final;
        if (observation.kind === 'error' && observation.timeout) {
          decision = {
            ...decision,
            detail: `no complete answer within the ${deadline} link deadline (${attempt} attempt${attempt === 1 ? '' : 's'}, --link-deadline)`,
          };
        } else {
          decision = {
            ...decision,
            detail: `${decision.detail ?? decision.verdict}; no time left to try again within the ${deadline} link deadline`,
          };
        }
      }
      const outcome: PageOutcome = {
        verdict: decision.verdict,
        detail: decision.detail,
        redirects: observation.redirects,
        attempts: attempt,
        requests: counter.requests,
        elapsedMs: elapsedMs(),
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
  } finally {
    clearTimeout(timer);
    context.signal?.removeEventListener('abort', cancel);
    context.budget.removeEventListener('abort', cancel);
  }
}

/**
 * HEAD first (cheap); GET when HEAD is inconclusive. GET straight away when the body is needed
 * anyway (fragments, soft-404 check): a HEAD before it would only double the requests.
 */
async function probe(
  url: URL,
  fragments: string[],
  rules: UrlRules,
  context: PageContext,
  counter: { requests: number },
  link: AbortSignal,
): Promise<Observation> {
  if (fragments.length === 0 && !context.config.checkSoftNotFound) {
    const head = await requestChain(url, 'HEAD', [], context, counter, link);
    if (headIsConclusive(head, rules)) return head;
  }
  return requestChain(url, 'GET', fragments, context, counter, link);
}

/**
 * One request and its redirects, under one deadline covering every hop and the body read. Each hop
 * is judged by the same rules as the first URL before it is requested.
 */
async function requestChain(
  start: URL,
  method: Method,
  fragments: string[],
  context: PageContext,
  counter: { requests: number },
  link: AbortSignal,
): Promise<Observation> {
  const { config } = context;
  // Our own timer rather than AbortSignal.timeout, cleared as soon as the chain ends instead of
  // lingering for the full timeout after each of thousands of links; and a plain listener on the
  // link's signal (deadline, time budget, Ctrl-C) rather than AbortSignal.any.
  // The link's time is up (e.g. HEAD used it all, or the run stopped): do not start a request that cannot finish.
  if (link.aborted) return { kind: 'error', method, redirects: [], timeout: true, errorCode: 'TIMEOUT', message: 'link deadline reached' };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), config.timeouts.totalMs);
  const cancel = () => deadline.abort();
  link.addEventListener('abort', cancel, { once: true });
  const signal = deadline.signal;
  const redirects: RedirectHop[] = [];
  const visited = new Set([start.href]);
  let url = start;
  try {
    for (;;) {
      if (context.rulesFor(url).included) context.mayReachLocal.add(url.hostname);
      counter.requests++;
      const response = await (await context.getClient()).request(url, method, signal);
      const location = response.headers.location;
      if (isRedirectStatus(response.status) && location) {
        // The status and Location are the answer; a redirect's body is never needed.
        await readBodyUpTo(response.body, config.maxBodyBytes).catch(() => 0);
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
        const refusal = next.username || next.password ? credentialsReason : context.rulesFor(next).excluded;
        if (refusal) return { kind: 'refused-hop', method, redirects, target: shownUrl(next), reason: refusal };
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
      let page: PageScan = {};
      if (method === 'GET' && (fragments.length > 0 || config.checkSoftNotFound) && isSuccess(response.status)) {
        page = await scanPage(response.body, response.headers['content-type'], fragments, config, () => deadline.signal.aborted);
      } else {
        // Only the status matters here; a body that stalls or breaks changes nothing.
        await readBodyUpTo(response.body, config.maxBodyBytes).catch(() => 0);
      }
      return {
        kind: 'response',
        method,
        status: response.status,
        headers: response.headers,
        finalUrl: url.href,
        redirects,
        ...(page.fragments && { fragments: page.fragments }),
        ...(page.notFoundSign !== undefined && { notFoundSign: page.notFoundSign }),
        ...(page.bodyProblem !== undefined && { bodyProblem: page.bodyProblem }),
      };
    }
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ELOCALADDRESS') {
      // Refused by our resolver before connecting: nothing was sent.
      counter.requests--;
      const reason = `${messageOf(error, 'ELOCALADDRESS')}: only reachable on the reader’s own machine or network`;
      return redirects.length > 0
        ? { kind: 'refused-hop', method, redirects, target: shownUrl(url), reason }
        : { kind: 'refused-start', method, redirects, reason };
    }
    const timedOut = deadline.signal.aborted;
    const timeout = timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
    return {
      kind: 'error',
      method,
      redirects,
      timeout,
      errorCode: timedOut ? 'TIMEOUT' : code,
      message: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
    link.removeEventListener('abort', cancel);
  }
}

interface PageScan {
  fragments?: FragmentScan;
  notFoundSign?: string;
  /** What went wrong reading the body after the headers, when something did. */
  bodyProblem?: string;
}

/**
 * Reads an HTML body once for everything wanted from it: the fragments' ids (up to
 * maxFragmentBytes) and the title and first h1 (up to maxSoftNotFoundBytes), and stops as soon as
 * both searches are done. A body that is not HTML is dropped after maxBodyBytes. A body that
 * stalls or breaks off ends the reading, not the check: what was read so far is used.
 */
async function scanPage(
  body: Parameters<typeof readBodyUpTo>[0],
  contentType: string | undefined,
  fragments: string[],
  config: LinkCheckConfig,
  timedOut: () => boolean,
): Promise<PageScan> {
  const html = contentType === undefined || /html/i.test(contentType);
  if (!html) {
    await readBodyUpTo(body, config.maxBodyBytes).catch(() => 0);
    return fragments.length > 0 ? { fragments: { html: false, found: new Set(), truncated: false } } : {};
  }
  const finder = fragments.length > 0 ? new FragmentFinder(fragments) : undefined;
  const sniffer = config.checkSoftNotFound ? new HeadingSniffer() : undefined;
  const sniffLimit = config.maxSoftNotFoundBytes;
  const limit = Math.max(finder ? config.maxFragmentBytes : 0, sniffer ? sniffLimit : 0);
  let seen = 0;
  let read = 0;
  let bodyProblem: string | undefined;
  try {
    read = await readBodyUpTo(body, limit, (chunk) => {
      if (sniffer && !sniffer.complete && seen < sniffLimit)
        sniffer.write(seen + chunk.byteLength > sniffLimit ? chunk.subarray(0, sniffLimit - seen) : chunk);
      seen += chunk.byteLength;
      const fragmentsDone = !finder || finder.complete || finder.write(chunk) === 'stop';
      // A page holding the anchors the links point at is the page they meant: no need to read on for its h1.
      const sniffDone = !sniffer || sniffer.complete || seen >= sniffLimit || (finder !== undefined && fragmentsDone);
      return fragmentsDone && sniffDone ? 'stop' : undefined;
    });
  } catch (error) {
    body.destroy();
    const code = errorCode(error);
    const after = `after the headers and ${formatBytes(seen)}`;
    bodyProblem =
      timedOut() || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR'
        ? `the body stalled ${after}`
        : `the connection broke off ${after} (${code})`;
  }
  const scan: PageScan = bodyProblem ? { bodyProblem } : {};
  if (finder) {
    const truncated = !bodyProblem && !finder.complete && read >= config.maxFragmentBytes;
    if (!finder.complete && !truncated) finder.end();
    scan.fragments = { html: true, found: finder.found, truncated, ...(bodyProblem && { cut: bodyProblem }) };
  }
  const sign = sniffer && !finder?.complete ? notFoundSign(sniffer) : undefined;
  if (sign) scan.notFoundSign = sign;
  return scan;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`;
}

/** The first line of the message of the error, or of its cause, that carries `code`. */
function messageOf(error: unknown, code: string): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if ((current as { code?: unknown }).code === code && current instanceof Error) return current.message.split('\n')[0] ?? code;
    current = (current as { cause?: unknown }).cause;
  }
  return code;
}

/** undici puts the interesting code on the error or on its cause (getaddrinfo, TLS). */
function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED') {
      // A socket error hides the OS reason (ECONNRESET) in its cause; prefer it when present.
      const causeCode = (current as { cause?: { code?: unknown } }).cause?.code;
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
    ...(outcome.stoppedBy !== undefined && { stoppedBy: outcome.stoppedBy }),
    places,
  });
  return resultGroups(target, fragmentOptions.checkFragments).map(({ url, fragment, places }) => {
    const result = base(url, places);
    if (fragment === undefined) return result;
    const scan = outcome.fragments;
    if ((outcome.verdict !== 'ok' && outcome.verdict !== 'redirected') || fragmentNeedsNoTarget(fragment) || !scan) return result;
    if (!scan.html) return { ...result, detail: joinDetail(result.detail, `#${fragment} not checked: the page is not HTML`) };
    if (scan.found.has(fragment)) return result;
    if (scan.cut)
      return { ...result, verdict: 'unverified', detail: joinDetail(result.detail, `#${fragment} not checked: ${scan.cut} before it was found`) };
    if (scan.truncated) {
      const limit = `${Math.round(fragmentOptions.maxFragmentBytes / 1024)} KB`;
      return {
        ...result,
        verdict: 'unverified',
        detail: joinDetail(result.detail, `#${fragment} not found in the first ${limit}; the page is too large to search fully`),
      };
    }
    return { ...result, verdict: 'broken', detail: joinDetail(result.detail, `the page has no element with id or name "${fragment}"`) };
  });
}

function joinDetail(first: string | undefined, second: string): string {
  return first ? `${first}; ${second}` : second;
}
