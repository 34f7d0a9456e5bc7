import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listContentFiles } from '../../src/core/validate/index.ts';
import { stepsFingerprint } from '../../src/core/lessons/fingerprint.ts';
import { lessonReportVersion, totalsOf, type LessonReport, type PageReport, type StepReport } from '../../src/core/lessons/report.ts';
import type { LessonEngine } from './engine.ts';
import { planPage, type PagePlan } from './plan.ts';
import { runPage } from './run-page.ts';

export interface PlanPagesOptions {
  rootDir: string;
  docsDir: string;
  files: string[];
  /** The requirement names the course declares (lessonRequirements in its site settings). */
  requirements: readonly string[];
}

/** Reads the pages to run: the ones named, or every page under docsDir whose frontmatter opts in. */
export async function planPages(options: PlanPagesOptions): Promise<{ plans: PagePlan[]; missing: string[] }> {
  const missing: string[] = [];
  const plans: PagePlan[] = [];
  const named = options.files.length > 0;
  const files = named
    ? options.files.map((file) => path.resolve(options.rootDir, file))
    : listContentFiles(options.docsDir).map((file) => path.join(options.docsDir, file));
  for (const absolute of files) {
    const display = path.relative(options.rootDir, absolute).split(path.sep).join('/');
    const source = await readFile(absolute, 'utf8').catch(() => undefined);
    if (source === undefined) {
      missing.push(display);
      continue;
    }
    const plan = planPage(display, source, options.requirements);
    await planEarlierPages(plan, absolute, options, [absolute]);
    // A named page runs even without `lesson:`: asking for it is the opt-in.
    if (named || plan.optedIn || plan.problems.some((problem) => /lesson/.test(problem.message))) plans.push(plan);
  }
  return { plans, missing };
}

/**
 * Reads the pages a page's `lesson.after` names, each with its own `after` first, into plan.after.
 * A missing page, or one that leads back to the page, is a problem of the page: nothing runs.
 */
async function planEarlierPages(plan: PagePlan, absolute: string, options: PlanPagesOptions, chain: string[]): Promise<void> {
  const { rootDir } = options;
  const earlier: PagePlan[] = [];
  for (const name of plan.settings.after ?? []) {
    const file = path.resolve(path.dirname(absolute), name);
    const display = path.relative(rootDir, file).split(path.sep).join('/');
    if (chain.includes(file)) {
      plan.problems.push({ message: `frontmatter lesson.after names ${name}, which leads back to ${plan.file}: a page cannot come before itself.` });
      continue;
    }
    const source = await readFile(file, 'utf8').catch(() => undefined);
    if (source === undefined) {
      plan.problems.push({
        message: `frontmatter lesson.after names ${name}, but there is no ${display}. Give the path of a page relative to this one, such as first-steps.md.`,
      });
      continue;
    }
    const page = planPage(display, source, options.requirements);
    await planEarlierPages(page, file, options, [...chain, file]);
    plan.problems.push(
      ...page.problems.map((problem) => ({
        message: `${display}${problem.line ? `:${problem.line}` : ''} (run first, as lesson.after says): ${problem.message}`,
      })),
    );
    for (const step of [...(page.after ?? []), page]) if (!earlier.some((known) => known.file === step.file)) earlier.push(step);
  }
  if (earlier.length > 0) plan.after = earlier;
}

export interface RunLessonsOptions {
  defaultTimeoutSeconds: number;
  onPageStart?: (plan: PagePlan) => void;
  onStep?: (page: PagePlan, step: StepReport) => void;
  onPageEnd?: (page: PageReport) => void;
}

/** Runs the pages one after another on one engine; the engine is the caller's to close. */
export async function runLessons(plans: PagePlan[], engine: LessonEngine, options: RunLessonsOptions): Promise<LessonReport> {
  const started = new Date();
  const info = await engine.info();
  const pages: PageReport[] = [];
  for (const plan of plans) {
    options.onPageStart?.(plan);
    const result = await runPage(plan, engine, info, {
      defaultTimeoutSeconds: options.defaultTimeoutSeconds,
      onStep: (step) => options.onStep?.(plan, step),
    });
    // What was run, so the site can tell whether the page still asks for the same steps.
    const page: PageReport = { ...result, stepsFingerprint: stepsFingerprint(plan.blocks, plan.settings) };
    pages.push(page);
    options.onPageEnd?.(page);
  }
  return {
    version: lessonReportVersion,
    startedAt: started.toISOString(),
    durationMs: Date.now() - started.getTime(),
    engine: { ...info },
    pages,
    totals: totalsOf(pages),
  };
}
