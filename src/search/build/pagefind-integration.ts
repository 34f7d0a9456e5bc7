import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { formatProblems } from '../../core/problems.ts';
import { parseResources, type Resource } from '../../core/resources.ts';
import { declaresNoindex, hasSearchBody, RESOURCES_SLUG, resourceRecord, searchableDocument } from './records.ts';
import { joinBase, pageHref, sitePathOfHtmlFile } from '../../core/urls.ts';
import { registerEarlySearchFeed, type EarlySearchFeed } from './early-feed.ts';
import { packSignals, rankWords, takeWords, VOCABULARY_FILE, type PackedSignals, type SearchVocabulary } from '../ranking/vocabulary.ts';
import { courseOrder, pageKind, pagerLinks, prepareArticle, teachesTerms } from './page-signals.ts';
import type { PageSignal } from '../ranking/rank.ts';
import { termStems } from '../ranking/terms.ts';

/** What indexing learns of each page besides its text, by URL path: for ranking in the dialog. */
export interface CollectedSignals {
  /** The site's base path, to read page kinds from URLs. */
  base: string;
  introduced: Map<string, string[]>;
  pagers: Map<string, { prev?: string; next?: string }>;
}

export function newSignals(base = '/'): CollectedSignals {
  return { base, introduced: new Map(), pagers: new Map() };
}

/** The document Pagefind gets for a page (see searchableDocument, prepareArticle); records its signals. */
function indexedDocument(url: string, html: string, signals: CollectedSignals): string {
  signals.pagers.set(url, pagerLinks(html));
  const teaches = teachesTerms(pageKind(url, signals.base));
  return searchableDocument(html, (article) => {
    const prepared = prepareArticle(article, { teaches });
    signals.introduced.set(url, prepared.introduced);
    return prepared.html;
  });
}

/** A user-facing indexing failure: the build prints the message, not a stack trace. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * Pagefind's settings, the same for the index fed during the build and the one built afterwards.
 * A hyphen counts as part of a word, so flags stay words of their own: `-v` and `--rm` are found
 * as typed instead of as "v" (every word starting with v) and "rm". Pagefind still indexes the
 * parts of a hyphenated word, so "multi-stage" is found by "multi", "stage" and "multistage" too.
 */
export const PAGEFIND_CONFIG: pagefind.PagefindServiceConfig = { includeCharacters: '-' };

/** The vocabulary's share of the 30 KB (gzip) that opening search may add; the rest is code. */
export const VOCABULARY_GZIP_BUDGET = 24 * 1024;

/** What became of a page handed over early (see early-feed.ts): indexed, or why not. */
type EarlyResult = { indexed: true; errors: string[] } | { indexed: false; reason: 'noindex' | 'no-body' };

/**
 * Starts Pagefind on the first page rendered and indexes each page as it comes, so indexing
 * overlaps page generation. Only directory-style pages (`/guide/page/`) are taken: their URL is the
 * one buildSearchIndex would give their file; anything else (404.html) is read from disk later.
 */
export class PagefindFeed implements EarlySearchFeed {
  index: Promise<pagefind.PagefindIndex> | undefined;
  readonly offered = new Map<string, Promise<EarlyResult>>();
  readonly signals: CollectedSignals;

  constructor(base = '/') {
    this.signals = newSignals(base);
  }

  offer(urlPath: string, html: string): void {
    if (!urlPath.endsWith('/')) return;
    this.index ??= pagefind.createIndex(PAGEFIND_CONFIG).then((created) => {
      if (created.errors.length > 0 || !created.index) fail('starting Pagefind', created.errors);
      return created.index;
    });
    // Decided and trimmed now, not when Pagefind gets to it: pages are rendered faster than they are
    // indexed, and each waiting page would otherwise hold its whole HTML (sidebar and all) in memory.
    const skip: EarlyResult | undefined = declaresNoindex(html)
      ? { indexed: false, reason: 'noindex' }
      : !hasSearchBody(html)
        ? { indexed: false, reason: 'no-body' }
        : undefined;
    // As UTF-8 bytes: a trimmed string would be a slice that keeps the whole page alive in V8.
    const content = skip ? undefined : Buffer.from(indexedDocument(urlPath, html, this.signals), 'utf8');
    const result = this.index.then(async (index): Promise<EarlyResult> => {
      if (skip || content === undefined) return skip!;
      const added = await index.addHTMLFile({ url: urlPath, content: content.toString('utf8') });
      return { indexed: true, errors: added.errors };
    });
    result.catch(() => {}); // awaited (and reported) by buildSearchIndex; never an unhandled rejection meanwhile
    this.offered.set(urlPath, result);
  }
}

