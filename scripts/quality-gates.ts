#!/usr/bin/env node
/**
 * npm run gates: the quality gates that need no browser, run on a folder the build already wrote.
 * Only flags and wiring live here; the gates are in scripts/quality/.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot, readEnv } from '../src/core/env.ts';
import { siteConfigFromEnv, SiteConfigError, siteConfigSchema } from '../src/core/site-config.ts';
import { listPages } from './quality/dist.ts';
import { formatGateResults, runQualityGates } from './quality/gates.ts';
import { draftPages } from './quality/sitemap.ts';

const USAGE = `Usage: npm run gates -- [options]

Checks a built site without a browser: links and #anchors between its files, html-validate,
page metadata and canonical URLs, the sitemap, and first-view page weight budgets.

Options:
  --dist DIR     built site folder (default: dist)
  --base PATH    base path the site was built for (default: the site config's, or $SITE_BASE)
  --site URL     origin it is published at (default: the site config's, or $SITE_URL)
  -h, --help     show this help

Draft pages are read from content/docs (or $DOCS_CONTENT_DIR/docs) when that folder exists.
Exit codes: 0 every gate passed, 1 a gate failed, 2 usage error.`;

const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

class UsageError extends Error {}

interface Options {
  distDir: string;
  base: string;
  site: string;
}

/** Flags over the configured defaults; throws UsageError naming the flag or folder that is wrong. */
function parseOptions(argv: string[], defaults: { base: string; site: string }): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        dist: { type: 'string' },
        base: { type: 'string' },
        site: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}\nRun with --help to see the options.`);
  }
  if (values.help) return 'help';

  // The site config's own schema judges the flags, so a flag accepts exactly what the config does.
  const base = values.base ?? defaults.base;
  const baseCheck = siteConfigSchema.shape.base.safeParse(base);
  if (!baseCheck.success) throw new UsageError(`--base: ${baseCheck.error.issues[0]?.message} (got "${base}").`);
  const site = values.site ?? defaults.site;
  const siteCheck = siteConfigSchema.shape.site.safeParse(site);
  if (!siteCheck.success) throw new UsageError(`--site: ${siteCheck.error.issues[0]?.message} (got "${site}").`);

  const distDir = path.resolve(values.dist ?? path.join(projectRoot, 'dist'));
  const shown = path.relative(process.cwd(), distDir) || '.';
  if (!existsSync(distDir))
    throw new UsageError(`the built site folder ${shown} does not exist: build the site first (npm run build), or name the folder with --dist.`);
  if (!statSync(distDir).isDirectory()) throw new UsageError(`${shown} is a file, not a built site folder; name the folder with --dist.`);
  // An empty folder would pass every gate while checking nothing.
  if (listPages(distDir).length === 0)
    throw new UsageError(`${shown} holds no HTML pages: build the site first (npm run build), or name the folder with --dist.`);
  return { distDir, base: base === '/' ? '/' : base.replace(/\/+$/, ''), site };
}

async function main(): Promise<number> {
  const env = readEnv();
  let options;
  let configured;
  try {
    configured = await siteConfigFromEnv(env);
    options = parseOptions(process.argv.slice(2), configured);
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof SiteConfigError)) throw error;
    process.stderr.write(`quality-gates: ${error.message}\n`);
    return exitCodes.usage;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return exitCodes.ok;
  }

  const drafts = existsSync(env.docsDir) ? draftPages(env.docsDir, configured) : [];
  process.stdout.write(`Quality gates on ${path.relative(process.cwd(), options.distDir) || '.'} (base ${options.base}, site ${options.site})\n\n`);
  const results = await runQualityGates(options.distDir, { base: options.base, site: options.site, drafts });
  process.stdout.write(formatGateResults(results));
  return results.some((result) => result.problems.length > 0) ? exitCodes.failed : exitCodes.ok;
}

process.exitCode = await main();
