import { z } from 'zod';

/**
 * The lessons report (`npm run lessons -- --report FILE`, JSON). The runner writes it and the site
 * reads the last one to show when a lesson's steps last passed, as it reads the link cache: both
 * validate it with this one schema. Bump `lessonReportVersion` on any incompatible change, so an
 * older file is ignored rather than misread.
 */
export const lessonReportVersion = 2;

/** Most tools a report names: a page's line stays one sentence. */
const MAX_TOOLS = 8;

export const stepVerdicts = ['passed', 'failed', 'skipped', 'not-run'] as const;
export type StepVerdict = (typeof stepVerdicts)[number];

export const pageVerdicts = ['passed', 'failed', 'error'] as const;
export type PageVerdict = (typeof pageVerdicts)[number];

export const stepReportSchema = z.object({
  /** File line of the command (or of the file block's fence). */
  line: z.number().int().positive(),
  kind: z.enum(['command', 'file']),
  /** The command as written, or the path of the file written. */
  text: z.string(),
  terminal: z.string(),
  verdict: z.enum(stepVerdicts),
  /** Why it failed or was skipped, in one sentence. */
  reason: z.string().optional(),
  exitCode: z.number().int().nullable().optional(),
  durationMs: z.number().nonnegative(),
  /** The end of what it printed, for failed steps only (at most a few kilobytes). */
  output: z.string().optional(),
  /** For an output mismatch: the diff, with the expected block's file lines. */
  diff: z.array(z.string()).optional(),
});

export const pageReportSchema = z.object({
  /** Path from the project root, as given to the runner: content/docs/hands-on/limits.md. */
  file: z.string(),
  title: z.string().optional(),
  verdict: z.enum(pageVerdicts),
  durationMs: z.number().nonnegative(),
  steps: z.array(stepReportSchema),
  /** Objects the page created and did not remove, nor declare in `lesson.leaves`. */
  leftBehind: z.array(z.string()),
  /** Problems that stopped the page before or outside its steps (bad annotation, engine error). */
  problems: z.array(z.object({ line: z.number().int().optional(), message: z.string() })),
  /**
   * The page's steps and settings as they were run (src/core/lessons/fingerprint.ts): the site
   * shows this result only while the page's steps are still the same. Absent in older reports.
   */
  stepsFingerprint: z.string().optional(),
});

export const lessonReportSchema = z.object({
  version: z.literal(lessonReportVersion),
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  /**
   * What the steps ran on, in the runner's words: the site composes its "with … and …" line from
   * these names, so the generator itself names no engine (version 2; version 1 had fixed fields).
   */
  engine: z.object({
    kind: z.enum(['sandbox', 'host']),
    /** The engine as a learner knows it, e.g. "Docker Engine". */
    name: z.string().min(1),
    /** Its version as the engine reports it; null when it could not be read. */
    version: z.string().min(1).nullable(),
    /** Tools the pages name after the engine, with their versions (e.g. "Docker Compose"); a missing tool is left out. */
    tools: z.array(z.object({ name: z.string().min(1), version: z.string().min(1) })).max(MAX_TOOLS),
    /** Further facts for the runner's own summary, never shown on pages ("cgroup": "v2"). */
    details: z.record(z.string(), z.string()),
    standIns: z.array(z.string()),
    provides: z.array(z.string()),
  }),
  pages: z.array(pageReportSchema),
  totals: z.object({
    pages: z.number().int().nonnegative(),
    failedPages: z.number().int().nonnegative(),
    steps: z.number().int().nonnegative(),
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    notRun: z.number().int().nonnegative(),
  }),
});

export type StepReport = z.output<typeof stepReportSchema>;
export type PageReport = z.output<typeof pageReportSchema>;
export type LessonReport = z.output<typeof lessonReportSchema>;

/** Reads a report file's JSON; undefined (with the reason) when it is not a report this version writes. */
export function parseLessonReport(json: unknown): { report: LessonReport } | { problem: string } {
  const result = lessonReportSchema.safeParse(json);
  if (result.success) return { report: result.data };
  const first = result.error.issues[0];
  return {
    problem: `not a lessons report of version ${lessonReportVersion}: ${first?.path.join('.') || '(top level)'}: ${first?.message ?? 'invalid'}`,
  };
}

export function totalsOf(pages: PageReport[]): LessonReport['totals'] {
  const steps = pages.flatMap((page) => page.steps);
  const count = (verdict: StepVerdict) => steps.filter((step) => step.verdict === verdict).length;
  return {
    pages: pages.length,
    failedPages: pages.filter((page) => page.verdict !== 'passed').length,
    steps: steps.length,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    notRun: count('not-run'),
  };
}
