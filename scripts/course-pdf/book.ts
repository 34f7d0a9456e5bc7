import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { CourseOutline, OutlineEntry } from '../../src/core/course-outline.ts';

/**
 * The whole course as one printable HTML document, assembled from the built pages (their articles)
 * in sidebar order: a cover, a table of contents whose page numbers are filled in after a first
 * print, one chapter per section, and an answer key for the knowledge checks. Pure: it reads HTML
 * and returns HTML, so it is tested without a browser.
 */

export interface BookInput {
  outline: CourseOutline;
  /** The built HTML of a page by slug ('' is the home page), or undefined when dist/ lacks it. */
  readPage: (slug: string) => string | undefined;
  /** The site's base path ('/' or '/sub'): internal links are written with it. */
  base: string;
  /** Printed on the cover. */
  date: string;
  /** Stylesheet URLs of the site (from a built page), so the book looks like the pages it is made of. */
  stylesheets: string[];
  /** The book's own print rules. */
  css: string;
}

export interface Book {
  html: string;
  /** Each page's anchor in the book, in reading order, with its title: the TOC numbers are looked up by these. */
  anchors: { anchor: string; title: string }[];
  questions: number;
}

/** What a page of the site shows on screen but has no meaning on paper. */
const SCREEN_ONLY = [
  '.lesson-done',
  '.course-progress',
  '.heading-anchor',
  '.pdf-download',
  '.course-pdf-download',
  '.offline-save',
  '.section-pages',
  '.copy-button',
  '.kc-actions',
  '.kc-feedback',
  '.kc-hint',
  '[hidden]',
  'script',
  'button',
].join(', ');

export const anchorOf = (slug: string): string => (slug === '' ? 'page-home' : `page-${slug.replace(/[^A-Za-z0-9_-]+/g, '-')}`);

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const txt = (value: string): ElementContent => ({ type: 'text', value });

interface Chapter {
  label: string;
  pages: { slug: string; title: string }[];
}

/** The stylesheets a built page links, to give the book the site's look (code colours, callouts, tables). */
export function stylesheetsOf(html: string): string[] {
  return selectAll('link[rel~="stylesheet"][href]', fromHtml(html)).map((link) => String(link.properties.href));
}

/** Top-level pages become a chapter of their own; a section (with everything nested in it) is one chapter. */
export function chaptersOf(entries: OutlineEntry[]): Chapter[] {
  const pagesIn = (entry: OutlineEntry): { slug: string; title: string }[] =>
    entry.type === 'page'
      ? [{ slug: entry.slug, title: entry.title }]
      : [...(entry.landing ? [entry.landing] : []), ...entry.children.flatMap(pagesIn)];
  return entries.map((entry) => ({ label: entry.type === 'page' ? entry.title : entry.label, pages: pagesIn(entry) }));
}

function removeAll(tree: Element, selector: string): void {
  const doomed = new Set(selectAll(selector, tree));
  const prune = (node: Element) => {
    node.children = node.children.filter((child) => !(child.type === 'element' && doomed.has(child)));
    for (const child of node.children) if (child.type === 'element') prune(child);
  };
  prune(tree);
}

/** The page's path inside the site from an href, or undefined for anything that is not a page of this site. */
function sitePath(href: string, pageUrl: URL): { path: string; hash: string } | undefined {
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== pageUrl.origin) return undefined;
  return { path: decodeURIComponent(url.pathname), hash: decodeURIComponent(url.hash.slice(1)) };
}

class BookBuilder {
  private readonly byPath = new Map<string, string>();
  private readonly answers: { number: number; title: string; answer: ElementContent[] }[] = [];
  private readonly origin = 'https://book.invalid';

  private readonly input: BookInput;

  constructor(input: BookInput) {
    this.input = input;
  }

  private pathOf(slug: string): string {
    const base = this.input.base === '/' ? '' : this.input.base;
    return `${base}/${slug ? `${slug}/` : ''}`;
  }

  /** One page's article, with ids made unique in the book and links pointing inside it. */
  page(slug: string, title: string, headingLevel: number, dropTitle = false): Element {
    const anchor = anchorOf(slug);
    const html = this.input.readPage(slug);
    if (html === undefined)
      throw new Error(`the built site has no page for /${slug} (${this.pathOf(slug)}), which /course.json lists. Rebuild with \`npm run build\`.`);
    const article = select('article', fromHtml(html));
    if (!article) throw new Error(`${this.pathOf(slug)} has no <article>: is it a page of this site?`);
    removeAll(article, SCREEN_ONLY);
    const pageUrl = new URL(this.pathOf(slug), this.origin);
    for (const node of selectAll('[id]', article)) node.properties.id = `${anchor}--${String(node.properties.id)}`;
    for (const link of selectAll('a[href]', article)) this.pointInside(link, pageUrl);
    for (const check of selectAll('.knowledge-check', article)) this.printCheck(check, title);
    // The page title becomes a heading of the level its place in the book gives it, so the PDF's bookmarks follow the sidebar.
    const h1 = select('h1', article);
    if (h1 && dropTitle) removeAll(article, 'h1');
    else if (h1) Object.assign(h1, { tagName: `h${headingLevel}`, properties: { className: ['book-page-title'] } });
    return el('section', { id: anchor, className: ['book-page'], dataSlug: slug }, article.children);
  }

