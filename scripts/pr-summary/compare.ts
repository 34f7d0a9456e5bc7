import { resourceVerdict, type LinkReport, type ResourceVerdict } from './link-report.ts';
import { sidebarDiff } from './sidebar-diff.ts';
import type { BuildSnapshot, PageSnapshot, ResourceSnapshot, SearchIndexSize } from './snapshot.ts';

export interface PageRef {
  sitePath: string;
  title: string;
}

export interface MovedPage {
  from: PageRef;
  to: PageRef;
  /** Share of the old page's three-word runs the new one has too (Jaccard), 0 to 1. */
  similarity: number;
}

/** A page whose content changed, a new page (no `before`), or a page that went past its budget. */
export interface PageChange {
  sitePath: string;
  /** Where the page was before when it moved. */
  movedFrom?: string;
  before?: { title: string; words: number; firstView: number };
  after: { title: string; words: number; firstView: number };
  /** The article differs (always true for a new page); false for a page listed only for its budget. */
  contentChanged: boolean;
  /** Set when the page is past its budget and was not before (or grew further): what is over. */
  pastBudget: string[];
}

/** A removed or moved address that the new build still points to: an error. */
export interface StillLinked {
  sitePath: string;
  /** The page's new address when it moved. */
  movedTo?: string;
  /** Pages of the new build that link to it, with the line of the link in their HTML. */
  linkedFrom: { page: string; line: number }[];
  inSitemap: boolean;
}

export interface ResourceChange {
  change: 'added' | 'removed' | 'changed';
  resource: ResourceSnapshot;
  /** The URL before, when the entry kept its id but changed address. */
  previousUrl?: string;
  /** The changed-lines check's verdict (added and changed resources only). */
  check?: ResourceVerdict;
}

export interface SiteDiff {
  /** `unchanged`: pages at the same address with the same content. */
  pages: { added: PageRef[]; removed: PageRef[]; moved: MovedPage[]; unchanged: number };
  changed: PageChange[];
  stillLinked: StillLinked[];
  /** The sidebar changes as text-tree lines; empty when it is the same. */
  sidebar: string[];
  resources: ResourceChange[];
  search: { before?: SearchIndexSize; after?: SearchIndexSize };
}

/** Below this share of shared text, a removed page and an added one are two different pages. */
export const MOVED_SIMILARITY = 0.5;

export function similarity(a: PageSnapshot, b: PageSnapshot): number {
  if (a.contentHash === b.contentHash) return 1;
  if (a.shingles.size === 0 || b.shingles.size === 0) return 0;
  let shared = 0;
  for (const shingle of a.shingles) if (b.shingles.has(shingle)) shared++;
  return shared / (a.shingles.size + b.shingles.size - shared);
}

/**
 * Pairs removed and added pages that carry the same content (most alike first): a renamed file or
 * a page moved to another section, possibly edited on the way. Only what the builds hold is used,
 * so it works the same on two downloaded builds as on two checkouts.
 */
export function findMoves(removed: PageSnapshot[], added: PageSnapshot[], threshold = MOVED_SIMILARITY): MovedPage[] {
  const candidates = removed
    .flatMap((from) => added.map((to) => ({ from, to, score: similarity(from, to) })))
    .filter((pair) => pair.score >= threshold);
  candidates.sort((a, b) => b.score - a.score || a.from.sitePath.localeCompare(b.from.sitePath) || a.to.sitePath.localeCompare(b.to.sitePath));
  const taken = new Set<string>();
  const moves: MovedPage[] = [];
  for (const { from, to, score } of candidates) {
    if (taken.has(`from:${from.sitePath}`) || taken.has(`to:${to.sitePath}`)) continue;
    taken.add(`from:${from.sitePath}`).add(`to:${to.sitePath}`);
    moves.push({ from: ref(from), to: ref(to), similarity: score });
  }
  return moves.sort((a, b) => a.to.sitePath.localeCompare(b.to.sitePath));
}

const ref = (page: PageSnapshot): PageRef => ({ sitePath: page.sitePath, title: page.title });
const facts = (page: PageSnapshot) => ({ title: page.title, words: page.words, firstView: page.firstView });
const bySitePath = (a: { sitePath: string }, b: { sitePath: string }) => a.sitePath.localeCompare(b.sitePath);

