import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../env.ts';
import type { ContentProblem } from '../problems.ts';
import { checkResourceSitePaths, parseResources, type LocatedResource } from '../resources.ts';
import { shownLinksFile } from '../links-file.ts';
import { DEFAULT_SLUG_RULES, pagePath, RESOURCES_SLUG, slugFromContentPath, type SlugRules } from '../urls.ts';
import type { DocumentFacts } from '../content/facts.ts';
import { buildInventory, checkAssetFile, folderClashMessage, SITE_RESERVED_SLUGS, type Inventory, type InventoryPage } from '../content/inventory.ts';
import { factsFromSource } from '../content/parse.ts';
import type { ContentSession } from '../content/session.ts';
import { deepestPrefix, findFrontmatter } from '../content/source.ts';
import { MAX_NESTING_DEPTH, NESTING_ADVICE } from '../content/facts.ts';
import { checkSvg } from '../security/svg-policy.ts';
import { checkFrontmatter, type LocalProblem } from './check-frontmatter.ts';
import { checkImages, type AssetCheck } from './check-images.ts';
import { buildFolderSet, checkPageLinks, type PageLinkIndex } from './check-page-links.ts';
import { checkLinkCredentials } from './check-link-credentials.ts';
import { findFolderClashes, findUrlClashes } from './check-duplicate-urls.ts';
import { checkPrerequisites, prerequisiteCycles } from './check-prerequisites.ts';
import { isInside } from '../paths.ts';

/** One page with its text and the facts its render (or the same extractor) recorded. */
export interface CheckedPage {
  /** POSIX path relative to the docs folder. */
  file: string;
  source: string;
  facts: DocumentFacts;
}

export interface CheckSiteOptions {
  base: string;
  slugRules: SlugRules;
  requireDescriptions: boolean;
  /** Production builds leave drafts out: links from published pages to drafts are problems there. */
  production: boolean;
  /** How a docs-relative path is named in messages, e.g. `content/docs/` + path. */
  display: (pathFromDocsDir: string) => string;
  /** What is wrong with an image file, if anything. */
  checkAsset: AssetCheck;
  /** Whether a file exists, by its POSIX path relative to the docs folder (may start with `../`). */
  fileExists: (pathFromDocsDir: string) => boolean;
  /** Site paths served besides the pages: `/resources/`, files in public/. */
  isOtherRoute: (sitePath: string) => boolean;
  /** Ids in links.yaml, for `../links.yaml#id` links; undefined when there is no list. */
  resourceIds?: Set<string>;
  /** Pages the inventory refused (each has its own problem). */
  refused?: ReadonlySet<string>;
}

const DRAFT_HOME_PAGE = 'is the home page and says "draft: true": the site would have no home page while every page links to it. Remove "draft: true".';

/** How a docs-relative file is named in messages: relative to the project, `content/docs/a.md`. */
function docsDisplay(docsDir: string, rootDir: string): (file: string) => string {
  const shownDocsDir = path.relative(rootDir, docsDir).split(path.sep).join('/');
  return (file) => path.posix.join(shownDocsDir, file);
}

