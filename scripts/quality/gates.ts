import { readFileSync } from 'node:fs';
import { joinBase } from '../../src/core/urls.ts';
import { describeBuiltLinkProblem, findBrokenBuiltLinks } from './built-links.ts';
import { listPages } from './dist.ts';
import { describeHtmlProblem, validateHtmlFiles } from './html-validity.ts';
import { checkPageMetadata } from './metadata.ts';
import { checkPageWeights } from './page-weight.ts';
import { checkSitemap } from './sitemap.ts';

/** What one gate concluded about a build. */
export interface GateResult {
  name: string;
  /** What the gate looked at, for the report: "42 pages". */
  scope: string;
  /** One line per problem, naming the file and what is wrong; empty when the gate passes. */
  problems: string[];
}

export interface GateOptions {
  /** The base path the build was made for: '/' or '/docker-learning'. */
  base: string;
  /** The origin it is published at: canonical URLs and the sitemap must name it. */
  site: string;
  /** Site paths of draft pages, which must be neither built nor listed in the sitemap. */
  drafts?: string[];
}

interface Gate {
  name: string;
  run: () => Promise<string[]> | string[];
}

/**
 * Runs every quality gate that needs no browser over a built site, each to completion, so one run
 * names every problem. Prints nothing: the caller decides how to report. A gate that crashes (an
 * unreadable file, say) fails with the reason rather than hiding the other gates' results.
 */
export async function runQualityGates(distDir: string, options: GateOptions): Promise<GateResult[]> {
  const pages = listPages(distDir);
  const scope = `${pages.length} page${pages.length === 1 ? '' : 's'}`;
  const canonicalOf = (sitePath: string) => new URL(joinBase(options.base, sitePath), options.site).href;

  const gates: Gate[] = [
    {
      name: 'built-site links and anchors',
      run: () => findBrokenBuiltLinks(distDir, { base: options.base, site: options.site }).map(describeBuiltLinkProblem),
    },
    {
      name: 'html-validate',
      run: async () => (await validateHtmlFiles(pages.map((page) => page.file))).map((problem) => describeHtmlProblem(problem, distDir)),
    },
    {
      name: 'metadata and canonical URLs',
      run: () =>
        pages.flatMap((page) =>
          checkPageMetadata(readFileSync(page.file, 'utf8'), { canonical: canonicalOf(page.sitePath) }).map(
            (problem) => `${page.relative}: ${problem}`,
          ),
        ),
    },
    {
      name: 'sitemap',
      run: () => checkSitemap(distDir, { base: options.base, site: options.site, drafts: options.drafts }),
    },
    {
      name: 'page weight',
      run: async () => (await checkPageWeights(distDir, options.base)).problems,
    },
  ];

  const results: GateResult[] = [];
  for (const gate of gates) {
    let problems: string[];
    try {
      problems = await gate.run();
    } catch (error) {
      problems = [`the gate could not run: ${(error as Error).message}`];
    }
    results.push({ name: gate.name, scope, problems });
  }
  return results;
}

/** The report the CLI prints: each gate's verdict, its problems indented below it, and a total. */
export function formatGateResults(results: GateResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const count = result.problems.length;
    lines.push(
      count === 0 ? `ok    ${result.name} (${result.scope})` : `FAIL  ${result.name}: ${count} problem${count === 1 ? '' : 's'} (${result.scope})`,
    );
    // Continuation lines keep the indent, so every problem stays visibly under its gate.
    for (const problem of result.problems) lines.push(`      ${problem.replaceAll('\n', '\n      ')}`);
  }
  const failed = results.filter((result) => result.problems.length > 0).length;
  lines.push('', failed === 0 ? `All ${results.length} gates passed.` : `${failed} of ${results.length} gates failed.`);
  return `${lines.join('\n')}\n`;
}
