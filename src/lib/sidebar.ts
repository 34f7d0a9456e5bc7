import GithubSlugger from 'github-slugger';

/** What the sidebar needs to know about a page; built from the docs collection. */
export interface SidebarPage {
  /** Collection id: the file path inside docs/ without extension ('vms/index', 'vms/hypervisors'). */
  id: string;
  /** URL slug without base ('' for the home page). */
  slug: string;
  title: string;
  label?: string;
  order?: number;
}

export interface SidebarLink {
  type: 'link';
  label: string;
  slug: string;
  current: boolean;
}

export interface SidebarSection {
  type: 'section';
  label: string;
  /** Folder path inside docs/ ('vms', 'guides/compose'). */
  path: string;
  /** The section's landing page (its index file), if it has one. */
  landing?: SidebarLink;
  /** Whether the current page lies inside this section: only then are its entries rendered. */
  expanded: boolean;
  /** Total pages inside, including nested sections; shown when collapsed so readers know what's there. */
  pageCount: number;
  children: SidebarEntry[];
  order?: number;
}

export type SidebarEntry = SidebarLink | SidebarSection;

const byOrderThenLabel = (a: { order?: number; label: string }, b: { order?: number; label: string }) =>
  (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY) || a.label.localeCompare(b.label);

function titleFromFolder(folder: string): string {
  const words = folder.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isIndex(id: string): boolean {
  return id === 'index' || id.endsWith('/index');
}

interface MutableSection extends SidebarSection {
  children: (SidebarEntry & { order?: number })[];
}

/** The navigation tree with nothing marked current, plus what marking needs. Built once per build. */
export interface SidebarTree {
  entries: SidebarEntry[];
  /** Slugs inside each section (by folder path), to decide which sections hold the current page. */
  sectionSlugs: Map<string, Set<string>>;
}

/**
 * Builds the navigation tree from the folder structure: a folder is a section, its index page the
 * section's landing page; entries sort by `sidebar.order`, then by label. The root index (home page)
 * is the first entry. Nothing is current or expanded yet: see markCurrent.
 */
export function buildSidebarTree(pages: SidebarPage[]): SidebarTree {
  const root: MutableSection = { type: 'section', label: '', path: '', expanded: true, pageCount: 0, children: [] };
  const sections = new Map<string, MutableSection>([['', root]]);

  const sectionFor = (folder: string): MutableSection => {
    const existing = sections.get(folder);
    if (existing) return existing;
    const parentPath = folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '';
    const parent = sectionFor(parentPath);
    const name = folder.slice(folder.lastIndexOf('/') + 1);
    const section: MutableSection = {
      type: 'section',
      label: titleFromFolder(name),
      path: folder,
      expanded: false,
      pageCount: 0,
      children: [],
    };
    parent.children.push(section);
    sections.set(folder, section);
    return section;
  };

  for (const page of pages) {
    const link: SidebarLink & { order?: number } = {
      type: 'link',
      label: page.label ?? page.title,
      slug: page.slug,
      current: false,
      order: page.order,
    };
    const folder = page.id.includes('/') ? page.id.slice(0, page.id.lastIndexOf('/')) : '';
    if (isIndex(page.id) && folder !== '') {
      const section = sectionFor(folder);
      section.landing = link;
      section.label = page.label ?? page.title;
      section.order = page.order;
    } else if (isIndex(page.id)) {
      root.children.push({ ...link, order: Number.NEGATIVE_INFINITY });
    } else {
      sectionFor(folder).children.push(link);
    }
  }

  const sectionSlugs = new Map<string, Set<string>>();
  const finish = (section: MutableSection): Set<string> => {
    section.children.sort(byOrderThenLabel);
    const slugs = new Set<string>(section.landing ? [section.landing.slug] : []);
    for (const child of section.children) {
      if (child.type === 'section') for (const slug of finish(child as MutableSection)) slugs.add(slug);
      else slugs.add(child.slug);
    }
    section.pageCount = slugs.size;
    sectionSlugs.set(section.path, slugs);
    return slugs;
  };
  finish(root);
  return { entries: root.children.map(stripOrder), sectionSlugs };
}

/**
 * The tree as one page shows it: its link current, the sections holding it expanded. Only the
 * path to the current page is copied, so this costs little however large the site is.
 */
export function markCurrent(tree: SidebarTree, currentSlug: string): SidebarEntry[] {
  const mark = (entries: SidebarEntry[]): SidebarEntry[] =>
    entries.map((entry) => {
      if (entry.type === 'link') return entry.slug === currentSlug ? { ...entry, current: true } : entry;
      if (!tree.sectionSlugs.get(entry.path)?.has(currentSlug)) return entry;
      const landing = entry.landing?.slug === currentSlug ? { ...entry.landing, current: true } : entry.landing;
      return { ...entry, expanded: true, landing, children: mark(entry.children) };
    });
  return mark(tree.entries);
}

function stripOrder(entry: SidebarEntry & { order?: number }): SidebarEntry {
  if (entry.type === 'link') {
    const { order: _order, ...link } = entry;
    return link;
  }
  const { order: _order, ...section } = entry as SidebarSection & { order?: number };
  return { ...section, landing: entry.landing ? (stripOrder(entry.landing) as SidebarLink) : undefined, children: entry.children.map(stripOrder) };
}

/** Pages in reading order: each section's landing page, then its entries. Drives previous/next links. */
export function readingOrder(entries: SidebarEntry[]): SidebarLink[] {
  return entries.flatMap((entry) =>
    entry.type === 'link' ? [entry] : [...(entry.landing ? [entry.landing] : []), ...readingOrder(entry.children)],
  );
}

/** Neighbours in reading order (computed once per build with readingOrder, not once per page). */
export function prevNext(order: SidebarLink[], currentSlug: string): { prev?: SidebarLink; next?: SidebarLink } {
  const index = order.findIndex((link) => link.slug === currentSlug);
  if (index === -1) return {};
  return { prev: order[index - 1], next: order[index + 1] };
}

/** Trail of sections above the current page, outermost first, for breadcrumbs. */
export function breadcrumbs(entries: SidebarEntry[], currentSlug: string): { label: string; slug?: string }[] {
  const walk = (list: SidebarEntry[], trail: { label: string; slug?: string }[]): { label: string; slug?: string }[] | undefined => {
    for (const entry of list) {
      if (entry.type === 'link') {
        if (entry.slug === currentSlug) return trail;
        continue;
      }
      const crumb = { label: entry.label, slug: entry.landing?.slug };
      if (entry.landing?.slug === currentSlug) return trail;
      const found = walk(entry.children, [...trail, crumb]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(entries, []) ?? [];
}

/** Unique, stable DOM id for a section's list (for aria-controls). */
export function sectionDomId(path: string): string {
  return `nav-${new GithubSlugger().slug(path.replace(/\//g, '-'))}`;
}

/** Label of the top-level section a page belongs to (its landing page included); undefined at the top level. */
export function topSectionLabel(entries: SidebarEntry[], slug: string): string | undefined {
  for (const entry of entries) {
    if (entry.type !== 'section') continue;
    if (entry.landing?.slug === slug || readingOrder(entry.children).some((link) => link.slug === slug)) return entry.label;
  }
  return undefined;
}