/** Checks every page against the others, from their facts alone: nothing here parses Markdown. */
function checkSite(pages: CheckedPage[], options: CheckSiteOptions): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (file: string, list: LocalProblem[]) => {
    for (const problem of list) problems.push({ file: options.display(file), line: problem.line, message: problem.message });
  };
  const frontmatter = pages.map((page) => checkFrontmatter(findFrontmatter(page.source), options));
  const index: PageLinkIndex = {
    pages: new Map(pages.map((page, i) => [page.file, { anchors: new Set(page.facts.anchors), draft: frontmatter[i]!.draft }])),
    folders: buildFolderSet(pages.map((page) => page.file)),
    slugRules: options.slugRules,
    fileExists: options.fileExists,
    display: options.display,
    production: options.production,
    resourceIds: options.resourceIds,
    base: options.base,
    pagesByPath: new Map(pages.map((page) => [pagePath(slugFromContentPath(page.file, options.slugRules)), page.file])),
    isOtherRoute: options.isOtherRoute,
    refused: options.refused,
  };

  const cycles = prerequisiteCycles(
    pages.map((page, i) => ({ file: page.file, prerequisites: frontmatter[i]!.prerequisites ?? [] })),
    index,
  );
  pages.forEach((page, i) => {
    report(page.file, cycles.get(page.file) ?? []);
    const { draft, draftLine, problems: frontmatterProblems } = frontmatter[i]!;
    report(page.file, frontmatterProblems);
    if (draft && slugFromContentPath(page.file, options.slugRules) === '') {
      report(page.file, [{ line: draftLine ?? 1, message: DRAFT_HOME_PAGE }]);
    }
    report(page.file, page.facts.problems);
    report(page.file, checkPageLinks(page.facts, draft, index));
    report(page.file, checkLinkCredentials(page.facts));
    report(page.file, checkPrerequisites(page.facts, frontmatter[i]!.prerequisites ?? [], draft, index));
    report(page.file, checkImages(page.facts, options.checkAsset, options.base));
    report(page.file, missingImports(page.facts, options.fileExists));
  });
  return sortProblems(problems);
}

/**
 * Relative imports of an .mdx page that name no file. Vite would stop the build on them too, but
 * naming a line of the compiled page; the page's own line is here.
 */