  private pointInside(link: Element, pageUrl: URL): void {
    const href = String(link.properties.href);
    const target = sitePath(href, pageUrl);
    if (!target) {
      // An external link stays clickable; its address is printed where the text does not show it.
      if (/^https?:/i.test(href) && toString(link).trim() !== href) link.properties.dataPrintUrl = href;
      return;
    }
    const slug = this.byPath.get(target.path.endsWith('/') ? target.path : `${target.path}/`);
    if (slug === undefined) return; // a file of the site (an image, the PDF): left as it is
    const anchor = anchorOf(slug);
    link.properties.href = `#${target.hash ? `${anchor}--${target.hash}` : anchor}`;
  }

  /** A question with its options to tick by hand; the answer goes to the key at the end. */
  private printCheck(check: Element, title: string): void {
    const number = this.answers.length + 1;
    const answer = select('[data-kc-answer]', check);
    const answerBody = answer ? answer.children.filter((child) => !(child.type === 'element' && child.tagName === 'summary')) : [];
    this.answers.push({ number, title, answer: answerBody });
    removeAll(check, '[data-kc-answer]');
    for (const input of selectAll('input', check)) {
      delete input.properties.checked;
      delete input.properties.dataCorrect;
      input.properties.disabled = true;
    }
    check.properties.id = `question-${number}`;
    check.children.unshift(
      el('p', { className: ['book-question-number'] }, [
        txt(`Question ${number}`),
        txt(' · '),
        el('a', { href: `#answer-${number}` }, [txt('answer on page ')]),
        el('span', { className: ['toc-page'], dataFor: `answer-${number}` }, [txt('000')]),
      ]),
    );
  }

  build(): Book {
    const { outline } = this.input;
    const chapters = chaptersOf(outline.entries);
    for (const chapter of chapters) for (const page of chapter.pages) this.byPath.set(this.pathOf(page.slug), page.slug);
    const anchors: Book['anchors'] = [];
    const body: ElementContent[] = [];
    const toc: ElementContent[] = [];
    chapters.forEach((chapter, index) => {
      const single = chapter.pages.length === 1 && chapter.pages[0]!.title === chapter.label;
      const chapterAnchor = `chapter-${index + 1}`;
      const sections = chapter.pages.map((page, position) => {
        anchors.push({ anchor: anchorOf(page.slug), title: page.title });
        // A landing page titled like its section would repeat the chapter's heading right under it.
        const repeatsChapter = !single && position === 0 && page.title === chapter.label;
        return this.page(page.slug, page.title, single ? 1 : 2, repeatsChapter);
      });
      const heading = single ? [] : [el('h1', { className: ['book-chapter-title'] }, [txt(chapter.label)])];
      body.push(el('section', { id: chapterAnchor, className: ['book-chapter'] }, [...heading, ...sections]));
      const entries = chapter.pages.map((page) => tocLine(anchorOf(page.slug), page.title));
      toc.push(
        el(
          'li',
          {},
          single
            ? entries.flatMap((entry) => (entry.type === 'element' ? entry.children : []))
            : [tocLine(anchorOf(chapter.pages[0]!.slug), chapter.label), el('ol', {}, entries)],
        ),
      );
    });
    if (this.answers.length > 0) {
      anchors.push({ anchor: 'answer-key', title: 'Answer key' });
      toc.push(tocLine('answer-key', 'Answer key'));
      body.push(this.answerKey());
    }
    const cover = el('section', { className: ['book-cover'] }, [
      el('h1', { className: ['book-title'] }, [txt(outline.title)]),
      el('p', { className: ['book-date'] }, [txt(this.input.date)]),
      el('p', { className: ['book-url'] }, [el('a', { href: outline.url }, [txt(outline.url)])]),
    ]);
    const contents = el('nav', { className: ['book-toc'], ariaLabelledby: 'book-contents' }, [
      el('h1', { id: 'book-contents' }, [txt('Contents')]),
      el('ol', {}, toc),
    ]);
    return { html: document(outline, this.input, [cover, contents, ...body]), anchors, questions: this.answers.length };
  }

  private answerKey(): Element {
    return el('section', { id: 'answer-key', className: ['book-chapter', 'book-answer-key'] }, [
      el('h1', {}, [txt('Answer key')]),
      ...this.answers.map(({ number, title, answer }) =>
        el('div', { id: `answer-${number}`, className: ['book-answer'] }, [
          el('h2', {}, [el('a', { href: `#question-${number}` }, [txt(`Question ${number}`)]), txt(` (${title})`)]),
          ...answer.map((node) => (node.type === 'element' ? withoutIds(node) : node)),
        ]),
      ),
    ]);
  }
}

/** Ids copied into the answer key would appear twice: the key's copies lose theirs. */
function withoutIds(node: Element): Element {
  const copy = structuredClone(node);
  for (const withId of selectAll('[id]', copy)) delete withId.properties.id;
  if (copy.properties.id) delete copy.properties.id;
  return copy;
}

function tocLine(anchor: string, label: string): Element {
  return el('li', {}, [el('a', { href: `#${anchor}` }, [txt(label)]), el('span', { className: ['toc-page'], dataFor: anchor }, [txt('000')])]);
}

function document(outline: CourseOutline, input: BookInput, children: ElementContent[]): string {
  const root: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      el('html', { lang: outline.lang }, [
        el('head', {}, [
          el('meta', { charset: 'utf-8' }),
          el('title', {}, [txt(outline.title)]),
          ...input.stylesheets.map((href) => el('link', { rel: ['stylesheet'], href })),
          el('style', {}, [txt(input.css)]),
        ]),
        el('body', { className: ['book'] }, [el('main', { className: ['content'] }, children)]),
      ]) as RootContent,
    ],
  };
  return toHtml(root);
}

export function assembleBook(input: BookInput): Book {
  return new BookBuilder(input).build();
}
