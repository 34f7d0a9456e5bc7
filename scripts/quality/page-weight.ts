import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { Parser } from 'htmlparser2';
import { joinBase, pagePath, RESOURCES_SLUG } from '../../src/core/urls.ts';
import { fileForSitePath, listPages, sitePathUnderBase } from './dist.ts';

export interface Transfer {
  /** URL path as requested, base included. */
  url: string;
  kind: 'html' | 'css' | 'js';
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  sitePath: string;
  transfers: Transfer[];
  /** gzip bytes per kind and in total: what a first visit downloads before any interaction. */
  html: number;
  css: number;
  js: number;
  total: number;
  /** Whether the page has a knowledge check, whose script only such pages may load. */
  knowledgeCheck: boolean;
}

const RESOLVER_ORIGIN = 'http://dist.invalid';
/** The attribute src/plugins/remark-knowledge-checks.ts puts on every check. */
const KNOWLEDGE_CHECK = /\sdata-knowledge-check=/;

/**
 * The first view of a page: its HTML, the stylesheets and scripts it references, and every module
 * those scripts import statically, each gzip-compressed as a web server would send it (zlib's
 * default level). Dynamic import() is not followed: that code loads only when the reader acts
 * (opens search), which is exactly what the budget wants kept out of the first view.
 */
export async function pageWeight(distDir: string, sitePath: string, base: string): Promise<PageWeight> {
  await init;
  const pageUrl = joinBase(base, sitePath);
  const transfers: Transfer[] = [];
  const seen = new Set<string>();

  const load = (url: string, kind: Transfer['kind'], from: string): Buffer => {
    const inside = sitePathUnderBase(base, url);
    const file = inside === undefined ? undefined : fileForSitePath(distDir, inside);
    if (!file) throw new Error(`${from} loads ${url}, which is not in the build (${distDir})`);
    const content = readFileSync(file);
    transfers.push({ url, kind, bytes: content.length, gzip: gzipSync(content).length });
    return content;
  };

  const html = load(pageUrl, 'html', 'the page list').toString('utf8');
  const scripts: string[] = [];
  for (const { url, kind } of assetsOfHtml(html)) {
    const resolved = new URL(url, new URL(pageUrl, RESOLVER_ORIGIN));
    if (resolved.origin !== RESOLVER_ORIGIN)
      throw new Error(`${pageUrl} loads ${url} from another origin; the budget assumes everything is first-party`);
    if (seen.has(resolved.pathname)) continue;
    seen.add(resolved.pathname);
    if (kind === 'js') scripts.push(resolved.pathname);
    else load(resolved.pathname, kind, pageUrl);
  }
  while (scripts.length > 0) {
    const script = scripts.shift()!;
    const source = load(script, 'js', pageUrl).toString('utf8');
    for (const specifier of staticImports(source, script)) {
      const resolved = new URL(specifier, new URL(script, RESOLVER_ORIGIN));
      if (resolved.origin !== RESOLVER_ORIGIN || seen.has(resolved.pathname)) continue;
      seen.add(resolved.pathname);
      scripts.push(resolved.pathname);
    }
  }

  const sum = (kind: Transfer['kind']) => transfers.filter((t) => t.kind === kind).reduce((total, t) => total + t.gzip, 0);
  const weight = { html: sum('html'), css: sum('css'), js: sum('js') };
  return { sitePath, transfers, ...weight, total: weight.html + weight.css + weight.js, knowledgeCheck: KNOWLEDGE_CHECK.test(html) };
}

