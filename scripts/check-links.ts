#!/usr/bin/env node
/**
 * npm run links: checks external links in content/. Only flags and wiring live here; the stages
 * are in scripts/link-check/ (see its README for flags, the JSON schema and exit codes).
 */
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { readEnv } from '../src/core/env.ts';
import { GitRefError } from './link-check/changed-lines.ts';
import { parseCliArgs, usage, UsageError } from './link-check/cli-options.ts';
import { contentDirProblem } from './link-check/content-dir.ts';
import { runLinkCheck } from './link-check/pipeline.ts';
import { createProgress } from './link-check/progress.ts';
import { renderMarkdown } from './link-check/report-markdown.ts';
import { renderReport } from './link-check/report.ts';
import { exitCodes } from './link-check/summary.ts';

async function main(): Promise<number> {
  const env = readEnv();
  let cli;
  try {
    cli = parseCliArgs(process.argv.slice(2), { cacheFile: env.linkCacheFile });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`check-links: ${error.message}\n`);
    return exitCodes.usage;
  }
  if (cli.help) {
    process.stdout.write(`${usage}\n`);
    return exitCodes.ok;
  }

  const contentDir = cli.contentDir ? path.resolve(cli.contentDir) : env.contentDir;
  // A mistyped folder would otherwise scan nothing and pass: "0 links in 0 files" is not a result.
  if (!cli.urls) {
    const shown =
      cli.contentDir !== undefined ? `--content-dir ${cli.contentDir}` : `the content folder ${contentDir} ($DOCS_CONTENT_DIR or content/)`;
    const problem = contentDirProblem(contentDir, shown);
    if (problem) {
      process.stderr.write(`check-links: ${problem}\n`);
      return exitCodes.usage;
    }
  }
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort(new Error('interrupted')));
  const progress = createProgress();
  let report;
  try {
    report = await runLinkCheck(
      {
        config: cli.config,
        contentDir,
        linksFile: path.join(contentDir, 'links.yaml'),
        rootDir: process.cwd(),
        urls: cli.urls,
        changedSince: cli.changedSince,
        cacheFile: cli.cacheFile,
        signal: interrupt.signal,
      },
      {
        onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
        onPlan: ({ toCheck, fromCache, hosts }) => progress.start(toCheck, fromCache, hosts),
        onResult: (results) => progress.tick(1, hostOf(results[0]?.url)),
      },
    );
  } catch (error) {
    progress.stop();
    if (error instanceof GitRefError) {
      process.stderr.write(`check-links: ${error.message}\n`);
      return exitCodes.usage;
    }
    if (interrupt.signal.aborted) {
      process.stderr.write('check-links: interrupted; the cache was left as it was.\n');
      return 130;
    }
    throw error;
  }
  progress.stop();

  process.stdout.write(renderReport(report, cli.format, { verbose: cli.verbose }));
  if (report.interrupted)
    process.stderr.write('check-links: interrupted; links not checked are reported unverified, and the cache was left as it was.\n');
  if (cli.format === 'github' && env.githubStepSummary) {
    await appendFile(env.githubStepSummary, renderMarkdown(report));
  }
  return report.exitCode;
}

/** The host a result belongs to, for the progress display; undefined for URLs that do not parse. */
function hostOf(url: string | undefined): string | undefined {
  return url !== undefined && URL.canParse(url) ? new URL(url).host : undefined;
}

process.exitCode = await main();
