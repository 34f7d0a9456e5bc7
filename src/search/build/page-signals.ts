import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { RESOURCES_SLUG } from '../../core/urls.ts';
import { STOP_WORDS, termStems } from '../ranking/terms.ts';

/**
 * What a page is for a learner, decided from where it sits (one definition, used only by search):
 * - landing: the home page and a section's own page (/hands-on/), which introduce and link;
 * - reference: pages under reference/ (quick reference, glossary), for looking things up;
 * - resource: the Learning resources page and each curated resource;
 * - concept: pages under concepts/, which explain ideas;
 * - lesson: everything else, the pages that teach by doing.
 */
export type PageKind = 'lesson' | 'concept' | 'reference' | 'resource' | 'landing';

/** The page kind of a URL path such as '/docker-learning/hands-on/compose/' (base given separately). */
export function pageKind(urlPath: string, base = '/'): PageKind {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}`;
  let path = urlPath.split('#')[0]!;
  if (prefix !== '/' && (path === prefix || path.startsWith(`${prefix}/`))) path = path.slice(prefix.length);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === RESOURCES_SLUG) return 'resource';
  if (parts.length <= 1) return 'landing';
  if (parts[0] === 'reference') return 'reference';
  if (parts[0] === 'concepts') return 'concept';
  return 'lesson';
}

/** Lessons and concept pages teach; reference, landing and resource pages list or link. */
export function teachesTerms(kind: PageKind): boolean {
  return kind === 'lesson' || kind === 'concept';
}

/**
 * Elements whose words a page introduces: a definition, a bolded term, a heading; besides these, a
 * command row's command and the code that opens a list item.
 */
const INTRODUCING = new Set(['h1', 'h2', 'h3', 'strong', 'b', 'dfn', 'dt']);
/** Italic text: by convention where a term is first named (see prepareArticle). */
const ITALIC = new Set(['em', 'i']);
/** The most words an italic term has ("virtual machine monitor"); longer italics are stress. */
const MAX_TERM_WORDS = 3;
/**
 * How much more a word inside a bolded or defined term counts than body text. Pagefind's headings
 * count 7 (h1) down to 2 (h6) and body text 1; a term in bold is where a lesson says "this is
 * the word", so it counts like a minor heading.
 */
export const INTRODUCED_WEIGHT = '3';

function isElement(node: ElementContent | Root, tag?: string): node is Element {
  return node.type === 'element' && (tag === undefined || node.tagName === tag);
}

function cells(row: Element): Element[] {
  return row.children.filter((child): child is Element => isElement(child) && (child.tagName === 'td' || child.tagName === 'th'));
}

/** The element's first child that is not white space, when it is code. */
function leadingCode(node: Element | undefined): Element | undefined {
  const lead = node?.children.find((child) => !(child.type === 'text' && !child.value.trim()));
  return lead && isElement(lead, 'code') ? lead : undefined;
}

/** The first cell of a body row, when it starts with code: the command the row explains. */
function commandCell(row: Element): Element | undefined {
  const first = cells(row)[0];
  return leadingCode(first) ? first : undefined;
}

/**
 * Pagefind ends each table cell with a full stop ("docker volume ls. Lists volumes."), and runs the
 * header cells together ("CommandDoes"), so excerpts lose where a cell ends. In the copy it indexes,
 * each cell but a row's last ends with " —" (a dash needs no full stop after it), and the header
 * row is left out, as it names columns, not content: "docker volume ls — Lists volumes."
 */
function separateCells(table: Element): void {
  visit(table, 'element', (node: Element) => {
    if (node.tagName === 'thead') node.properties.dataPagefindIgnore = '';
    if (node.tagName === 'tr')
      cells(node)
        .slice(0, -1)
        .forEach((cell) => {
          cell.children.push({ type: 'text', value: ' —' });
        });
  });
}

export interface IndexedArticle {
  /** The article as Pagefind should read it. */
  html: string;
  /**
   * Stems of the words the page introduces: command-row commands, and on a teaching page also what
   * INTRODUCING elements and list items that open with code hold; an ITALIC term as its stems
   * joined by "+" ("exec+form"), which counts only for a query with all of them.
   */
  introduced: string[];
}

/**
 * Prepares a page's article for Pagefind and reads what it introduces (only its command rows, for a
 * page that does not teach: see teachesTerms). Only the indexed copy changes; the page readers get is untouched.
 */
export function prepareArticle(articleHtml: string, { teaches = true }: { teaches?: boolean } = {}): IndexedArticle {
  const tree = fromHtml(articleHtml, { fragment: true });
  const introduced = new Set<string>();
  const collect = (node: Element) => {
    for (const stem of termStems(toString(node))) introduced.add(stem);
  };
  // A term of several words counts only with all of them ("exec+form"), see rank.ts. Italics around
  // a function word ("*from your computer*", "*in the container's own files*") stress a phrase; a
  // named term is a few content words.
  const collectTerm = (node: Element) => {
    const words = toString(node).trim().split(/\s+/u);
    if (words.length > MAX_TERM_WORDS || words.some((word) => STOP_WORDS.has(word.toLowerCase()))) return;
    const stems = termStems(words.join(' '));
    if (stems.length > 0) introduced.add(stems.join('+'));
  };
  visit(tree, 'element', (node: Element) => {
    if (node.properties.dataPagefindIgnore !== undefined) return 'skip';
    if (node.tagName === 'table') separateCells(node);
    // The command a row documents, on every page: ranking tells a quick-reference row that is the
    // only place a command is documented from one that repeats a lesson (rank.ts, hasPhrase).
    if (node.tagName === 'tr') {
      const command = commandCell(node);
      if (command) collect(command);
    }
    // A glossary or quick reference bolds every term: bold and headings introduce on teaching pages only.
    if (!teaches) return undefined;
    // "the JSON *exec form*": italics name a new term as often as they stress a word, so they count
    // as introducing it, without the extra weight that would favour every stressed word in Pagefind,
    // and as a whole: "exec form" is not about `docker exec`.
    if (ITALIC.has(node.tagName)) collectTerm(node);
    if (INTRODUCING.has(node.tagName)) {
      collect(node);
      if (!/^h\d$/.test(node.tagName)) node.properties.dataPagefindWeight = INTRODUCED_WEIGHT;
    }
    // "- `--rm` deletes the container when it exits": a list item that opens with code explains it.
    const explained =
      node.tagName === 'li' ? (leadingCode(node) ?? leadingCode(node.children.find((c): c is Element => isElement(c, 'p')))) : undefined;
    if (explained) {
      collect(explained);
      explained.properties.dataPagefindWeight = INTRODUCED_WEIGHT;
    }
    return undefined;
  });
  return { html: toHtml(tree), introduced: [...introduced].sort() };
}

/** The previous and next page a page's pager links to (rel="prev"/"next"), as URL paths. */
export function pagerLinks(html: string): { prev?: string; next?: string } {
  const links: { prev?: string; next?: string } = {};
  for (const [tag] of html.matchAll(/<a\b[^>]*\brel="(?:prev|next)"[^>]*>/g)) {
    const rel = /\brel="(prev|next)"/.exec(tag)![1] as 'prev' | 'next';
    const href = /\bhref="([^"]*)"/.exec(tag)?.[1];
    if (href) links[rel] = href;
  }
  return links;
}

/**
 * Course order from the pager chain: the page nobody names as "next" starts it, then each page's
 * "next". Pages outside the chain come last, in URL order. Returns URL path → position (0-based).
 */
export function courseOrder(pagers: Map<string, { prev?: string; next?: string }>): Map<string, number> {
  const order = new Map<string, number>();
  const named = new Set([...pagers.values()].map((links) => links.next).filter(Boolean));
  const starts = [...pagers.keys()].filter((url) => !named.has(url) && pagers.get(url)?.next).sort();
  for (const start of starts) {
    for (let url: string | undefined = start; url && !order.has(url); url = pagers.get(url)?.next) order.set(url, order.size);
  }
  for (const url of [...pagers.keys()].sort()) if (!order.has(url)) order.set(url, order.size);
  return order;
}