function missingImports(facts: DocumentFacts, fileExists: (pathFromDocsDir: string) => boolean): LocalProblem[] {
  return facts.imports.flatMap(({ href, line }) => {
    if (!href.startsWith('./') && !href.startsWith('../')) return [];
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(facts.file), href.replace(/[?#].*$/, '')));
    if (fileExists(target)) return [];
    return [{ line, message: `imports "${href}", which does not exist. Fix the path, or add the file.` }];
  });
}

function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Site paths the site itself serves, besides its content pages. */
const OWN_ROUTES = new Set([`/${RESOURCES_SLUG}/`, '/robots.txt', '/sitemap-index.xml', '/404.html']);

export interface ValidateDocumentsOptions {
  base: string;
  /** Default: number prefixes stripped, as the site config defaults. */
  slugRules?: SlugRules;
  requireDescriptions?: boolean;
  production: boolean;
  /** Whether a file exists, by its POSIX path relative to the docs folder (images may sit outside it: `../x.png`). */
  fileExists: (pathFromDocsDir: string) => boolean;
  display: (pathFromDocsDir: string) => string;
  resourceIds?: Set<string>;
}

/** Checks in-memory pages (tests and the corpus generator): facts come from the same extractor. */
export function validateDocuments(documents: { file: string; source: string }[], options: ValidateDocumentsOptions): ContentProblem[] {
  const pages = documents.map((doc) => ({ ...doc, facts: factsFromSource({ ...doc, format: doc.file.toLowerCase().endsWith('.mdx') ? ('mdx' as const) : ('md' as const) }) }));
  const slugRules = options.slugRules ?? DEFAULT_SLUG_RULES;
  const problems = checkSite(pages, {
    base: options.base,
    slugRules,
    requireDescriptions: options.requireDescriptions ?? false,
    production: options.production,
    fileExists: options.fileExists,
    display: options.display,
    resourceIds: options.resourceIds,
    checkAsset: (location) => (location.in === 'docs' && !options.fileExists(location.path) ? `does not exist (expected at ${options.display(location.path)}). Fix the path, or put the image file there.` : undefined),
    isOtherRoute: (sitePath) => OWN_ROUTES.has(sitePath),
  });
  for (const clash of findUrlClashes(documents.map((doc) => doc.file), options.base, slugRules)) {
    const others = clash.others.map((other) => options.display(other)).join(' and ');
    problems.push({ file: options.display(clash.file), message: `has the same URL (${clash.url}) as ${others}, so one would overwrite the other. Rename or move one of them.` });
  }
  for (const clash of findFolderClashes(documents.map((doc) => doc.file), options.base, slugRules)) {
    problems.push({ file: options.display(clash.folder), message: folderClashMessage(clash.url, clash.others.map((other) => options.display(other))) });
  }
  return sortProblems(problems);
}

export interface ValidateContentOptions {
  /** Absolute path of the docs folder. */
  docsDir: string;
  base: string;
  /** File names in messages are relative to this folder (default: the project root). */
  rootDir?: string;
  production?: boolean;
  /** The build's content session: facts the renderer recorded, and the rules for MDX. */
  session?: ContentSession;
  /** Problems found while Astro loaded or rendered pages (the loader's errors), by docs-relative file. */
  loadProblems?: ContentProblem[];
  /** The inventory taken before Astro loaded the content: a build reads every page once, not twice. */
  inventory?: Inventory;
  /** How file names become URLs; default: the session's, else number prefixes stripped. */
  slugRules?: SlugRules;
}

/** The inventory of the docs folder, with file names shown relative to `rootDir`. */
export function takeInventory({ docsDir, rootDir = projectRoot, slugRules = DEFAULT_SLUG_RULES }: Pick<ValidateContentOptions, 'docsDir' | 'rootDir' | 'slugRules'>): Inventory {
  const display = docsDisplay(docsDir, rootDir);
  return buildInventory({ docsDir, contentDir: path.dirname(docsDir), display, reservedSlugs: SITE_RESERVED_SLUGS, slugRules });
}

/** Checks an image file: inside the folders the site publishes, present, readable, and (SVG) safe. */
function makeAssetCheck({ docsDir, contentDir, publicDir, display }: { docsDir: string; contentDir: string; publicDir: string; display: (file: string) => string }): AssetCheck {
  const seen = new Map<string, string | undefined>();
  return (location) => {
    const absolute = location.in === 'docs' ? path.join(docsDir, location.path) : path.join(publicDir, location.path);
    if (seen.has(absolute)) return seen.get(absolute);
    const shown = location.in === 'docs' ? display(location.path) : path.posix.join('public', location.path);
    let problem = checkAssetFile(absolute, contentDir, publicDir);
    if (problem) problem = `${problem} (${shown}).${/does not exist/.test(problem) ? ' Fix the path, or put the image file there.' : ''}`;
    else if (absolute.toLowerCase().endsWith('.svg')) {
      const [first, ...rest] = checkSvg(readFileSync(absolute, 'utf8'));
      if (first) problem = `is not safe to publish: ${shown}:${first.line} ${first.message}${rest.length > 0 ? ` (and ${rest.length} more)` : ''}`;
    }
    seen.set(absolute, problem);
    return problem;
  };
}

/** Whether `sitePath` is a file in public/ (and really inside it). */
function isPublicFile(publicDir: string, sitePath: string): boolean {
  const file = path.join(publicDir, sitePath);
  if (!existsSync(file)) return false;
  try {
    return statSync(file).isFile() && isInside(realpathSync(publicDir), realpathSync(file));
  } catch {
    return false;
  }
}

/**
 * Finds every page (the inventory), takes each page's facts from the render that recorded them (or,
 * when Astro served the page from its cache, from the same extractor), and checks the whole site.
 */
export function validateContent({ docsDir, base, rootDir = projectRoot, production = false, session, loadProblems = [], inventory: taken, slugRules = session?.slugRules ?? DEFAULT_SLUG_RULES }: ValidateContentOptions): ContentProblem[] {
  const contentDir = session?.contentDir ?? path.dirname(docsDir);
  const publicDir = session?.publicDir ?? path.join(rootDir, 'public');
  const display = docsDisplay(docsDir, rootDir);
  const inventory = taken ?? buildInventory({ docsDir, contentDir, display, reservedSlugs: SITE_RESERVED_SLUGS, slugRules });
  const pages = inventory.pages.map((page) => ({ file: page.file, source: page.source, facts: factsOf(page, docsDir, session) }));
  const linksFile = path.join(contentDir, 'links.yaml');
  const resources = readResources(linksFile);
  const isOtherRoute = (sitePath: string) => OWN_ROUTES.has(sitePath) || isPublicFile(publicDir, sitePath);
  const problems = checkSite(pages, {
    base,
    slugRules,
    requireDescriptions: session?.requireDescriptions ?? false,
    production,
    display,
    fileExists: (file) => existsSync(path.join(docsDir, file)),
    resourceIds: resources && new Set(resources.map(({ resource }) => resource.id)),
    checkAsset: makeAssetCheck({ docsDir, contentDir, publicDir, display }),
    isOtherRoute,
    refused: new Set(inventory.refused),
  });
  const published = new Set(inventory.pages.filter((page) => !(production && isDraft(page.source))).map((page) => pagePath(page.slug)));
  const resourceProblems = checkResourceSitePaths(resources ?? [], shownLinksFile(linksFile, rootDir), (sitePath) => published.has(sitePath) || isOtherRoute(sitePath));
  return sortProblems([...inventory.problems, ...loadProblems, ...problems, ...resourceProblems]);
}

function factsOf(page: InventoryPage, docsDir: string, session: ContentSession | undefined): DocumentFacts {
  const absolute = path.join(docsDir, page.file);
  const recorded = session?.store.get(absolute, page.hash);
  if (recorded) return recorded;
  const facts = factsFromSource(page, session?.mdxRules);
  session?.store.record(absolute, page.hash, facts);
  return facts;
}

/** The content files of the docs folder, as the inventory finds them (POSIX, relative, sorted). */
export function listContentFiles(docsDir: string): string[] {
  // Only the file list is used: how names become URLs does not change which files are pages.
  const inventory = buildInventory({ docsDir, contentDir: path.dirname(docsDir), display: (file) => file, reservedSlugs: new Map(), slugRules: DEFAULT_SLUG_RULES });
  return inventory.pages.map((page) => page.file).sort();
}

/** The curated resources that parse, to check `links.yaml#id` links and site paths; its own errors are reported by the build. */
function readResources(file: string): LocatedResource[] | undefined {
  if (!existsSync(file)) return undefined;
  return parseResources(readFileSync(file, 'utf8'), file).resources;
}

/** Whether a page's frontmatter says `draft: true`, as the frontmatter check reads it. */
function isDraft(source: string): boolean {
  return checkFrontmatter(findFrontmatter(source)).draft;
}

/**
 * What can be known before Astro reads anything: the inventory (names, URLs, encodings, symlinks,
 * sizes) and every page's frontmatter. Astro's own loading would trip over these first, with a
 * stack trace, a dropped page or an exploding YAML alias.
 */
export function validateBeforeLoading({
  docsDir,
  rootDir = projectRoot,
  inventory = takeInventory({ docsDir, rootDir }),
  requireDescriptions = false,
}: Pick<ValidateContentOptions, 'docsDir' | 'rootDir' | 'inventory'> & { requireDescriptions?: boolean }): BeforeLoading {
  const display = docsDisplay(docsDir, rootDir);
  const problems = [...inventory.problems];
  const withoutDescription: string[] = [];
  for (const page of inventory.pages) {
    const { draft, draftLine, hasDescription, problems: found } = checkFrontmatter(findFrontmatter(page.source), { requireDescriptions });
    if (!hasDescription && found.length === 0) withoutDescription.push(display(page.file));
    for (const problem of found) problems.push({ file: display(page.file), ...problem });
    if (draft && page.slug === '') {
      problems.push({ file: display(page.file), line: draftLine ?? 1, message: DRAFT_HOME_PAGE });
    }
    const deepest = deepestPrefix(page.source);
    if (deepest.depth > MAX_NESTING_DEPTH) problems.push({ file: display(page.file), line: deepest.line, message: NESTING_ADVICE });
  }
  if (!inventory.pages.some((page) => page.slug === '') && !inventory.refused.some((file) => /^index\.mdx?$/.test(file))) {
    problems.push({ file: display('index.md'), message: MISSING_HOME_PAGE });
  }
  return { problems: sortProblems(problems), withoutDescription };
}

const MISSING_HOME_PAGE =
  'is missing: every site needs a home page, and every page links to it. Create it with frontmatter that gives it a title (---, then title: Welcome, then ---) and a few lines that say what the site teaches.';

export interface BeforeLoading {
  problems: ContentProblem[];
  /** Pages whose description comes from their first paragraph (shown names), for one warning. */
  withoutDescription: string[];
}
