import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeZodIssues } from '../problems.ts';
import { lessonReportSchema, lessonReportVersion, type LessonReport, type PageReport, type StepReport } from './report.ts';
import { isInside } from '../paths.ts';

/**
 * What the site shows about a lesson from the last lessons report: the few facts a learner needs
 * (when, which engine, real or stand-in images, which step failed), condensed once at build
 * start, so the pages never see the report's outputs and diffs.
 */
export interface LessonRun {
  /** ISO time the run started. */
  checkedAt: string;
  /** The engine the steps ran on, as the runner named it; version null when it could not be read. */
  engine: { name: string; version: string | null };
  /** The tools the runner reported beside the engine, in its order. */
  tools: { name: string; version: string }[];
  /** Whether any image was a local stand-in rather than the published one. */
  standIns: boolean;
}

export type LessonFailure =
  /** A step failed: its number among the page's steps, what it was, and how it failed. */
  | { kind: 'step'; number: number; step: string; how: 'exit' | 'output' | 'unfinished' | 'other'; exitCode?: number }
  /** Every step passed, but the engine kept objects the page did not say it leaves. */
  | { kind: 'left-behind'; objects: string[] }
  /** The page could not run at all (engine error, bad annotation). */
  | { kind: 'not-run' };

export interface LessonCheck {
  outcome: 'passed' | 'failed';
  steps: { total: number; passed: number };
  failure?: LessonFailure;
  /** The page's steps when they ran (src/core/lessons/fingerprint.ts), when the report has it. */
  fingerprint?: string;
}

export interface LessonChecks {
  run: LessonRun;
  /** Path inside the docs folder ('hands-on/limits.md') → the page's last result. */
  pages: Record<string, LessonCheck>;
  /** Pages of the report outside the docs folder, as the report names them: another course's. */
  elsewhere: string[];
}

/** A report file the build cannot use: the message names the file and the field, and how to fix it. */
export class LessonReportError extends Error {
  override name = 'LessonReportError';
}

/** Longest command the pages quote; a step's text is the runner's copy of the page, so it is short anyway. */
const MAX_STEP_CHARS = 80;

function stepLabel(step: StepReport): string {
  const first = step.text.split('\n')[0]!.trim();
  const more = first !== step.text.trim();
  const short = first.length > MAX_STEP_CHARS ? `${first.slice(0, MAX_STEP_CHARS - 1).trimEnd()}…` : more ? `${first} …` : first;
  return step.kind === 'file' ? `writing ${short}` : short;
}

/** How a failed step failed, from the report's fields, never from the runner's wording. */
function howItFailed(step: StepReport): Pick<Extract<LessonFailure, { kind: 'step' }>, 'how' | 'exitCode'> {
  if (step.diff && step.diff.length > 0) return { how: 'output' };
  if (step.exitCode === null) return { how: 'unfinished' };
  if (typeof step.exitCode === 'number') return { how: 'exit', exitCode: step.exitCode };
  return { how: 'other' };
}

/** One page's result, condensed. Pure. */
export function lessonCheckOf(page: PageReport): LessonCheck {
  const steps = { total: page.steps.length, passed: page.steps.filter((step) => step.verdict === 'passed').length };
  const check = lessonOutcomeOf(page, steps);
  return page.stepsFingerprint === undefined ? check : { ...check, fingerprint: page.stepsFingerprint };
}

function lessonOutcomeOf(page: PageReport, steps: LessonCheck['steps']): LessonCheck {
  if (page.verdict === 'passed') return { outcome: 'passed', steps };
  const index = page.steps.findIndex((step) => step.verdict === 'failed');
  if (index >= 0) {
    const step = page.steps[index]!;
    return { outcome: 'failed', steps, failure: { kind: 'step', number: index + 1, step: stepLabel(step), ...howItFailed(step) } };
  }
  if (page.verdict === 'failed' && page.leftBehind.length > 0)
    return { outcome: 'failed', steps, failure: { kind: 'left-behind', objects: page.leftBehind } };
  return { outcome: 'failed', steps, failure: { kind: 'not-run' } };
}

