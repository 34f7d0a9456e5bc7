#!/usr/bin/env node
/**
 * npm run pr-summary: what a pull request does to the built site, as Markdown for GitHub's job
 * summary or a terminal. Only flags and wiring live here; the work is in scripts/pr-summary/.
 */
import { appendFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot, readEnv } from '../src/core/env.ts';
import { siteConfigFromEnv, SiteConfigError } from '../src/core/site-config.ts';
import { buildCheckout, buildCommit, BuildFailedError, RefError, resolveCommit, shortCommit } from './pr-summary/build-ref.ts';
import { compareBuilds } from './pr-summary/compare.ts';
import { LinkReportError, readLinkReport, type LinkReport } from './pr-summary/link-report.ts';
import { renderSummary } from './pr-summary/render.ts';
import { BuildReadError, readBuild } from './pr-summary/snapshot.ts';

const USAGE = `Usage: npm run pr-summary -- --base <ref> [options]
       npm run pr-summary -- --base-dist <dir> --head-dist <dir> [options]

Compares the built site of this checkout with the built site of a git ref and prints, as Markdown:
pages added, moved and removed; per changed page its title, words and first-view bytes; sidebar
changes; resources added and removed with their link-check verdicts; the search index size.

Options:
  --base <ref>            git ref to compare with: built in a temporary worktree under .cache/pr-summary/
  --base-dist <dir>       an existing build to compare with, instead of --base
  --head-dist <dir>       an existing build of this checkout (default: build it into dist/)
  --link-report <file>    JSON report of the changed-lines link check, for the resources' verdicts:
                          npm run links --silent -- --changed-since <ref> --format json > <file>
  --artifact <name>       the head build is uploaded as this workflow artifact (CI): say how to open it
  --retention-days <n>    how long that artifact is kept
  -h, --help              show this help

The base path and site URL come from src/site.config.ts ($SITE_BASE and $SITE_URL override them);
build both sides with the same ones. When $GITHUB_STEP_SUMMARY is set (GitHub Actions), the summary
is also appended to that file.
Exit codes: 0 done, 1 a removed or moved address is still linked, 2 usage error, 3 a build failed.`;

const exitCodes = { ok: 0, stillLinked: 1, usage: 2, buildFailed: 3 } as const;

class UsageError extends Error {}

interface Options {
  base?: string;
  baseDist?: string;
  headDist?: string;
  linkReport?: string;
  artifact?: string;
  retentionDays?: number;
}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        base: { type: 'string' },
        'base-dist': { type: 'string' },
        'head-dist': { type: 'string' },
        'link-report': { type: 'string' },
        artifact: { type: 'string' },
        'retention-days': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}\nRun with --help to see the options.`);
  }
  if (values.help) return 'help';
  if (values.base === undefined && values['base-dist'] === undefined)
    throw new UsageError('say what to compare with: --base <ref> (a branch, tag or commit) or --base-dist <dir> (a build).');
  if (values.base !== undefined && values['base-dist'] !== undefined)
    throw new UsageError('--base and --base-dist cannot be combined: --base builds the ref, --base-dist names a build.');
  for (const flag of ['base-dist', 'head-dist'] as const) {
    const dir = values[flag];
    if (dir !== undefined && !(existsSync(dir) && statSync(dir).isDirectory()))
      throw new UsageError(`--${flag}: ${dir} is not a folder; build the site there first (npm run build).`);
  }
  const retention = values['retention-days'];
  if (retention !== undefined && !/^[1-9]\d*$/.test(retention))
    throw new UsageError(`--retention-days expects a whole number of days (got "${retention}").`);
  return {
    base: values.base,
    baseDist: values['base-dist'] && path.resolve(values['base-dist']),
    headDist: values['head-dist'] && path.resolve(values['head-dist']),
    linkReport: values['link-report'],
    artifact: values.artifact,
    retentionDays: retention === undefined ? undefined : Number(retention),
  };
}

const log = (line: string) => process.stderr.write(`pr-summary: ${line}\n`);
const shown = (dir: string) => path.relative(process.cwd(), dir) || '.';

async function main(): Promise<number> {
  const env = readEnv();
  let options: Options | 'help';
  let address: { base: string; site: string };
  let linkReport: LinkReport | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
    if (options === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return exitCodes.ok;
    }
    address = await siteConfigFromEnv(env);
    linkReport = options.linkReport === undefined ? undefined : readLinkReport(options.linkReport);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof SiteConfigError || error instanceof LinkReportError)) throw error;
    process.stderr.write(`pr-summary: ${error.message}\n`);
    return exitCodes.usage;
  }

  let baseDist: string;
  let headDist: string;
  let title: string;
  try {
    if (options.base !== undefined) {
      const commit = await resolveCommit(options.base, projectRoot);
      const short = await shortCommit(commit, projectRoot);
      headDist = options.headDist ?? (await buildCheckout(projectRoot, log));
      baseDist = await buildCommit({ root: projectRoot, commit, workDir: path.join(projectRoot, '.cache', 'pr-summary'), log });
      title = `Compared with ${options.base === short ? `${short}` : `${options.base} (${short})`}.`;
    } else {
      baseDist = options.baseDist!;
      headDist = options.headDist ?? (await buildCheckout(projectRoot, log));
      title = `Compared the build in ${shown(headDist)} with the build in ${shown(baseDist)}.`;
    }
  } catch (error) {
    if (error instanceof RefError) {
      process.stderr.write(`pr-summary: ${error.message}\n`);
      return exitCodes.usage;
    }
    if (error instanceof BuildFailedError) {
      process.stderr.write(`pr-summary: ${error.message}\n`);
      return exitCodes.buildFailed;
    }
    throw error;
  }

  let diff;
  try {
    const [base, head] = [await readBuild(baseDist, address), await readBuild(headDist, address)];
    diff = compareBuilds(base, head, linkReport);
  } catch (error) {
    if (!(error instanceof BuildReadError)) throw error;
    process.stderr.write(`pr-summary: ${error.message}\n`);
    return exitCodes.usage;
  }
  const preview = options.artifact ? { artifact: options.artifact, retentionDays: options.retentionDays } : { localDist: shown(headDist) };
  const markdown = renderSummary(diff, { title, preview });
  process.stdout.write(markdown);
  // On GitHub Actions, the job summary too: stdout stays free of npm's own lines that way.
  if (env.githubStepSummary) appendFileSync(env.githubStepSummary, `${markdown}\n`);
  if (diff.stillLinked.length > 0) {
    for (const entry of diff.stillLinked) {
      const from = [...entry.linkedFrom.map((link) => link.page), ...(entry.inSitemap ? ['the sitemap'] : [])].join(', ');
      log(
        `${entry.sitePath} ${entry.movedTo ? `moved to ${entry.movedTo}` : 'was removed'}, but ${from} still link${entry.linkedFrom.length + (entry.inSitemap ? 1 : 0) === 1 ? 's' : ''} to it.`,
      );
    }
    return exitCodes.stillLinked;
  }
  return exitCodes.ok;
}

process.exitCode = await main();