/** Stylesheets and scripts the HTML itself asks for, in document order. */
function assetsOfHtml(html: string): { url: string; kind: 'css' | 'js' }[] {
  const assets: { url: string; kind: 'css' | 'js' }[] = [];
  const parser = new Parser({
    onopentag(tag, attributes) {
      const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
      if (tag === 'link' && attributes.href) {
        if (rel.includes('stylesheet')) assets.push({ url: attributes.href, kind: 'css' });
        else if (rel.includes('modulepreload')) assets.push({ url: attributes.href, kind: 'js' });
        else if (rel.includes('preload') && (attributes.as === 'script' || attributes.as === 'style')) {
          assets.push({ url: attributes.href, kind: attributes.as === 'script' ? 'js' : 'css' });
        }
      }
      if (tag === 'script' && attributes.src) assets.push({ url: attributes.src, kind: 'js' });
    },
  });
  parser.end(html);
  return assets;
}

/** Module specifiers of `import ... from` / `export ... from` / `import '...'`, not import(). */
function staticImports(source: string, file: string): string[] {
  try {
    const [imports] = parse(source, file);
    return imports.filter((entry) => entry.d === -1 && entry.n !== undefined).map((entry) => entry.n!);
  } catch (error) {
    throw new Error(`Cannot read the imports of ${path.basename(file)}: ${(error as Error).message}`);
  }
}

export function formatWeight(weight: PageWeight): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return `${weight.sitePath}: ${kb(weight.total)} gzip = ${weight.total} B (HTML ${kb(weight.html)}, CSS ${kb(weight.css)}, JS ${kb(weight.js)}; ${weight.transfers.length} files)`;
}

export interface Budget {
  /** Maximum gzip bytes of everything in the first view. */
  total: number;
  /** Maximum gzip bytes of JavaScript in the first view. */
  js?: number;
}

/**
 * The budgets the site promises, in gzip bytes (1 KB = 1024): a typical doc page under 16 KB with
 * under 2 KB of JavaScript (course progress included), 3 KB on a page with a knowledge check, and
 * the Learning resources page, which lists every resource, under 30 KB.
 */
export const DOC_PAGE_BUDGET = { total: 16 * 1024, js: 2 * 1024 } satisfies Budget;
export const KNOWLEDGE_CHECK_PAGE_JS_BUDGET = 3 * 1024;
export const RESOURCES_PAGE_BUDGET: Budget = { total: 30 * 1024 };

/** One message per exceeded limit (without the page: the caller names it), empty when the page fits. */
export function overBudget(weight: PageWeight, budget: Budget): string[] {
  const problems: string[] = [];
  if (weight.total >= budget.total) problems.push(`first view is ${weight.total} bytes gzip, budget is under ${budget.total}`);
  if (budget.js !== undefined && weight.js >= budget.js) {
    const scripts = weight.transfers.filter((t) => t.kind === 'js').map((t) => `${t.url} ${t.gzip}`);
    problems.push(`JavaScript is ${weight.js} bytes gzip, budget is under ${budget.js} (${scripts.join(', ')})`);
  }
  return problems;
}

/**
 * Search files the first view loads: Pagefind's bundle and index live under /pagefind/ and must
 * wait until the reader opens search.
 */
