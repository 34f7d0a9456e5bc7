import { STATUS_CODES } from 'node:http';
import type { LinkCheckConfig, UrlRules } from './config.ts';
import type { RedirectHop, Verdict } from './types.ts';
import { formatDuration } from './duration.ts';
import { connectionErrorCodes, describeNetworkError, isPermanentNetworkError } from './network-errors.ts';

/** What one request chain (one method, all its redirect hops) observed. */
export type Observation =
  | {
      kind: 'response';
      method: 'HEAD' | 'GET';
      status: number;
      headers: Record<string, string>;
      finalUrl: string;
      redirects: RedirectHop[];
      /** Present when the body was searched for fragments. */
      fragments?: FragmentScan;
      /** Why a 2xx page reads like a "not found" page, when its head was read and it does. */
      notFoundSign?: string;
      /**
       * The body the page check wanted stalled or was cut after the headers arrived. The status
       * still decides the verdict; only what the body would have told (soft 404, fragments) is unknown.
       */
      bodyProblem?: string;
    }
  | { kind: 'error'; method: 'HEAD' | 'GET'; errorCode: string; timeout: boolean; message: string; redirects: RedirectHop[] }
  /** A redirect chain that cannot end well: loop, too long, or pointing at garbage. */
  | { kind: 'redirect-problem'; method: 'HEAD' | 'GET'; reason: string; redirects: RedirectHop[] }
  /**
   * A redirect to an address the checker may not request (excluded, local or private, with
   * credentials): the chain ends there, unrequested, and nothing is known about where it leads.
   */
  | { kind: 'refused-hop'; method: 'HEAD' | 'GET'; target: string; reason: string; redirects: RedirectHop[] }
  /** The link's own host name resolved to a local address it may not reach: like an excluded URL, never requested. */
  | { kind: 'refused-start'; method: 'HEAD' | 'GET'; reason: string; redirects: RedirectHop[] };

export interface FragmentScan {
  /** False when the page is not HTML: ids cannot be looked for. */
  html: boolean;
  found: ReadonlySet<string>;
  /** The byte cap was reached before every fragment was found. */
  truncated: boolean;
  /** The body stalled or was cut before every fragment was found (what happened, for the report). */
  cut?: string;
}

export type Decision = { action: 'done'; verdict: Verdict; detail?: string } | { action: 'retry'; delayMs: number; because: string };

export interface AttemptContext {
  rules: UrlRules;
  /** 1 for the first attempt. */
  attempt: number;
  config: Pick<LinkCheckConfig, 'retries' | 'retryBaseDelayMs' | 'retryAfterCapMs' | 'timeouts'> &
    Partial<Pick<LinkCheckConfig, 'checkSoftNotFound'>>;
  now: number;
  random: () => number;
}

const retryableStatuses = new Set([408, 429, 500, 502, 503, 504]);
const permanentRedirectStatuses = new Set([301, 308]);

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

export function hasPermanentRedirect(redirects: readonly RedirectHop[]): boolean {
  return redirects.some((hop) => permanentRedirectStatuses.has(hop.status));
}

/** Whether a HEAD answer is trustworthy enough to skip the GET. Many servers get HEAD wrong. */
export function headIsConclusive(observation: Observation, rules: UrlRules): boolean {
  // A GET cannot resolve a name or open a connection that a HEAD could not: retry instead.
  if (observation.kind === 'error') return connectionErrorCodes.has(observation.errorCode);
  // A GET would be sent to the same refused address.
  if (observation.kind === 'refused-hop' || observation.kind === 'refused-start') return true;
  if (observation.kind !== 'response') return false;
  // Do not double the load on a server that is already asking us to slow down.
  return isSuccess(observation.status) || rules.accept.has(observation.status) || observation.status === 429;
}

