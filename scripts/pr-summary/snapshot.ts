import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { toText } from 'hast-util-to-text';
import { joinBase, pagePath, RESOURCES_SLUG } from '../../src/core/urls.ts';
import { listFiles, listPages, sitePathUnderBase } from '../quality/dist.ts';
import { readReferences } from '../quality/html-refs.ts';
import { overBudget, pageBudget, pageWeight } from '../quality/page-weight.ts';
import { readSitemap } from '../quality/sitemap.ts';
import { Page } from '../support/html-page.ts';

/** Where a build is published: needed to tell this site's own absolute URLs from other sites'. */
export interface BuildAddress {
  /** Base path, '/' or '/docker-learning'. */
  base: string;
  /** Origin, 'https://owner.github.io'. */
  site: string;
}

/** A link in a built page to another path of the same site. */
export interface InternalLink {
  /** Site path without base, query or fragment: '/guide/first/'. */
  target: string;
  line: number;
}

export interface PageSnapshot {
  /** '/guide/first/' (without the base path). */
  sitePath: string;
  /** The <h1>, or the <title> when a page has none (the 404 page). */
  title: string;
  /** Words of the article, as the reader sees them (code included). */
  words: number;
  /** Hash of the article's text and link and image targets: equal means the page's content did not change. */
  contentHash: string;
  /** Three-word runs of the article text: how a moved page is recognised at its new address. */
  shingles: Set<string>;
  /** First-view gzip bytes (HTML, CSS, JS), as the page-weight gate measures them. */
  firstView: number;
  /** What is past the page's own budget; empty when it fits or has none. */
  overBudget: string[];
  /** Same-site links (and asset references) the page makes. */
  links: InternalLink[];
}

/** One entry of the sidebar: a page link, or a section with its entries. */
export interface SidebarNode {
  /** The site path it links to, or `section:<id>` for a section without a landing page. */
  key: string;
  label: string;
  children: SidebarNode[];
}

/** A curated resource as the Learning resources page shows it. */
export interface ResourceSnapshot {
  id: string;
  title: string;
  /** Where the card links: the resource's URL, or a site path for one of our own pages. */
  url: string;
}

export interface SearchIndexSize {
  /** Bytes of everything under pagefind/: the index and Pagefind's own code. */
  totalBytes: number;
  /** Bytes of the index alone (meta, index chunks, fragments, filters): what grows with content. */
  indexBytes: number;
  /** Pages and resources Pagefind indexed, from pagefind-entry.json. */
  entries: number;
}

export interface BuildSnapshot {
  pages: Map<string, PageSnapshot>;
  sidebar: SidebarNode[];
  resources: ResourceSnapshot[];
  search?: SearchIndexSize;
  /** Site paths the sitemap lists. */
  sitemap: string[];
}

export class BuildReadError extends Error {}

/**
 * Everything the pull-request summary compares, read from one built site folder. Reads only the
 * build, so two builds can be compared wherever they came from (a CI artifact, a local worktree).
 */
