import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { verdicts, type Verdict } from '../../src/core/link-cache/format.ts';

/**
 * The part of the link checker's JSON report (`npm run links -- --format json`, schema version 1,
 * scripts/link-check/README.md) the summary reads: each link's verdict and the resources it is for.
 */
const linkReportSchema = z.object({
  schemaVersion: z.literal(1),
  offline: z.boolean(),
  changedSince: z.string().optional(),
  links: z.array(
    z.object({
      url: z.string(),
      verdict: z.enum(verdicts),
      status: z.number().optional(),
      finalUrl: z.string().optional(),
      detail: z.string().optional(),
      places: z.array(z.object({ file: z.string(), line: z.number(), resourceId: z.string().optional() })),
    }),
  ),
});

export type LinkReport = z.output<typeof linkReportSchema>;
type ReportedLink = LinkReport['links'][number];

export class LinkReportError extends Error {}

/** Reads and checks a report file; a wrong file is named with the field that is wrong. */
export function readLinkReport(file: string): LinkReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LinkReportError(`--link-report: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  // `npm run` prints its own "> package script" lines on stdout unless told to be silent.
  if (/^\s*> /.test(text)) {
    throw new LinkReportError(
      `--link-report: ${file} starts with npm's own output, not JSON: write it with npm run links --silent -- --format json > ${file}.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LinkReportError(
      `--link-report: ${file} is not JSON (${(error as Error).message}); write it with npm run links --silent -- --format json > ${file}.`,
    );
  }
  const parsed = linkReportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join('.') : 'the top level';
    throw new LinkReportError(
      `--link-report: ${file} is not a link-check JSON report (schema version 1): ${field}: ${issue.message}. Write it with npm run links --silent -- --format json.`,
    );
  }
  return parsed.data;
}

export interface ResourceVerdict {
  /** undefined when the report says nothing about the resource. */
  verdict?: Verdict;
  /** One short phrase for the summary table. */
  text: string;
}

const DESCRIPTIONS: Record<Verdict, string> = {
  ok: 'ok',
  redirected: 'moved permanently',
  broken: 'broken',
  timeout: 'timed out',
  'network-error': 'unreachable',
  'rate-limited': 'rate-limited, not verified',
  unverified: 'not verifiable automatically',
  suspect: 'may be a missing page',
  invalid: 'not a valid URL',
  excluded: 'excluded from checking',
};

const MARKS: Partial<Record<Verdict, string>> = {
  ok: '✅',
  broken: '❌',
  timeout: '❌',
  'network-error': '❌',
  invalid: '❌',
  redirected: '⚠️',
  suspect: '⚠️',
};

function describe(link: ReportedLink): string {
  const parts = [MARKS[link.verdict], DESCRIPTIONS[link.verdict]].filter(Boolean).join(' ');
  const status = link.status === undefined ? '' : ` (${link.status})`;
  const target = link.verdict === 'redirected' && link.finalUrl ? `: now ${link.finalUrl}` : '';
  return `${parts}${status}${target}`;
}

/**
 * What the changed-lines check said about a resource: found by its links.yaml id among the places of
 * each link, or by its URL. Without a report, or when the checker was offline, it says so.
 */
export function resourceVerdict(report: LinkReport | undefined, resource: { id: string; url: string }): ResourceVerdict {
  if (!report) return { text: 'not checked (no --link-report given)' };
  if (report.offline) return { text: 'not checked: the link checker could not reach the network' };
  const link =
    report.links.find((candidate) => candidate.places.some((place) => place.resourceId === resource.id)) ??
    report.links.find((candidate) => candidate.url === resource.url);
  if (!link)
    return { text: report.changedSince ? `not in the link report (its line did not change since ${report.changedSince})` : 'not in the link report' };
  return { verdict: link.verdict, text: describe(link) };
}
