import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../env.ts';
import type { ContentProblem } from '../problems.ts';
import { checkResourceSitePaths, parseResources, type LocatedResource } from '../resources.ts';
import { shownLinksFile } from '../links-file.ts';
import { DEFAULT_SLUG_RULES, pagePath, RESOURCES_SLUG, slugFromContentPath, type SlugRules } from '../urls.ts';
import type { DocumentFacts } from '../content/facts.ts';
import { buildInventory, checkAssetFile, SITE_RESERVED_SLUGS, type Inventory, type InventoryPage } from '../content/inventory.ts';
import { factsFromSource } from '../content/parse.ts';
import type { ContentSession } from '../content/session.ts';
import { deepestPrefix, findFrontmatter } from '../content/source.ts';
import { MAX_NESTING_DEPTH, NESTING_ADVICE } from '../content/facts.ts';
import { checkSvg } from '../security/svg-policy.ts';
import { checkFrontmatter, type FrontmatterResult, type FrontmatterRules, type LocalProblem } from './check-frontmatter.ts';
import { checkImages, type AssetCheck } from './check-images.ts';
import { buildFolderSet, checkPageLinks, type PageLinkIndex } from './check-page-links.ts';
import { checkLinkCredentials } from './check-link-credentials.ts';
import { checkPrerequisites, prerequisiteCycles } from './check-prerequisites.ts';
import { isInside } from '../paths.ts';

/** One page with the facts its render (or the same extractor) recorded. */
interface CheckedPage {
  /** POSIX path relative to the docs folder. */
  file: string;
  facts: DocumentFacts;
}

interface CheckSiteOptions {
  base: string;
  slugRules: SlugRules;
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

const DRAFT_HOME_PAGE =
  'is the home page and says "draft: true": the site would have no home page while every page links to it. Remove "draft: true".';

/** How a docs-relative file is named in messages: relative to the project, `content/docs/a.md`. */
function docsDisplay(docsDir: string, rootDir: string): (file: string) => string {
  const shownDocsDir = path.relative(rootDir, docsDir).split(path.sep).join('/');
  return (file) => path.posix.join(shownDocsDir, file);
}

/**
 * A page's own frontmatter problems, and a draft home page: what the first reading of the content
 * finds, before Astro loads anything.
 */
function frontmatterProblems(page: { file: string; slug: string }, read: FrontmatterResult, display: (file: string) => string): ContentProblem[] {
  const problems = read.problems.map((problem) => ({ file: display(page.file), ...problem }));
  if (read.draft && page.slug === '') problems.push({ file: display(page.file), line: read.draftLine ?? 1, message: DRAFT_HOME_PAGE });
  return problems;
}

/**
 * Checks every page against the others, from their facts and the frontmatter read before:
 * nothing here parses Markdown or reads frontmatter again, and nothing the frontmatter check
 * reported is reported twice.
 */
function checkSite(pages: CheckedPage[], frontmatter: ReadonlyMap<string, FrontmatterResult>, options: CheckSiteOptions): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (file: string, list: LocalProblem[]) => {
    for (const problem of list) problems.push({ file: options.display(file), line: problem.line, message: problem.message });
  };
  const read = (file: string) => frontmatter.get(file)!;
  const index: PageLinkIndex = {
    pages: new Map(pages.map((page) => [page.file, { anchors: new Set(page.facts.anchors), draft: read(page.file).draft }])),
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
    pages.map((page) => ({ file: page.file, prerequisites: read(page.file).prerequisites ?? [] })),
    index,
  );
  for (const page of pages) {
    const { draft, prerequisites = [] } = read(page.file);
    report(page.file, cycles.get(page.file) ?? []);
    report(page.file, page.facts.problems);
    report(page.file, checkPageLinks(page.facts, draft, index));
    report(page.file, checkLinkCredentials(page.facts));
    report(page.file, checkPrerequisites(page.facts, prerequisites, draft, index));
    report(page.file, checkImages(page.facts, options.checkAsset, options.base));
    report(page.file, missingImports(page.facts, options.fileExists));
  }
  return problems;
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

/**
 * The list as an author reads it: by file and line, and the same mistake written twice on one line
 * (two identical links side by side) once, since one fix mends both.
 */
function listProblems(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  const once = problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.message]);
    return !seen.has(key) && seen.add(key);
  });
  return once.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Site paths the site itself serves, besides its content pages. */
const OWN_ROUTES = new Set([`/${RESOURCES_SLUG}/`, '/robots.txt', '/sitemap-index.xml', '/404.html']);

