import { parseArgs } from 'node:util';
import type { ReportFormat } from './reporters.ts';

export const usage = `Usage: npm run lessons -- [options] [page.md ...]

Runs the command blocks of lesson pages and checks their output, exit status and clean-up.
Without pages, runs every page whose frontmatter has a lesson: block.

Options:
  --engine sandbox|host   where steps run (default sandbox: an isolated, throwaway engine;
                          host: the machine's own Docker engine, for CI runners)
  --format text|json|github
                          report format (default text; github adds ::error annotations and
                          writes the job summary to $GITHUB_STEP_SUMMARY)
  --report FILE           also write the JSON report to FILE (what the site reads)
  --timeout SECONDS       a command's timeout when its block and page give none (default 60)
  --provides LIST         host engine only: requirements this machine meets beyond those
                          detected, comma-separated (names from lessonRequirements in the
                          site settings)
  -h, --help              this text

Exit status: 0 every step passed, 1 a step failed, 2 usage or setup error (no engine, bad annotation).`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** --provides names only requirements the course declares (its lessonRequirements setting): a typo would skip steps silently. */
export function checkProvides(provides: string[], requirements: readonly string[]): void {
  const unknown = provides.filter((name) => !requirements.includes(name));
  if (unknown.length === 0) return;
  const known = requirements.length > 0 ? `use ${requirements.join(', ')}` : 'the site settings declare none (lessonRequirements)';
  throw new UsageError(`--provides: ${unknown.join(', ')} is not a requirement of this course; ${known}.`);
}

export interface CliOptions {
  files: string[];
  engine: 'sandbox' | 'host';
  format: ReportFormat;
  reportFile?: string;
  timeoutSeconds: number;
  provides: string[];
  help: boolean;
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        engine: { type: 'string', default: 'sandbox' },
        format: { type: 'string', default: 'text' },
        report: { type: 'string' },
        timeout: { type: 'string', default: '60' },
        provides: { type: 'string', default: '' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.engine !== 'sandbox' && values.engine !== 'host') throw new UsageError(`--engine must be sandbox or host, not "${values.engine}".`);
  if (!['text', 'json', 'github'].includes(values.format)) throw new UsageError(`--format must be text, json or github, not "${values.format}".`);
  const timeout = Number(values.timeout);
  if (!/^\d+$/.test(values.timeout) || timeout < 1 || timeout > 3600)
    throw new UsageError(`--timeout must be whole seconds from 1 to 3600, not "${values.timeout}".`);
  const provides = values.provides
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (provides.length > 0 && values.engine !== 'host')
    throw new UsageError('--provides is for --engine host; the sandbox says itself what it provides.');
  return {
    files: positionals,
    engine: values.engine,
    format: values.format as ReportFormat,
    reportFile: values.report,
    timeoutSeconds: timeout,
    provides,
    help: values.help,
  };
}