export interface SearchIndexOptions {
  /** The built site (Astro's outDir). */
  outDir: string;
  /** Astro's base path ('/' or '/docker-learning'). */
  base: string;
  /** Language of the site's pages (<html lang>); custom records must share it to land in the same index. */
  language: string;
  /** content/links.yaml; a missing file means no curated resources. */
  linksFile: string;
  /** Pages already handed to Pagefind during the build, and its running index. */
  feed?: PagefindFeed;
}

export interface SearchIndexSummary {
  pages: number;
  resources: number;
  /** Pages skipped because they ask not to be indexed (404). */
  skipped: string[];
  /** Pages Pagefind will drop because they lack data-pagefind-body: a layout bug worth a warning. */
  withoutBody: string[];
  /** Why curated resources were left out, when they were. */
  resourceWarning?: string;
  outputPath: string;
  /** Words written for typo suggestions, whether the byte budget cut rare ones, and the time it took. */
  vocabulary: { words: number; complete: boolean; gzipBytes: number; ms: number };
}

/**
 * Pagefind writes its own UIs next to the index; the site ships its own dialog instead, so these
 * would be dead weight in every deploy (about 450 KB). pagefind.js, its worker and wasm stay.
 */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Reading files this many at a time keeps memory and open file handles flat on large sites, while
 * Pagefind's process always has pages waiting (32 at a time left it idle between batches).
 */
const BATCH = 128;

function fail(what: string, errors: string[]): never {
  throw new SearchIndexError(`Search index: ${what} failed:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
}

async function readResources(linksFile: string): Promise<Resource[]> {
  let text: string;
  try {
    text = await readFile(linksFile, 'utf8');
  } catch {
    return [];
  }
  const { resources, problems } = parseResources(text, linksFile);
  if (problems.length > 0) throw new SearchIndexError(formatProblems('content/links.yaml has errors', problems));
  return resources.map((located) => located.resource);
}

/**
 * Resources link to their anchor on the Learning resources page. Returns why they cannot be
 * indexed when the page is missing from this build, and fails when anchors are missing, because
 * a search result that lands nowhere is worse than no result.
 */
async function checkResourcesPage(outDir: string, base: string, resources: Resource[]): Promise<string | undefined> {
  const file = path.join(outDir, RESOURCES_SLUG, 'index.html');
  let html: string;
  try {
    html = await readFile(file, 'utf8');
  } catch {
    return `the Learning resources page (${pageHref(base, RESOURCES_SLUG)}) is not in this build, so its ${resources.length} resources were not indexed`;
  }
  const missing = resources.filter((r) => !new RegExp(`\\sid=["']?${r.id}["'\\s>]`).test(html)).map((r) => r.id);
  if (missing.length > 0) {
    throw new SearchIndexError(
      `Search index: ${file} has no anchor for ${missing.map((id) => `"${id}"`).join(', ')}; ` +
        `search results for curated resources link to ${pageHref(base, RESOURCES_SLUG, missing[0])} and would land nowhere. ` +
        'Give each resource on that page the id it has in content/links.yaml.',
    );
  }
  return undefined;
}

async function listHtmlFiles(outDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(outDir, { recursive: true });
  } catch {
    throw new SearchIndexError(`Search index: the build output ${outDir} does not exist; nothing to index.`);
  }
  return entries
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => entry.endsWith('.html') && !entry.startsWith('pagefind/'))
    .sort();
}