/** Decides what one attempt means: a final verdict, or wait and try again. Pure. */
export function decideAttempt(observation: Observation, context: AttemptContext): Decision {
  const canRetry = context.attempt <= context.config.retries;
  const backoff = () => backoffDelay(context.attempt, context.config.retryBaseDelayMs, context.random);

  if (observation.kind === 'redirect-problem') return { action: 'done', verdict: 'broken', detail: observation.reason };
  if (observation.kind === 'refused-start') return { action: 'done', verdict: 'excluded', detail: observation.reason };
  if (observation.kind === 'refused-hop') {
    // No advice to update the link: the target was never seen, and may be a place the link must not go.
    return {
      action: 'done',
      verdict: 'unverified',
      detail: `redirects to ${observation.target}, which was not requested (${observation.reason}); where the link leads is unknown: open it in a browser`,
    };
  }

  if (observation.kind === 'error') {
    if (canRetry && !isPermanentNetworkError(observation.errorCode)) return { action: 'retry', delayMs: backoff(), because: observation.errorCode };
    return {
      action: 'done',
      verdict: observation.timeout ? 'timeout' : 'network-error',
      detail: describeNetworkError(observation.errorCode, observation.message, context.config.timeouts),
    };
  }

  const { status, headers } = observation;
  if (isSuccess(status) || context.rules.accept.has(status)) {
    const suspicion = context.config.checkSoftNotFound === false ? undefined : softNotFound(observation);
    if (suspicion) return { action: 'done', verdict: 'suspect', detail: suspicion };
    // Headers decide: a body that stalls or is cut after a 2xx only means the page could not be read.
    const unread =
      observation.bodyProblem && context.config.checkSoftNotFound !== false
        ? `${observation.bodyProblem}, so the soft-404 check could not run`
        : undefined;
    if (hasPermanentRedirect(observation.redirects)) {
      const moved = `moved permanently to ${observation.finalUrl}: update the link`;
      return { action: 'done', verdict: 'redirected', detail: unread ? `${moved}; ${unread}` : moved };
    }
    return unread ? { action: 'done', verdict: 'ok', detail: `answered ${describeStatus(status)}; ${unread}` } : { action: 'done', verdict: 'ok' };
  }
  if (context.rules.unverified.has(status)) {
    return {
      action: 'done',
      verdict: 'unverified',
      detail: `answered ${describeStatus(status)}, which this site sends to every automated request; check it in a browser`,
    };
  }
  if (headers['cf-mitigated']?.toLowerCase() === 'challenge') {
    return { action: 'done', verdict: 'unverified', detail: `answered ${describeStatus(status)} with a bot challenge page; check it in a browser` };
  }

  const retryAfter = status === 429 || status === 503 ? parseRetryAfter(headers['retry-after'], headers.date, context.now) : undefined;
  if (retryAfter !== undefined && retryAfter > context.config.retryAfterCapMs) {
    return {
      action: 'done',
      verdict: 'rate-limited',
      detail: `answered ${describeStatus(status)} asking to wait ${formatDuration(retryAfter)}, longer than the ${formatDuration(context.config.retryAfterCapMs)} we wait; not a dead link`,
    };
  }
  if (retryableStatuses.has(status)) {
    if (canRetry) return { action: 'retry', delayMs: retryAfter ?? backoff(), because: `HTTP ${status}` };
    if (status === 429)
      return {
        action: 'done',
        verdict: 'rate-limited',
        detail: `still answered ${describeStatus(status)} after ${context.attempt} attempts; not a dead link`,
      };
    return { action: 'done', verdict: 'broken', detail: `answered ${describeStatus(status)} on all ${context.attempt} attempts` };
  }
  if (isRedirectStatus(status))
    return { action: 'done', verdict: 'broken', detail: `answered ${describeStatus(status)} without a Location to follow` };
  return { action: 'done', verdict: 'broken', detail: `answered ${describeStatus(status)}` };
}

/**
 * A page that answers but is probably gone: its title or heading says "not found", or a deep link
 * was redirected to the home page (what many sites do with removed pages instead of a 404).
 */
function softNotFound(observation: Extract<Observation, { kind: 'response' }>): string | undefined {
  if (observation.notFoundSign) return `answered ${describeStatus(observation.status)} but ${observation.notFoundSign}: probably a missing page`;
  const first = observation.redirects[0];
  if (!first) return undefined;
  const start = new URL(first.url);
  const end = new URL(observation.finalUrl);
  if (start.pathname !== '/' && end.pathname === '/') {
    return `redirects to the site's home page (${end.href}): the page was probably removed; find where it went or drop the link`;
  }
  return undefined;
}

/**
 * Retry-After is either delta-seconds or an HTTP-date. A date is measured against the response's own
 * Date header when present, so a skewed local clock does not turn "wait 1 s" into "wait an hour".
 */
export function parseRetryAfter(value: string | undefined, responseDate: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  const reference = responseDate === undefined ? Number.NaN : Date.parse(responseDate);
  return Math.max(0, at - (Number.isNaN(reference) ? now : reference));
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries from many links spread out. */
export function backoffDelay(attempt: number, baseMs: number, random: () => number): number {
  const exponential = baseMs * 2 ** (attempt - 1);
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

function describeStatus(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : `HTTP ${status}`;
}
