import type { ContentProblem } from '../../src/core/problems.ts';
import type { LinkCheckConfig } from './config.ts';
import { verdicts, type LinkResult, type Verdict } from './types.ts';
import { connectionErrorCodes } from './network-errors.ts';

export const exitCodes = { ok: 0, failed: 1, usage: 2, offline: 3, interrupted: 130 } as const;

/** How loudly a result is reported; decided here from --fail-on so reporters only render. */
export type Severity = 'error' | 'warning' | 'none';

export interface ReportedLink extends LinkResult {
  severity: Severity;
}

export interface RunReport {
  /** Version of this shape, as documented in scripts/link-check/README.md. */
  schemaVersion: 1;
  startedAt: string;
  elapsedMs: number;
  /** Every request failed with a DNS/connection error: verdicts say nothing about the links. */
  offline: boolean;
  /** The run was interrupted (Ctrl-C): links not checked by then are `unverified`. */
  interrupted?: true;
  /** Set when the run was limited to lines added since a git ref. */
  changedSince?: string;
  filesScanned: number;
  counts: Record<Verdict, number>;
  /** Results answered from the cache / requests sent this run. */
  fromCache: number;
  requests: number;
  failOn: Verdict[];
  links: ReportedLink[];
  problems: ContentProblem[];
  exitCode: 0 | 1 | 3 | 130;
}

/** Verdicts worth a maintainer's look even when they do not fail the run. */
const warningVerdicts = new Set<Verdict>(['redirected', 'rate-limited', 'unverified', 'suspect']);

export interface SummaryInput {
  results: readonly LinkResult[];
  problems: readonly ContentProblem[];
  startedAt: Date;
  elapsedMs: number;
  filesScanned: number;
  changedSince?: string;
  interrupted?: boolean;
  config: Pick<LinkCheckConfig, 'failOn'>;
}

export function summarize(input: SummaryInput): RunReport {
  const failOn = new Set(input.config.failOn);
  const counts = Object.fromEntries(verdicts.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  const links: ReportedLink[] = [];
  for (const result of [...input.results].sort(compareResults)) {
    counts[result.verdict]++;
    const severity: Severity = failOn.has(result.verdict) ? 'error' : warningVerdicts.has(result.verdict) ? 'warning' : 'none';
    links.push({ ...result, severity });
  }
  const offline = looksOffline(input.results);
  const failed = links.some((link) => link.severity === 'error') || input.problems.length > 0;
  return {
    schemaVersion: 1,
    startedAt: input.startedAt.toISOString(),
    elapsedMs: Math.round(input.elapsedMs),
    offline,
    ...(input.interrupted && { interrupted: true as const }),
    ...(input.changedSince !== undefined && { changedSince: input.changedSince }),
    filesScanned: input.filesScanned,
    counts,
    fromCache: input.results.filter((result) => result.fromCache).length,
    requests: input.results.filter((result) => !result.fromCache).reduce((sum, result) => sum + result.requests, 0),
    failOn: [...failOn],
    links,
    problems: [...input.problems],
    exitCode: input.interrupted ? exitCodes.interrupted : offline ? exitCodes.offline : failed ? exitCodes.failed : exitCodes.ok,
  };
}

/**
 * The machine is offline when every link requested this run failed with a DNS or connection error,
 * across at least two hosts: one unreachable host is a dead site, every host unreachable is us.
 */
export function looksOffline(results: readonly LinkResult[]): boolean {
  const requested = results.filter((result) => !result.fromCache && result.requests > 0);
  if (requested.length === 0) return false;
  if (!requested.every((result) => result.errorCode !== undefined && connectionErrorCodes.has(result.errorCode))) return false;
  return new Set(requested.map((result) => new URL(result.url).host)).size >= 2;
}

/** Stable order: by first place (file, line), then URL, so reports diff cleanly between runs. */
function compareResults(a: LinkResult, b: LinkResult): number {
  const pa = a.places[0];
  const pb = b.places[0];
  return compareText(pa?.file ?? '', pb?.file ?? '') || (pa?.line ?? 0) - (pb?.line ?? 0) || compareText(a.url, b.url);
}

/** Code-point order: the same everywhere (no locale), and cheap for thousands of links. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