export function searchFilesInFirstView(weight: PageWeight): string[] {
  return weight.transfers.filter((t) => /\/pagefind\//.test(t.url)).map((t) => t.url);
}

export interface PageWeightGate {
  /** Every page that could be weighed, in file order, for a report of sizes. */
  weights: PageWeight[];
  /** The median doc page by first-view weight, which the 16 KB budget is about; undefined without doc pages. */
  typical?: PageWeight;
  /** The heaviest doc page in JavaScript without a knowledge check, and with one: the two kinds the JS budgets are about. */
  heaviestJs: { withoutCheck?: PageWeight; withCheck?: PageWeight };
  /** "file: what is wrong", one per problem. */
  problems: string[];
}

/** Pages with budgets of their own (the resources list) or none (the 404 page): not typical doc pages. */
const NOT_DOC_PAGES = new Set([pagePath(RESOURCES_SLUG), '/404.html']);

/**
 * The budget one page is held to on its own (the pull-request summary flags a page past it): the
 * resources list has its own, the 404 page none, every other page is a doc page, whose JavaScript
 * may reach KNOWLEDGE_CHECK_PAGE_JS_BUDGET when it has a knowledge check.
 */
export function pageBudget(weight: Pick<PageWeight, 'sitePath' | 'knowledgeCheck'>): Budget | undefined {
  if (weight.sitePath === pagePath(RESOURCES_SLUG)) return RESOURCES_PAGE_BUDGET;
  if (NOT_DOC_PAGES.has(weight.sitePath)) return undefined;
  return weight.knowledgeCheck ? { ...DOC_PAGE_BUDGET, js: KNOWLEDGE_CHECK_PAGE_JS_BUDGET } : DOC_PAGE_BUDGET;
}

/**
 * The page-weight gate over a whole build: the typical (median) doc page within DOC_PAGE_BUDGET,
 * every doc page within its JavaScript budget (the scripts are shared, so one heavy page means all
 * are), the resources page within RESOURCES_PAGE_BUDGET, and no page loading search code up front.
 * A page whose first view names a file missing from the build is a problem of that page.
 */
export async function checkPageWeights(distDir: string, base: string): Promise<PageWeightGate> {
  const problems: string[] = [];
  const weighed: { relative: string; weight: PageWeight }[] = [];
  for (const page of listPages(distDir)) {
    try {
      weighed.push({ relative: page.relative, weight: await pageWeight(distDir, page.sitePath, base) });
    } catch (error) {
      problems.push(`${page.relative}: ${(error as Error).message}`);
    }
  }
  const docPages = weighed.filter(({ weight }) => !NOT_DOC_PAGES.has(weight.sitePath));
  const resources = weighed.find(({ weight }) => weight.sitePath === pagePath(RESOURCES_SLUG));

  const sorted = [...docPages].sort((a, b) => a.weight.total - b.weight.total);
  const typical = sorted[Math.floor((sorted.length - 1) / 2)];
  if (typical) {
    for (const message of overBudget(typical.weight, { total: DOC_PAGE_BUDGET.total })) {
      problems.push(`${typical.relative}: the typical doc page (median of ${sorted.length}): ${message}`);
    }
  }
  for (const { relative, weight } of docPages) {
    for (const message of overBudget(weight, { total: Infinity, js: pageBudget(weight)?.js })) problems.push(`${relative}: ${message}`);
  }
  // The quiz script is for pages with a check: a script only they load may not reach the others.
  const scriptsOf = (weight: PageWeight) => weight.transfers.filter((t) => t.kind === 'js').map((t) => t.url);
  const withCheck = docPages.filter(({ weight }) => weight.knowledgeCheck);
  const withoutCheck = docPages.filter(({ weight }) => !weight.knowledgeCheck);
  const everywhere = new Set(withoutCheck.flatMap(({ weight }) => scriptsOf(weight)));
  const quizOnly = new Set(withCheck.flatMap(({ weight }) => scriptsOf(weight)).filter((url) => !everywhere.has(url)));
  if (withCheck.length > 0 && withoutCheck.length > 0 && quizOnly.size === 0) {
    problems.push(
      `${withCheck[0]!.relative}: has a knowledge check but loads no script beyond what every page without one loads; the check code is either missing or loaded everywhere`,
    );
  }
  const heaviest = (list: typeof docPages) =>
    list.reduce<PageWeight | undefined>((max, { weight }) => (!max || weight.js > max.js ? weight : max), undefined);
  if (resources) {
    for (const message of overBudget(resources.weight, RESOURCES_PAGE_BUDGET)) problems.push(`${resources.relative}: ${message}`);
  }
  for (const { relative, weight } of resources ? [...docPages, resources] : docPages) {
    const search = searchFilesInFirstView(weight);
    if (search.length > 0) problems.push(`${relative}: loads search code before search opens: ${search.join(', ')}`);
  }
  return {
    weights: weighed.map(({ weight }) => weight),
    typical: typical?.weight,
    heaviestJs: { withoutCheck: heaviest(withoutCheck), withCheck: heaviest(withCheck) },
    problems,
  };
}