/**
 * Indexes a built site with Pagefind: every HTML page (only its data-pagefind-body part, with the
 * base path in its URL) plus one record per curated resource, written to <outDir>/pagefind/.
 * Pagefind reports problems in `errors` arrays instead of throwing; each one fails the build here.
 */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexSummary> {
  const { outDir, base, language, linksFile, feed } = options;
  const outputPath = path.join(outDir, 'pagefind');
  const files = await listHtmlFiles(outDir);
  const resources = await readResources(linksFile);
  const resourceWarning = resources.length > 0 ? await checkResourcesPage(outDir, base, resources) : undefined;

  // A stale bundle from an earlier build would leave fragments of deleted pages behind.
  await rm(outputPath, { recursive: true, force: true });
  let index: pagefind.PagefindIndex;
  if (feed?.index) {
    index = await feed.index;
  } else {
    const created = await pagefind.createIndex(PAGEFIND_CONFIG);
    if (created.errors.length > 0 || !created.index) fail('starting Pagefind', created.errors);
    index = created.index;
  }
  const skipped: string[] = [];
  const withoutBody: string[] = [];
  const signals = feed?.signals ?? newSignals(base);
  let pages = 0;
  try {
    for (let i = 0; i < files.length; i += BATCH) {
      await Promise.all(
        files.slice(i, i + BATCH).map(async (file) => {
          // An explicit URL with the base path: the index holds the same hrefs the site links to.
          const url = joinBase(base, sitePathOfHtmlFile(file));
          const early = feed?.offered.get(url);
          if (early) {
            const result = await early;
            if (!result.indexed) return void (result.reason === 'noindex' ? skipped : withoutBody).push(file);
            if (result.errors.length > 0) fail(`indexing ${file}`, result.errors);
            pages += 1;
            return;
          }
          const content = await readFile(path.join(outDir, file), 'utf8');
          if (declaresNoindex(content)) return void skipped.push(file);
          if (!hasSearchBody(content)) return void withoutBody.push(file);
          const added = await index.addHTMLFile({ url, content: indexedDocument(url, content, signals) });
          if (added.errors.length > 0) fail(`indexing ${file}`, added.errors);
          pages += 1;
        }),
      );
    }
    let indexedResources = 0;
    if (!resourceWarning) {
      for (const resource of resources) {
        const added = await index.addCustomRecord(resourceRecord(resource, { base, language }));
        if (added.errors.length > 0) fail(`indexing resource "${resource.id}" from ${linksFile}`, added.errors);
        indexedResources += 1;
      }
    }
    if (pages === 0) {
      throw new SearchIndexError(
        `Search index: none of the ${files.length} HTML files in ${outDir} has a data-pagefind-body element; the layout must mark the article body.`,
      );
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail(`writing ${outputPath}`, written.errors);
    await Promise.all(UNUSED_BUNDLE_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
    const vocabulary = await writeVocabulary(outputPath, base, signals);
    return {
      vocabulary,
      pages,
      resources: indexedResources,
      skipped: skipped.sort(),
      withoutBody: withoutBody.sort(),
      resourceWarning,
      outputPath,
    };
  } finally {
    await index.deleteIndex();
    // The Pagefind service is a child process: left running, it would keep the build from exiting.
    await pagefind.close();
  }
}

interface Fragment {
  url: string;
  content: string;
  meta?: { title?: string; description?: string };
}

/** A fragment file as Pagefind writes it: gzip around a signature and JSON (see pagefind.js). */
function readFragment(raw: Buffer): Fragment {
  const SIGNATURE = 'pagefind_dcd';
  const data = raw.subarray(0, SIGNATURE.length).toString() === SIGNATURE ? raw : gunzipSync(raw);
  return JSON.parse(data.subarray(SIGNATURE.length).toString('utf8')) as Fragment;
}

/**
 * Writes the vocabulary the dialog loads for typo suggestions, from the text Pagefind itself
 * indexed (each fragment holds its page's processed text), so the two never disagree about what a
 * word is. Also lists which results are curated resources (their fragment names are the result ids).
 */
export async function writeVocabulary(
  outputPath: string,
  base: string,
  signals: CollectedSignals = newSignals(),
): Promise<SearchIndexSummary['vocabulary']> {
  const started = performance.now();
  const dir = path.join(outputPath, 'fragment');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.pf_fragment'));
  const resourcesPrefix = `${pageHref(base, RESOURCES_SLUG)}#`;
  const texts: string[] = [];
  const resources: string[] = [];
  const pages: Record<string, PageSignal> = {};
  const order = courseOrder(signals.pagers);
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = await Promise.all(
      files.slice(i, i + BATCH).map(async (file) => ({ file, fragment: readFragment(await readFile(path.join(dir, file))) })),
    );
    for (const { file, fragment } of batch) {
      texts.push(fragment.content);
      const id = file.replace(/\.pf_fragment$/, '');
      if (fragment.url.startsWith(resourcesPrefix)) resources.push(id);
      else
        pages[id] = {
          kind: pageKind(fragment.url, base),
          order: order.get(fragment.url) ?? order.size,
          introduced: (signals.introduced.get(fragment.url) ?? []).join(' '),
          title: termStems(fragment.meta?.title ?? '').join(' '),
          description: termStems(fragment.meta?.description ?? '').join(' '),
        };
    }
  }
  const ranked = rankWords(texts);
  resources.sort();
  const { vocabulary, gzipBytes } = fitToGzipBudget(ranked, resources, pages, VOCABULARY_GZIP_BUDGET);
  await writeFile(path.join(outputPath, VOCABULARY_FILE), JSON.stringify(vocabulary));
  return { words: vocabulary.words.length, complete: vocabulary.complete, gzipBytes, ms: Math.round(performance.now() - started) };
}

/**
 * The vocabulary with as many words as keep it within `budget` bytes of gzip. The page signals
 * and resource ids always ship, since ranking needs them; when they alone exceed the budget (a
 * course of a thousand pages), the vocabulary keeps no words and its size says so. The word count
 * is found by bisection on the gzip size itself: a raw-size allowance undercounts what repetitive
 * page signals compress to (a 200-page course kept 234 words in 8.7 KB of a 24 KB budget).
 */
export function fitToGzipBudget(
  ranked: string[],
  resources: string[],
  pages: Record<string, PageSignal>,
  budget: number,
): { vocabulary: SearchVocabulary; gzipBytes: number } {
  const fitted = fitWords(ranked, resources, packSignals(pages), budget);
  if (fitted.gzipBytes <= budget) return fitted;
  // A course of a thousand pages: descriptions are the signal ranking can best do without (titles,
  // headings and bold terms say much the same), so they go before the budget is overrun.
  const withoutDescriptions = Object.fromEntries(Object.entries(pages).map(([id, { description: _, ...page }]) => [id, page]));
  return fitWords(ranked, resources, packSignals(withoutDescriptions), budget);
}

function fitWords(
  ranked: string[],
  resources: string[],
  signals: PackedSignals,
  budget: number,
): { vocabulary: SearchVocabulary; gzipBytes: number } {
  const sized = (count: number) => {
    const vocabulary = takeWords(ranked, count, resources, signals);
    return { vocabulary, gzipBytes: gzipSync(JSON.stringify(vocabulary)).length };
  };
  const all = sized(ranked.length);
  if (all.gzipBytes <= budget) return all;
  // Largest count that fits: `fits` always fits (0 words is the floor), `over` never does.
  let fits = sized(0);
  if (fits.gzipBytes > budget) return fits;
  let over = ranked.length;
  while (over - fits.vocabulary.words.length > 1) {
    const middle = sized(Math.floor((fits.vocabulary.words.length + over) / 2));
    if (middle.gzipBytes <= budget) fits = middle;
    else over = middle.vocabulary.words.length;
  }
  return fits;
}

/**
 * Runs Pagefind after `astro build`, on whatever outDir the build used (tests build elsewhere).
 * Drafts need no special case: production builds never render them, so they have no HTML.
 */
export interface PagefindIntegrationOptions {
  /** The site's language (site config), for Pagefind's stemming. */
  language: string;
  /** content/links.yaml, whose resources become search results of their own. */
  linksFile: string;
}

export default function pagefindIntegration({ language, linksFile }: PagefindIntegrationOptions): AstroIntegration {
  let base = '/';
  let feed: PagefindFeed | undefined;
  return {
    name: 'learning-site:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      // Pages are rendered after this hook; each is handed to Pagefind as it is (src/middleware.ts).
      'astro:build:start': () => {
        feed = new PagefindFeed(base);
        registerEarlySearchFeed(feed);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        registerEarlySearchFeed(undefined);
        const summary = await buildSearchIndex({ outDir: fileURLToPath(dir), base, language, linksFile, feed });
        if (summary.withoutBody.length > 0) {
          logger.warn(
            `${summary.withoutBody.length} page(s) lack data-pagefind-body and cannot be found by search: ${summary.withoutBody.join(', ')}`,
          );
        }
        if (summary.resourceWarning) logger.warn(summary.resourceWarning);
        const { vocabulary } = summary;
        const cut = vocabulary.complete ? '' : `, the most frequent that fit ${VOCABULARY_GZIP_BUDGET / 1024} KB`;
        logger.info(
          `Search vocabulary: ${vocabulary.words} words${cut} (${(vocabulary.gzipBytes / 1024).toFixed(1)} KB gzip) in ${vocabulary.ms} ms`,
        );
        if (vocabulary.gzipBytes > VOCABULARY_GZIP_BUDGET) {
          logger.warn(
            `The search ranking signals of ${summary.pages} pages alone take ${(vocabulary.gzipBytes / 1024).toFixed(1)} KB gzip, over the ${VOCABULARY_GZIP_BUDGET / 1024} KB planned: opening search fetches that much, and typo suggestions are off.`,
          );
        }
        const ms = Math.round(performance.now() - started);
        logger.info(
          `Indexed ${summary.pages} pages and ${summary.resources} curated resources in ${ms} ms (${path.relative(process.cwd(), summary.outputPath) || summary.outputPath})`,
        );
      },
    },
  };
}
