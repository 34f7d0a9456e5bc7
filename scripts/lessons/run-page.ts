import type { PageReport } from '../../src/core/lessons/report.ts';
import { leftBehind, removalCommands } from './clean-state.ts';
import type { EngineInfo, EngineObjects, LessonEngine, PageWorkspace } from './engine.ts';
import { PageRun, type RunPageOptions } from './page-run.ts';
import type { PagePlan } from './plan.ts';
import { ShellSession } from './shell-session.ts';

export { applyBinds, interactive } from './command-text.ts';
export type { RunPageOptions } from './page-run.ts';

/** Runs one page as a reader would follow it, then checks that it left the engine as it found it. */
export async function runPage(plan: PagePlan, engine: LessonEngine, info: EngineInfo, options: RunPageOptions): Promise<PageReport> {
  const started = Date.now();
  const start = await startPage(engine, plan.file);
  if ('message' in start) {
    return {
      file: plan.file,
      title: plan.title,
      verdict: 'error',
      durationMs: Date.now() - started,
      steps: [],
      leftBehind: [],
      problems: [{ message: start.message }],
    };
  }
  const { before, workspace } = start;
  const run = new PageRun(workspace, info, options);
  await run.run(plan);
  const { steps, problems } = run;
  const left = await cleanUp(plan, engine, before, workspace, problems);
  await workspace.dispose();
  const failed = steps.some((step) => step.verdict === 'failed') || left.length > 0 || problems.length > 0;
  return {
    file: plan.file,
    title: plan.title,
    verdict: failed ? 'failed' : 'passed',
    durationMs: Date.now() - started,
    steps,
    leftBehind: left,
    problems,
  };
}

/** What the engine holds before the page, and the page's fresh work directory; or why the engine could not give them. */
async function startPage(engine: LessonEngine, file: string): Promise<{ before: EngineObjects; workspace: PageWorkspace } | { message: string }> {
  try {
    const before = await engine.objects();
    const workspace = await engine.workspace(file);
    return { before, workspace };
  } catch (error) {
    return { message: `the engine could not start the page: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** What the page left in the engine that it does not declare (lesson.leaves), removed so the next page starts clean. */
async function cleanUp(
  plan: PagePlan,
  engine: LessonEngine,
  before: EngineObjects,
  workspace: PageWorkspace,
  problems: PageReport['problems'],
): Promise<string[]> {
  const after = await engine.objects().catch((error: Error) => {
    problems.push({ message: `could not list the engine's objects after the page: ${error.message}` });
    return before;
  });
  // What the earlier pages leave on purpose is theirs: this page ran them as its start.
  const left = leftBehind(
    before,
    after,
    [plan, ...(plan.after ?? [])].flatMap((page) => page.settings.leaves ?? []),
  );
  const removal = removalCommands(left);
  if (removal.length > 0) {
    const cleaner = new ShellSession(workspace.shell());
    for (const command of removal) await cleaner.run(command, { timeoutMs: 60_000 });
    await cleaner.stop();
  }
  return left;
}

export type { PageWorkspace };
