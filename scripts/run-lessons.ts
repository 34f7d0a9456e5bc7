#!/usr/bin/env node
/**
 * npm run lessons: runs the command blocks of lesson pages and checks them. Only flags and wiring
 * live here; the stages are in scripts/lessons/ (plan, run-page, clean-state, reporters) and the
 * pure parts in src/core/lessons/.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot, readEnv } from '../src/core/env.ts';
import { siteConfigFromEnv, SiteConfigError } from '../src/core/site-config.ts';
import { checkProvides, parseCliArgs, usage, UsageError } from './lessons/cli-options.ts';
import { EngineSetupError, type LessonEngine } from './lessons/engine.ts';
import { createHostEngine } from './lessons/host-engine.ts';
import { renderReport, renderSummary, stepLine } from './lessons/reporters.ts';
import { planPages, runLessons } from './lessons/runner.ts';
import { killAllSessions } from './lessons/shell-session.ts';

/** Enough of the engine's log to show a failed build or container start. */
const ENGINE_LOG_LINES = 25;
const EXIT = { passed: 0, failed: 1, usage: 2, interrupted: 130 } as const;

async function createEngine(kind: 'sandbox' | 'host', provides: string[]): Promise<LessonEngine> {
  if (kind === 'host') return createHostEngine({ provides });
  let sandbox: { createSandboxEngine?: () => Promise<LessonEngine> };
  try {
    // Imported lazily: the sandbox brings its own setup (and may not be in every checkout).
    // A computed specifier: this file must type-check in a checkout without the sandbox too.
    sandbox = await import(new URL('./lessons/sandbox/index.ts', import.meta.url).href);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
      throw new EngineSetupError(
        "the sandbox engine (scripts/lessons/sandbox/) is not in this checkout. Use --engine host to run against the machine's own Docker engine.",
      );
    }
    throw error;
  }
  if (typeof sandbox.createSandboxEngine !== 'function')
    throw new EngineSetupError('scripts/lessons/sandbox/index.ts does not export createSandboxEngine().');
  return sandbox.createSandboxEngine();
}

async function main(): Promise<number> {
  const env = readEnv();
  let cli;
  try {
    cli = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`lessons: ${error.message}\n\n${usage}\n`);
    return EXIT.usage;
  }
  if (cli.help) {
    process.stdout.write(`${usage}\n`);
    return EXIT.passed;
  }
  // The course's settings say which requirements its pages may name (lessonRequirements).
  let requirements: string[];
  try {
    requirements = Object.keys((await siteConfigFromEnv(env)).lessonRequirements);
    checkProvides(cli.provides, requirements);
  } catch (error) {
    if (!(error instanceof SiteConfigError) && !(error instanceof UsageError)) throw error;
    process.stderr.write(`lessons: ${error.message}\n`);
    return EXIT.usage;
  }

  const { plans, missing } = await planPages({ rootDir: process.cwd(), docsDir: env.docsDir, files: cli.files, requirements });
  if (missing.length > 0) {
    process.stderr.write(`lessons: ${missing.map((file) => `${file} does not exist`).join('; ')}.\n`);
    return EXIT.usage;
  }
  // Every page is checked before anything runs: a bad annotation costs no engine start.
  const problems = plans.flatMap((plan) =>
    plan.problems.map((problem) => `${plan.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`),
  );
  if (problems.length > 0) {
    process.stderr.write(`lessons: fix these before the lessons can run:\n${problems.map((problem) => `  ${problem}`).join('\n')}\n`);
    return EXIT.usage;
  }
  if (plans.length === 0) {
    process.stderr.write(
      `lessons: no page opts in (a lesson: block in its frontmatter) under ${path.relative(projectRoot, env.docsDir) || env.docsDir}, and none was named.\n`,
    );
    return EXIT.usage;
  }

  let engine: LessonEngine | undefined;
  const closeEngine = async () => {
    const closing = engine;
    engine = undefined;
    await closing?.close();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`lessons: ${signal}, removing the engine's work before exiting.\n`);
    killAllSessions();
    void closeEngine().finally(() => process.exit(EXIT.interrupted));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    engine = await createEngine(cli.engine, cli.provides);
    const report = await runLessons(plans, engine, {
      defaultTimeoutSeconds: cli.timeoutSeconds,
      onPageStart: (plan) => process.stderr.write(`lessons: ${plan.file}\n`),
      onStep: (plan, step) => process.stderr.write(`${stepLine(plan.file, step)}\n`),
    });
    if (cli.reportFile) {
      await mkdir(path.dirname(path.resolve(cli.reportFile)), { recursive: true });
      await writeFile(cli.reportFile, `${JSON.stringify(report, null, 2)}\n`);
    }
    const engineLog = report.totals.failedPages > 0 ? engine.logTail?.(ENGINE_LOG_LINES) : undefined;
    if (engineLog) process.stdout.write(`The engine's log, last ${ENGINE_LOG_LINES} lines:\n${engineLog.replace(/^/gm, '  | ')}\n\n`);
    process.stdout.write(renderReport(report, cli.format));
    if (cli.format === 'github' && env.githubStepSummary) await appendFile(env.githubStepSummary, renderSummary(report));
    return report.totals.failedPages > 0 ? EXIT.failed : EXIT.passed;
  } catch (error) {
    if (error instanceof EngineSetupError) {
      process.stderr.write(`lessons: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  } finally {
    await closeEngine();
  }
}

process.exitCode = await main();