/**
 * The address a static host answers for a link target: '/a/index.html' and '/a' are '/a/'. Files
 * with an extension ('/404.html', '/x.pdf') stay as they are.
 */
export function addressOf(target: string): string {
  if (target.endsWith('/index.html')) return target.slice(0, -'index.html'.length);
  const last = target.slice(target.lastIndexOf('/') + 1);
  return last === '' || last.includes('.') ? target : `${target}/`;
}

/** What one page's budget check says after, when it says more than before or the page grew. */
function newlyPastBudget(before: PageSnapshot | undefined, after: PageSnapshot): string[] {
  if (after.overBudget.length === 0) return [];
  if (!before || before.overBudget.length === 0 || after.firstView > before.firstView) return after.overBudget;
  return [];
}

/** Everything the summary reports, from the base build to the head build. */
export function compareBuilds(base: BuildSnapshot, head: BuildSnapshot, linkReport?: LinkReport): SiteDiff {
  const removedPages = [...base.pages.values()].filter((page) => !head.pages.has(page.sitePath));
  const addedPages = [...head.pages.values()].filter((page) => !base.pages.has(page.sitePath));
  const moved = findMoves(removedPages, addedPages);
  const movedFrom = new Map(moved.map((move) => [move.to.sitePath, move.from.sitePath]));
  const movedTo = new Map(moved.map((move) => [move.from.sitePath, move.to.sitePath]));

  const changed: PageChange[] = [];
  for (const page of head.pages.values()) {
    const oldPath = movedFrom.get(page.sitePath) ?? page.sitePath;
    const before = base.pages.get(oldPath);
    const pastBudget = newlyPastBudget(before, page);
    const contentChanged = !before || before.contentHash !== page.contentHash || oldPath !== page.sitePath;
    if (!contentChanged && pastBudget.length === 0) continue;
    changed.push({
      sitePath: page.sitePath,
      movedFrom: oldPath === page.sitePath ? undefined : oldPath,
      before: before && facts(before),
      after: facts(page),
      contentChanged,
      pastBudget,
    });
  }

  const gone = removedPages.map((page) => page.sitePath);
  const stillLinked: StillLinked[] = [];
  for (const sitePath of gone) {
    const linkedFrom = [...head.pages.values()].flatMap((page) =>
      page.links.filter((link) => addressOf(link.target) === sitePath).map((link) => ({ page: page.sitePath, line: link.line })),
    );
    const inSitemap = head.sitemap.some((listed) => addressOf(listed) === sitePath);
    if (linkedFrom.length > 0 || inSitemap) stillLinked.push({ sitePath, movedTo: movedTo.get(sitePath), linkedFrom, inSitemap });
  }

  return {
    pages: {
      added: addedPages
        .filter((page) => !movedFrom.has(page.sitePath))
        .map(ref)
        .sort(bySitePath),
      removed: removedPages
        .filter((page) => !movedTo.has(page.sitePath))
        .map(ref)
        .sort(bySitePath),
      moved,
      unchanged: [...head.pages.values()].filter((page) => base.pages.get(page.sitePath)?.contentHash === page.contentHash).length,
    },
    changed: changed.sort(bySitePath),
    stillLinked,
    sidebar: sidebarDiff(base.sidebar, head.sidebar, movedTo),
    resources: compareResources(base.resources, head.resources, linkReport),
    search: { before: base.search, after: head.search },
  };
}

export function compareResources(before: ResourceSnapshot[], after: ResourceSnapshot[], linkReport?: LinkReport): ResourceChange[] {
  const old = new Map(before.map((resource) => [resource.id, resource]));
  const now = new Set(after.map((resource) => resource.id));
  const changes: ResourceChange[] = [];
  for (const resource of after) {
    const was = old.get(resource.id);
    if (!was) changes.push({ change: 'added', resource, check: resourceVerdict(linkReport, resource) });
    else if (was.url !== resource.url)
      changes.push({ change: 'changed', resource, previousUrl: was.url, check: resourceVerdict(linkReport, resource) });
  }
  for (const resource of before) if (!now.has(resource.id)) changes.push({ change: 'removed', resource });
  return changes;
}