export async function readBuild(distDir: string, address: BuildAddress): Promise<BuildSnapshot> {
  if (!existsSync(distDir) || !statSync(distDir).isDirectory())
    throw new BuildReadError(`${distDir} is not a folder: build the site first (npm run build).`);
  const builtPages = listPages(distDir);
  if (builtPages.length === 0) throw new BuildReadError(`${distDir} holds no HTML pages: build the site first (npm run build).`);

  const pages = new Map<string, PageSnapshot>();
  const sidebar: SidebarNode[] = [];
  let resources: ResourceSnapshot[] = [];
  for (const built of builtPages) {
    const html = readFileSync(built.file, 'utf8');
    const page = new Page(html);
    const weight = await pageWeight(distDir, built.sitePath, address.base).catch((error: Error) => {
      throw new BuildReadError(`${path.join(distDir, built.relative)}: ${error.message}; is the build complete, and built for base ${address.base}?`);
    });
    const budget = pageBudget(weight);
    const found = page.one('article[data-pagefind-body]') ?? page.one('main') ?? page.one('body');
    // The resources list is indexed as records of its own, so the page marks all of it ignored.
    const article = found && built.sitePath !== pagePath(RESOURCES_SLUG) ? withoutChrome(found) : found;
    // As the reader sees it: blocks apart, so "Home" and a paragraph after it are two words, not one.
    const text = article ? toText(article) : '';
    const words = wordsOf(text, page.attr('html', 'lang') ?? 'en');
    pages.set(built.sitePath, {
      sitePath: built.sitePath,
      title: page.text('h1') || page.text('head title'),
      words: words.length,
      contentHash: createHash('sha256')
        .update(article ? contentOf(article) : '')
        .digest('hex'),
      shingles: shinglesOf(words),
      firstView: weight.total,
      overBudget: budget ? overBudget(weight, budget) : [],
      links: internalLinks(html, built.sitePath, address),
    });
    const nav = page.one('nav#site-nav > ul');
    if (nav) mergeSidebar(sidebar, readSidebar(nav, address.base));
    if (built.sitePath === pagePath(RESOURCES_SLUG)) resources = readResources(page);
  }

  const sitemap = (readSitemap(distDir, address)?.urls ?? []).flatMap((url) => {
    const target = sitePathOfUrl(url, address);
    return target === undefined ? [] : [target];
  });
  return { pages, sidebar, resources, search: searchIndexSize(distDir), sitemap };
}

/**
 * The article without what the site adds around every lesson (reading time, "I have finished this
 * lesson", the course progress): the parts marked data-pagefind-ignore, which search leaves out for
 * the same reason. A new page elsewhere in the course would otherwise change every page. Knowledge
 * checks are kept: search skips them only to hide their answers, but they are the author's text.
 */
function withoutChrome(element: Element): Element {
  const keep = (node: ElementContent): boolean =>
    node.type !== 'element' || node.properties?.dataPagefindIgnore === undefined || node.properties?.dataKnowledgeCheck !== undefined;
  const copy = (node: Element): Element => ({
    ...node,
    children: node.children.filter(keep).map((child) => (child.type === 'element' ? copy(child) : child)),
  });
  return copy(element);
}

/**
 * What a reader gets from an article: its text and where its links and images point. Styling is
 * left out on purpose: the same page built twice can differ in its code highlighting's colours,
 * and a change to a component's classes is not a change to every page's content.
 */
function contentOf(article: Element): string {
  const targets = selectAll('[href], [src]', article).map((element) => `${element.properties?.href ?? ''} ${element.properties?.src ?? ''}`);
  return [toString(article), ...targets].join('\n');
}

const segmenters = new Map<string, Intl.Segmenter>();

/** Words as the page's language splits them, lower-cased: punctuation and spaces are not words. */
export function wordsOf(text: string, lang: string): string[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  const words: string[] = [];
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words.push(segment.segment.toLowerCase());
  return words;
}

/** Runs of three words; a page of fewer words is its words. */
export function shinglesOf(words: string[]): Set<string> {
  if (words.length < 3) return new Set(words);
  const shingles = new Set<string>();
  for (let index = 0; index + 3 <= words.length; index++) shingles.add(`${words[index]} ${words[index + 1]} ${words[index + 2]}`);
  return shingles;
}

const RESOLVER_ORIGIN = 'http://dist.invalid';
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The site path (without base) of an absolute URL on this site, or undefined for another site. */
function sitePathOfUrl(url: string, address: BuildAddress): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== new URL(address.site).origin) return undefined;
  return sitePathUnderBase(address.base, decodePath(parsed.pathname));
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/**
 * Links to this site from a page, relative ones and absolute ones on the site's origin alike (an
 * author may write the full address of one of our pages). The canonical link names the page itself
 * and is left out: it always follows the page.
 */