export interface ValidateContentOptions {
  /** Absolute path of the docs folder. */
  docsDir: string;
  base: string;
  /** File names in messages are relative to this folder (default: the project root). */
  rootDir?: string;
  production?: boolean;
  /** The build's content session: facts the renderer recorded, and the rules for MDX. */
  session?: ContentSession;
  /** How file names become URLs; default: the session's, else number prefixes stripped. */
  slugRules?: SlugRules;
  /** Whether a page without a description is a problem; default: the session's, else not. */
  requireDescriptions?: boolean;
  /** The requirement names lessons may use (lessonRequirements); default: the session's, else not judged. */
  lessonRequirements?: readonly string[];
}

/** The inventory of the docs folder, with file names shown relative to `rootDir`. */
function takeInventory({ docsDir, rootDir, slugRules }: { docsDir: string; rootDir: string; slugRules: SlugRules }): Inventory {
  return buildInventory({
    docsDir,
    contentDir: path.dirname(docsDir),
    display: docsDisplay(docsDir, rootDir),
    reservedSlugs: SITE_RESERVED_SLUGS,
    slugRules,
  });
}

/** Every page's frontmatter, read once, by docs-relative file. */
function readFrontmatter(inventory: Inventory, rules: FrontmatterRules): Map<string, FrontmatterResult> {
  return new Map(inventory.pages.map((page) => [page.file, checkFrontmatter(findFrontmatter(page.source), rules)]));
}