/**
 * The report's pages by their path inside docsDir. The runner names pages relative to the folder
 * it ran in (the project folder: content/docs/hands-on/limits.md); pages of another content
 * folder are not this site's and are left out. Pure.
 */
export function lessonChecksFromReport(report: LessonReport, options: { rootDir: string; docsDir: string }): LessonChecks {
  const pages: Record<string, LessonCheck> = {};
  const elsewhere: string[] = [];
  for (const page of report.pages) {
    const file = path.resolve(options.rootDir, page.file);
    if (!isInside(options.docsDir, file, { folderItself: 'outside' })) {
      elsewhere.push(page.file);
      continue;
    }
    pages[path.relative(options.docsDir, file).split(path.sep).join('/')] = lessonCheckOf(page);
  }
  const { name, version, tools, standIns } = report.engine;
  return { run: { checkedAt: report.startedAt, engine: { name, version }, tools, standIns: standIns.length > 0 }, pages, elsewhere };
}

const MAX_LISTED_ISSUES = 5;

export interface ReadLessonReportOptions {
  /** The file as messages name it (relative to the project folder). */
  shown: string;
  /** Where the warning about a report of another version goes (default: console.warn). */
  warn?: (message: string) => void;
}

/**
 * Reads the lessons report for the build. No file: undefined, and no page shows a status. A report
 * of another version (written by an older or newer runner): a warning, and no status, rather than
 * a misread. Anything else that is not a valid report stops the build with a LessonReportError
 * naming the file and the field: a page must never show a result the report does not hold.
 */
export function readLessonReport(
  file: string,
  { shown, warn = (message) => console.warn(message) }: ReadLessonReportOptions,
): LessonReport | undefined {
  const rewrite = `Write it again with \`npm run lessons -- --report ${shown}\`, or delete it to build without lesson status.`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LessonReportError(
      `The lessons report ${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). ${rewrite}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LessonReportError(`The lessons report ${shown} is not valid JSON: ${(error as Error).message}. ${rewrite}`);
  }
  const version = typeof data === 'object' && data !== null ? (data as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version !== lessonReportVersion) {
    warn(
      `The lessons report ${shown} is of version ${version}; this site reads version ${lessonReportVersion}, so no lesson shows when it was last checked. ${rewrite}`,
    );
    return undefined;
  }
  const result = lessonReportSchema.safeParse(data);
  if (result.success) return result.data;
  const issues = describeZodIssues(result.error, data);
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `  - ${issue.message}`);
  if (issues.length > MAX_LISTED_ISSUES) listed.push(`  - and ${issues.length - MAX_LISTED_ISSUES} more`);
  throw new LessonReportError(
    `The lessons report ${shown} is not a report \`npm run lessons\` writes (schema: src/core/lessons/report.ts):\n${listed.join('\n')}\n${rewrite}`,
  );
}

/** Pages a warning lists by name before it only counts the rest. */
const MAX_NAMED_PAGES = 3;

/**
 * The report the settings name, condensed for the pages; undefined when there is none. Pages of
 * the report that are not this site's are named in a warning: a report written for another
 * content folder would otherwise leave every lesson "not yet checked" without a word.
 */
export function loadLessonChecks(options: {
  reportFile: string;
  rootDir: string;
  docsDir: string;
  warn?: (message: string) => void;
}): LessonChecks | undefined {
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const shown = path.relative(options.rootDir, options.reportFile).split(path.sep).join('/') || options.reportFile;
  const report = readLessonReport(options.reportFile, { shown, warn });
  if (!report) return undefined;
  const checks = lessonChecksFromReport(report, options);
  if (checks.elsewhere.length > 0) {
    const named = checks.elsewhere.slice(0, MAX_NAMED_PAGES).join(', ');
    const more = checks.elsewhere.length > MAX_NAMED_PAGES ? ` and ${checks.elsewhere.length - MAX_NAMED_PAGES} more` : '';
    const docs = path.relative(options.rootDir, options.docsDir).split(path.sep).join('/') || '.';
    warn(
      `The lessons report ${shown} has results for pages outside ${docs}, which this site does not show: ${named}${more}. Run the lessons of this content folder to show theirs.`,
    );
  }
  return checks;
}