function internalLinks(html: string, sitePath: string, address: BuildAddress): InternalLink[] {
  const pageUrl = new URL(joinBase(address.base, sitePath), RESOLVER_ORIGIN);
  const links: InternalLink[] = [];
  for (const reference of readReferences(html).references) {
    if (reference.url === '' || reference.url.startsWith('#')) continue;
    let resolved: URL;
    try {
      resolved = new URL(reference.url, pageUrl);
    } catch {
      continue; // Not a URL a browser could follow: the built-link gate reports it.
    }
    const absolute = SCHEME.test(reference.url) || reference.url.startsWith('//');
    const target = absolute ? sitePathOfUrl(resolved.href, address) : sitePathUnderBase(address.base, decodePath(resolved.pathname));
    if (target === undefined || target === sitePath) continue;
    links.push({ target, line: reference.line });
  }
  return links;
}

function elementChildren(element: Element): Element[] {
  return element.children.filter((child: ElementContent): child is Element => child.type === 'element');
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties?.className;
  return Array.isArray(classes) && classes.includes(name);
}

/** Text of an element without the page count a collapsed section shows next to its name. */
function labelOf(element: Element): string {
  const copy: Element = { ...element, children: element.children.filter((child) => !(child.type === 'element' && hasClass(child, 'nav-count'))) };
  return toString(copy).replace(/\s+/g, ' ').trim();
}

/** One page's sidebar (a <ul> of SidebarEntries.astro): only the current section is expanded. */
function readSidebar(list: Element, base: string): SidebarNode[] {
  const nodes: SidebarNode[] = [];
  for (const item of elementChildren(list).filter((child) => child.tagName === 'li')) {
    const parts = elementChildren(item);
    const head = parts.find((part) => part.tagName === 'a' || part.tagName === 'span');
    if (!head) continue;
    const href = head.properties?.href;
    const key =
      typeof href === 'string'
        ? (sitePathUnderBase(base, decodePath(new URL(href, RESOLVER_ORIGIN).pathname)) ?? href)
        : `section:${String(head.properties?.id ?? labelOf(head))}`;
    const sublist = parts.find((part) => part.tagName === 'ul');
    nodes.push({ key, label: labelOf(head), children: sublist ? readSidebar(sublist, base) : [] });
  }
  return nodes;
}

/**
 * Adds one page's view of the sidebar to the whole tree: each page shows the entries of its own
 * section, so the union over every page is the full sidebar.
 */
export function mergeSidebar(into: SidebarNode[], from: SidebarNode[]): void {
  for (const node of from) {
    const existing = into.find((candidate) => candidate.key === node.key);
    if (existing) mergeSidebar(existing.children, node.children);
    else into.push({ key: node.key, label: node.label, children: node.children.map((child) => ({ ...child, children: [...child.children] })) });
  }
}

function readResources(page: Page): ResourceSnapshot[] {
  return page.all('article.resource').map((card) => {
    const link = elementChildren(card)
      .flatMap((child) => (hasClass(child, 'resource-title') ? elementChildren(child) : []))
      .find((child) => child.tagName === 'a');
    return {
      id: String(card.properties?.id ?? ''),
      title: link ? toString(link).replace(/\s+/g, ' ').trim() : '',
      url: String(link?.properties?.href ?? ''),
    };
  });
}

/** Pagefind's code is the same whatever the content; the rest is the index. */
const PAGEFIND_CODE = /(^|\/)(pagefind[^/]*\.(js|css)|wasm\.[^/]+\.pagefind)$/;

function searchIndexSize(distDir: string): SearchIndexSize | undefined {
  const dir = path.join(distDir, 'pagefind');
  if (!existsSync(dir)) return undefined;
  let totalBytes = 0;
  let indexBytes = 0;
  for (const file of listFiles(dir)) {
    const bytes = statSync(path.join(dir, file)).size;
    totalBytes += bytes;
    if (!PAGEFIND_CODE.test(file)) indexBytes += bytes;
  }
  let entries = 0;
  try {
    const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: number }> };
    for (const language of Object.values(entry.languages ?? {})) entries += language.page_count ?? 0;
  } catch {
    // An index without its entry file still has a size; the count stays 0.
  }
  return { totalBytes, indexBytes, entries };
}
