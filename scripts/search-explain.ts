#!/usr/bin/env node
/**
 * npm run search:explain -- "query" […]: why search orders pages as it does, for a developer tuning
 * the ranking. Serves a built site (dist/ unless --dist says otherwise) on 127.0.0.1, asks its
 * Pagefind index for each query word in Debian's Chromium, as the dialog does, then ranks in Node
 * with src/search/ranking and prints each page's score with what every signal added.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './support/chromium.ts';
import { serveStatic } from './support/static-server.ts';
import { projectRoot } from '../src/core/env.ts';
import { checksExactMatch, planQuery } from '../src/search/browser/query.ts';
import { createWordIndex } from '../src/search/browser/suggest.ts';
import { RANKING } from '../src/search/browser/engine.ts';
import { rankResults, type TermHit } from '../src/search/ranking/rank.ts';
import { unpackSignals, VOCABULARY_FILE, type SearchVocabulary } from '../src/search/ranking/vocabulary.ts';

interface Searched {
  perTerm: TermHit[][];
  exact: (string[] | undefined)[];
  urls: Record<string, string>;
}

async function main() {
  // Not parseArgs: a query is often a flag ("-v", "--rm"), which it would take for an option.
  const args = process.argv.slice(2);
  const at = args.indexOf('--dist');
  const values = { dist: at === -1 ? 'dist' : args[at + 1] };
  const positionals = at === -1 ? args : args.filter((_, i) => i !== at && i !== at + 1);
  if (positionals.length === 0 || !values.dist) {
    console.error('Usage: npm run search:explain -- [--dist DIR] "query" ["another query" …]  (build the site first: npm run build)');
    process.exit(2);
  }
  const dist = path.resolve(projectRoot, values.dist);
  if (!existsSync(path.join(dist, 'pagefind', VOCABULARY_FILE))) {
    console.error(`No search index in ${dist}: build the site first (npm run build), or name a built site with --dist DIR.`);
    process.exit(2);
  }
  const vocabulary = JSON.parse(readFileSync(path.join(dist, 'pagefind', VOCABULARY_FILE), 'utf8')) as SearchVocabulary;
  const pages = unpackSignals(vocabulary.signals);
  const resources = new Set(vocabulary.resources);
  const words = createWordIndex(vocabulary.words);
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.siteUrl);
    for (const typed of positionals) {
      const plan = planQuery(typed, words);
      const exactTerms = plan.terms.map(checksExactMatch);
      // The same questions the dialog asks (engine.ts answer): each word, and the short ones quoted.
      const searched = await page.evaluate(
        async ({ terms, exactTerms, ranking }) => {
          const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
          await pagefind.options({ baseUrl: '/', ranking, noWorker: true });
          const ask = async (term: string) =>
            (await pagefind.search(term)).results as { id: string; score: number; words?: number[]; data(): Promise<{ url: string }> }[];
          const perTerm = [];
          const urls: Record<string, string> = {};
          for (const term of terms) {
            const hits = [];
            for (const hit of await ask(term)) {
              const data = await hit.data();
              urls[hit.id] = data.url;
              hits.push({ id: hit.id, score: hit.score, words: hit.words });
            }
            perTerm.push(hits);
          }
          const exact = await Promise.all(terms.map(async (term, t) => (exactTerms[t] ? (await ask(`"${term}"`)).map((hit) => hit.id) : undefined)));
          return { perTerm, exact, urls };
        },
        { terms: plan.terms, exactTerms, ranking: RANKING },
      );
      report(
        typed,
        plan.terms,
        searched as Searched,
        rankResults({
          typed: plan.typed,
          terms: plan.terms,
          perTerm: searched.perTerm,
          exact: searched.exact,
          pages,
          resources,
          total: Object.keys(pages).length + resources.size,
        }),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

function report(typed: string, terms: string[], searched: Searched, ranked: ReturnType<typeof rankResults>) {
  console.log(`\n${JSON.stringify(typed)} → searched: ${terms.join(', ') || '(nothing)'}`);
  for (const [t, term] of terms.entries())
    console.log(`  ${term}: ${searched.perTerm[t]!.length} pages${searched.exact[t] ? `, ${searched.exact[t]!.length} with the word itself` : ''}`);
  for (const [i, entry] of ranked.slice(0, 8).entries()) {
    const parts = Object.entries(entry.parts ?? {})
      .map(([name, value]) => `${name} ${value.toFixed(2)}`)
      .join(' · ');
    console.log(`  ${i + 1}. ${entry.score.toFixed(3)} ${searched.urls[entry.id] ?? entry.id}  (${entry.matched}/${terms.length} words; ${parts})`);
  }
}

await main();
