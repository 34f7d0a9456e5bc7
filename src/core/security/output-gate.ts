import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { SKIP, visit } from 'unist-util-visit';
import { isAllowedTag, refusedSchemeIn } from './html-policy.ts';

/**
 * The last check before a page is published: the author's part of the rendered HTML, whatever
 * produced it (Markdown, declarative MDX, trusted MDX, a plugin, a future bypass of the input
 * checks), holds no script, event handler, script or data URL, form or frame. The input checks
 * say where the author went wrong; this one makes sure that what is written to disk is what they
 * allowed.
 *
 * The author's part is the `<div class="prose">` of the page's `<article>` (src/layouts/DocLayout.astro):
 * the rendered page body. The rest of the article (title, lesson intro, "mark as done", the
 * knowledge-check script) is the site's own components, which escape what the author wrote.
 * Inside the prose the Markdown pipeline adds markup of its own, allowed here by its exact shape.
 *
 * Known limit: the prose is found as a browser would parse the page, so markup that closes it early
 * (`</div></article><script>`) puts what follows outside it. Markdown cannot do that (its raw HTML
 * is re-parsed into balanced elements) and neither can declarative MDX (JSX is balanced, set:html
 * is refused); trusted MDX can, through a component or helper that writes raw HTML.
 */

/** What the gate found, one sentence fragment each ("<script> in the page body (…)"); the same thing found twice is listed once. */
export type GateProblem = string;

/**
 * Elements GitHub removes for the sake of its own styling, not because they do anything: the site's
 * plugins and components use them in the page body (code titles are a figure, a big section's page
 * list and a component's breadcrumbs a nav). Nothing here runs, loads or submits anything.
 */
const INERT_ELEMENTS = new Set([
  'nav',
  'header',
  'footer',
  'aside',
  'article',
  'figure',
  'figcaption',
  'time',
  'mark',
  'small',
  'abbr',
  'cite',
  'dfn',
  'address',
  'hgroup',
  'search',
  'u',
  'bdi',
  'bdo',
  'caption',
  'col',
  'colgroup',
  'progress',
  'meter',
]);

/** Form controls the site's own plugins put into the page body, and where. */
const SITE_MARKUP: readonly { tag: string; allowed: (element: Element, ancestors: readonly Element[]) => boolean }[] = [
  // Knowledge checks (src/plugins/remark-knowledge-checks.ts): a form without a <form>, no action, no submit.
  ...['fieldset', 'legend', 'label'].map((tag) => ({ tag, allowed: insideKnowledgeCheck })),
  { tag: 'button', allowed: (element, ancestors) => insideKnowledgeCheck(element, ancestors) && element.properties.type === 'button' },
];

function hasClass(element: Element | undefined, name: string): boolean {
  const classes = element?.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

function insideKnowledgeCheck(_element: Element, ancestors: readonly Element[]): boolean {
  return ancestors.some((ancestor) => hasClass(ancestor, 'knowledge-check') && ancestor.properties.dataKnowledgeCheck !== undefined);
}

/** Attributes that hold a URL the browser follows or loads (hast names). */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'cite',
  'longDesc',
  'action',
  'formAction',
  'poster',
  'background',
  'data',
  'ping',
  'xLinkHref',
  'manifest',
  'codeBase',
  'archive',
  'icon',
]);

/** Elements that run code, load another document or submit data: always refused in the page body. */
const NEVER = new Set([
  'script',
  'noscript',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'form',
  'template',
  'svg',
  'math',
]);

/** What is wrong with the author's part of one published page; [] when it passes. */
export function checkPublishedPage(html: string): GateProblem[] {
  // Only the article is parsed (the head and sidebar are most of a page, and none of it is the
  // author's): from the first <article to the last </article>, so an article nested in the
  // author's markup cannot end the slice early.
  const start = html.indexOf('<article');
  const end = html.lastIndexOf('</article>');
  const tree: Root = fromHtml(start >= 0 && end > start ? html.slice(start, end + '</article>'.length) : html, { fragment: true });
  const bodies: Element[] = [];
  visit(tree, 'element', (element, _index, parent) => {
    if (element.tagName === 'div' && hasClass(element, 'prose') && parent?.type === 'element' && parent.tagName === 'article') {
      bodies.push(element);
      return SKIP;
    }
    return undefined;
  });
  // A layout that no longer marks the author's part must not make the gate pass by checking nothing.
  if (bodies.length === 0)
    return ['no <div class="prose"> in its <article>, so the author\'s part cannot be found (src/layouts/DocLayout.astro marks it)'];
  const problems: GateProblem[] = [];
  for (const body of bodies) checkBody(body, [], problems);
  // Astro writes each page on one line, so a line number would say nothing: the element says what to look for.
  return [...new Set(problems)];
}

function checkBody(parent: Element, ancestors: Element[], problems: GateProblem[]): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const problem = elementProblem(child, ancestors);
    if (problem) problems.push(problem);
    problems.push(...attributeProblems(child));
    // A refused element is reported once, not with everything inside it.
    if (!problem) checkBody(child, [...ancestors, child], problems);
  }
}

function elementProblem(element: Element, ancestors: readonly Element[]): string | undefined {
  const tag = element.tagName;
  if (NEVER.has(tag)) return `<${tag}> in the page body (scripts, styles, frames, forms and embedded documents are never published)`;
  if (SITE_MARKUP.some((entry) => entry.tag === tag && entry.allowed(element, ancestors))) return undefined;
  if (tag === 'input') {
    const { type, disabled } = element.properties;
    // Task list items (GitHub's disabled checkbox); knowledge checks' options, which the reader ticks.
    if (type === 'checkbox' && disabled) return undefined;
    if ((type === 'radio' || type === 'checkbox') && insideKnowledgeCheck(element, ancestors)) return undefined;
    return `<input type="${String(type ?? 'text')}"> in the page body (only task-list and knowledge-check boxes are published)`;
  }
  if (!isAllowedTag(tag) && !INERT_ELEMENTS.has(tag))
    return `<${tag}> in the page body (not an element GitHub keeps, nor an inert one the site's own markup uses)`;
  return undefined;
}

function attributeProblems(element: Element): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(element.properties)) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(key)) {
      problems.push(`<${element.tagName} ${key.toLowerCase()}> in the page body (event handlers run script)`);
      continue;
    }
    if (key === 'style') {
      problems.push(`<${element.tagName} style> in the page body (inline CSS can hide or fake page content)`);
      continue;
    }
    if (key === 'srcDoc' || key === 'httpEquiv') {
      problems.push(`<${element.tagName} ${key.toLowerCase()}> in the page body`);
      continue;
    }
    const urls =
      key === 'srcSet'
        ? String(value)
            .split(',')
            .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
        : URL_PROPERTIES.has(key)
          ? [String(value)]
          : [];
    for (const url of urls) {
      const scheme = refusedSchemeIn(key === 'srcSet' ? 'src' : key, url);
      if (scheme !== undefined) {
        problems.push(
          `<${element.tagName} ${key.toLowerCase()}="${url.length > 50 ? `${url.slice(0, 47)}…` : url}"> in the page body (the ${scheme.toLowerCase()}: scheme is not published)`,
        );
        break;
      }
    }
  }
  return problems;
}