/** Checks an image file: inside the folders the site publishes, present, readable, and (SVG) safe. */
function makeAssetCheck({
  docsDir,
  contentDir,
  publicDir,
  display,
}: {
  docsDir: string;
  contentDir: string;
  publicDir: string;
  display: (file: string) => string;
}): AssetCheck {
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
 * The whole check at once, for `astro dev` and the tests: the inventory, each page's frontmatter,
 * and everything validateAfterRendering checks (from recorded facts, or the same extractor).
 */
export function validateContent({
  docsDir,
  base,
  rootDir = projectRoot,
  production = false,
  session,
  slugRules = session?.slugRules ?? DEFAULT_SLUG_RULES,
  requireDescriptions = session?.requireDescriptions ?? false,
  lessonRequirements = session?.lessonRequirements,
}: ValidateContentOptions): ContentProblem[] {
  const inventory = takeInventory({ docsDir, rootDir, slugRules });
  const frontmatter = readFrontmatter(inventory, { requireDescriptions, lessonRequirements });
  const display = docsDisplay(docsDir, rootDir);
  const read = inventory.pages.flatMap((page) => frontmatterProblems(page, frontmatter.get(page.file)!, display));
  const after = validateAfterRendering(
    { inventory, frontmatter, tooDeep: new Set() },
    { docsDir, base, rootDir, production, session, slugRules, lessonRequirements },
  );
  return listProblems([...inventory.problems, ...read, ...after]);
}

/**
 * What only the pages' facts can show (links, anchors, images, imports, author HTML, prerequisites,
 * links.yaml's site paths), taking each page's facts from the render that recorded them (or, when
 * Astro served the page from its cache, from the same extractor). The inventory and frontmatter come
 * from the first reading and their problems are not repeated; a page refused as too deeply nested
 * is not parsed again.
 */
export function validateAfterRendering(
  before: Pick<BeforeLoading, 'inventory' | 'frontmatter' | 'tooDeep'>,
  {
    docsDir,
    base,
    rootDir = projectRoot,
    production = false,
    session,
    slugRules = session?.slugRules ?? DEFAULT_SLUG_RULES,
    lessonRequirements = session?.lessonRequirements,
  }: ValidateContentOptions,
): ContentProblem[] {
  const { inventory, frontmatter, tooDeep } = before;
  const contentDir = session?.contentDir ?? path.dirname(docsDir);
  const publicDir = session?.publicDir ?? path.join(rootDir, 'public');
  const display = docsDisplay(docsDir, rootDir);
  const pages = inventory.pages.map((page) => ({
    file: page.file,
    facts: tooDeep.has(page.file) ? noFacts(page.file) : factsOf(page, docsDir, session, lessonRequirements),
  }));
  const linksFile = path.join(contentDir, 'links.yaml');
  const resources = readResources(linksFile);
  const isOtherRoute = (sitePath: string) => OWN_ROUTES.has(sitePath) || isPublicFile(publicDir, sitePath);
  const problems = checkSite(pages, frontmatter, {
    base,
    slugRules,
    production,
    display,
    fileExists: (file) => existsSync(path.join(docsDir, file)),
    resourceIds: resources && new Set(resources.map(({ resource }) => resource.id)),
    checkAsset: makeAssetCheck({ docsDir, contentDir, publicDir, display }),
    isOtherRoute,
    refused: new Set(inventory.refused),
  });
  const published = new Set(inventory.pages.filter((page) => !(production && frontmatter.get(page.file)!.draft)).map((page) => pagePath(page.slug)));
  const resourceProblems = checkResourceSitePaths(
    resources ?? [],
    shownLinksFile(linksFile, rootDir),
    (sitePath) => published.has(sitePath) || isOtherRoute(sitePath),
  );
  return listProblems([...problems, ...resourceProblems]);
}

/** A page with nothing to check: it was refused before loading, with its own problem. */
function noFacts(file: string): DocumentFacts {
  return { file, anchors: [], links: [], images: [], sources: [], imports: [], problems: [] };
}

function factsOf(
  page: InventoryPage,
  docsDir: string,
  session: ContentSession | undefined,
  lessonRequirements: readonly string[] | undefined,
): DocumentFacts {
  const absolute = path.join(docsDir, page.file);
  const recorded = session?.store.get(absolute, page.hash);
  if (recorded) return recorded;
  const facts = factsFromSource(page, { mdx: session?.mdxRules, lessonRequirements });
  session?.store.record(absolute, page.hash, facts);
  return facts;
}

/** The content files of the docs folder, as the inventory finds them (POSIX, relative, sorted). */
export function listContentFiles(docsDir: string): string[] {
  // Only the file list is used: how names become URLs does not change which files are pages.
  const inventory = buildInventory({
    docsDir,
    contentDir: path.dirname(docsDir),
    display: (file) => file,
    reservedSlugs: new Map(),
    slugRules: DEFAULT_SLUG_RULES,
  });
  return inventory.pages.map((page) => page.file).sort();
}

/** The curated resources that parse, to check `links.yaml#id` links and site paths; its own errors are reported by the build. */
function readResources(file: string): LocatedResource[] | undefined {
  if (!existsSync(file)) return undefined;
  return parseResources(readFileSync(file, 'utf8'), file).resources;
}

/**
 * What can be known before Astro reads anything: the inventory (names, URLs, encodings, symlinks,
 * sizes) and every page's frontmatter. Astro's own loading would trip over these first, with a
 * stack trace, a dropped page or an exploding YAML alias. The inventory and the frontmatter it read
 * are handed on, so validateAfterRendering reads neither again.
 */
export function validateBeforeLoading({
  docsDir,
  rootDir = projectRoot,
  slugRules = DEFAULT_SLUG_RULES,
  requireDescriptions = false,
  lessonRequirements,
}: Pick<ValidateContentOptions, 'docsDir' | 'rootDir' | 'slugRules'> & FrontmatterRules): BeforeLoading {
  const inventory = takeInventory({ docsDir, rootDir, slugRules });
  const frontmatter = readFrontmatter(inventory, { requireDescriptions, lessonRequirements });
  const display = docsDisplay(docsDir, rootDir);
  const problems = [...inventory.problems];
  const withoutDescription: string[] = [];
  const tooDeep = new Set<string>();
  for (const page of inventory.pages) {
    const read = frontmatter.get(page.file)!;
    if (!read.hasDescription && read.problems.length === 0) withoutDescription.push(display(page.file));
    problems.push(...frontmatterProblems(page, read, display));
    const deepest = deepestPrefix(page.source);
    if (deepest.depth > MAX_NESTING_DEPTH) {
      problems.push({ file: display(page.file), line: deepest.line, message: NESTING_ADVICE });
      tooDeep.add(page.file);
    }
  }
  if (!inventory.pages.some((page) => page.slug === '') && !inventory.refused.some((file) => /^index\.mdx?$/.test(file))) {
    problems.push({ file: display('index.md'), message: MISSING_HOME_PAGE });
  }
  return { problems: listProblems(problems), withoutDescription, inventory, frontmatter, tooDeep };
}

const MISSING_HOME_PAGE =
  'is missing: every site needs a home page, and every page links to it. Create it with frontmatter that gives it a title (---, then title: Welcome, then ---) and a few lines that say what the site teaches.';

export interface BeforeLoading {
  problems: ContentProblem[];
  /** Pages whose description comes from their first paragraph (shown names), for one warning. */
  withoutDescription: string[];
  /** The pages, read once for the whole build. */
  inventory: Inventory;
  /** Each page's frontmatter as read here, by docs-relative file. */
  frontmatter: ReadonlyMap<string, FrontmatterResult>;
  /** Pages refused as nested too deeply to parse (each has its problem here). */
  tooDeep: ReadonlySet<string>;
}
