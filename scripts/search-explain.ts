#!/usr/bin/env node
/**
 * npm run search:explain -- "query" […]: why search orders pages as it does, for a developer tuning
 * the ranking. Serves a built site (dist/ unless --dist says otherwise) on 127.0.0.1, types each
 * query into its search dialog in Debian's Chromium, as the benchmark does, and prints the status
 * line and every listed page with what each ranking signal added (the data-ranking the dialog
 * writes on its results).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, openPage } from './support/chromium.ts';
import { serveStatic } from './support/static-server.ts';
import { projectRoot } from '../src/core/env.ts';
import { openSearch, searchSettled } from './bench-search/dialog.ts';

interface Listed {
  url: string;
  title: string;
  ranking: string;
}

/** `--dist DIR` and queries; not parseArgs, which would take a query such as "-v" for an option. */
function readArgs(args: string[]): { dist: string; queries: string[] } | undefined {
  const at = args.indexOf('--dist');
  const dist = at === -1 ? 'dist' : args[at + 1];
  const queries = at === -1 ? args : args.filter((_, i) => i !== at && i !== at + 1);
  return dist && queries.length > 0 ? { dist: path.resolve(projectRoot, dist), queries } : undefined;
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  if (!args) {
    console.error('Usage: npm run search:explain -- [--dist DIR] "query" ["another query" …]');
    process.exit(2);
  }
  if (!existsSync(path.join(args.dist, 'pagefind'))) {
    console.error(`No search index in ${args.dist}: build the site first (npm run build), or name a built site with --dist DIR.`);
    process.exit(2);
  }
  const server = await serveStatic(args.dist);
  const browser = await launchChromium();
  try {
    const { page } = await openPage(browser);
    await page.goto(server.siteUrl, { waitUntil: 'networkidle' });
    await openSearch(page);
    for (const query of args.queries) {
      await page.locator('#search-input').fill(query);
      await searchSettled(page);
      const status = (await page.locator('.search-status').textContent())?.trim() ?? '';
      const listed = await page.locator('#search-listbox .search-result:not(.search-sub-result)').evaluateAll((links) =>
        links.map((link) => ({
          url: new URL((link as HTMLAnchorElement).href).pathname + new URL((link as HTMLAnchorElement).href).hash,
          title: link.querySelector('.search-result-title')?.textContent ?? '',
          ranking: (link as HTMLElement).dataset.ranking ?? '',
        })),
      );
      report(query, status, listed);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

function report(query: string, status: string, listed: Listed[]) {
  console.log(`\n${JSON.stringify(query)}: ${status}`);
  for (const [i, result] of listed.entries()) console.log(`  ${i + 1}. ${result.url} (${result.title})\n     ${result.ranking}`);
}

await main();
