import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { anchorOf, assembleBook, chaptersOf } from '../../scripts/course-pdf/book.ts';
import type { CourseOutline } from '../../src/core/course-outline.ts';

/** Built pages in miniature, as the site writes them: an article with the site's chrome around it. */
const page = (title: string, body: string) =>
  `<!doctype html><html><head><link rel="stylesheet" href="/sub/_astro/site.css"></head><body><nav class="sidebar"><a href="/sub/">Home</a></nav>` +
  `<article class="content"><span hidden data-pagefind-filter="section">S</span><h1>${title}</h1><div class="prose">${body}</div>` +
  `<div class="lesson-done"><input type="checkbox"> I have finished this lesson</div></article></body></html>`;

const quiz = `<div class="knowledge-check" data-knowledge-check="single"><fieldset><legend>Which runs a container?</legend><p class="kc-hint">Choose one answer.</p>
<ul class="kc-options"><li><label class="kc-option"><input type="radio" name="q" value="0" data-correct="true"><span>docker run</span></label></li>
<li><label class="kc-option"><input type="radio" name="q" value="1" data-correct="false"><span>docker build</span></label></li></ul>
<p class="kc-actions"><button type="button">Check</button></p></fieldset>
<details class="kc-answer" data-kc-answer><summary>Show the answer</summary><p><strong>Answer:</strong> docker run</p><p id="why">It creates and starts one.</p></details></div>`;

const pages: Record<string, string> = {
  '': page('Welcome', '<p>Start with <a href="/sub/basics/run/#flags">the flags</a> or <a href="https://docs.docker.com/">Docker’s docs</a>.</p>'),
  basics: page('Basics', '<p>The basics.</p>'),
  'basics/run': page(
    'Run',
    `<h2 id="flags">Flags <a class="heading-anchor" href="#flags">#</a></h2><p>See <a href="../">the section</a> and <a href="https://example.org/">https://example.org/</a>.</p><img src="/sub/_astro/x.png" alt="x">${quiz}`,
  ),
  resources: page('Learning resources', '<ul><li><a href="https://kubernetes.io/">Kubernetes</a></li></ul>'),
};

const outline: CourseOutline = {
  title: 'Containers',
  lang: 'en',
  url: 'https://example.org/sub/',
  entries: [
    { type: 'page', slug: '', title: 'Home' },
    {
      type: 'section',
      label: 'Basics',
      landing: { slug: 'basics', title: 'Basics' },
      children: [{ type: 'page', slug: 'basics/run', title: 'Run' }],
    },
    { type: 'page', slug: 'resources', title: 'Learning resources' },
  ],
};

const book = assembleBook({
  outline,
  readPage: (slug) => pages[slug],
  base: '/sub',
  date: '7 December 2026',
  stylesheets: ['/sub/_astro/site.css'],
  css: '',
});
const tree = fromHtml(book.html);

describe('the course as one printable document', () => {
  it('follows the sidebar: one chapter per top-level entry, a section with its landing page first', () => {
    expect(chaptersOf(outline.entries).map((chapter) => [chapter.label, chapter.pages.map((p) => p.slug)])).toEqual([
      ['Home', ['']],
      ['Basics', ['basics', 'basics/run']],
      ['Learning resources', ['resources']],
    ]);
    expect(selectAll('section.book-page', tree).map((section) => section.properties.dataSlug)).toEqual(['', 'basics', 'basics/run', 'resources']);
  });

  it('opens with a cover (title, date, address) and contents that link every page and the answer key', () => {
    expect(toString(select('.book-cover', tree)!)).toBe('Containers7 December 2026https://example.org/sub/');
    expect(selectAll('.book-toc a', tree).map((a) => a.properties.href)).toEqual([
      '#page-home',
      '#page-basics',
      '#page-basics',
      '#page-basics-run',
      '#page-resources',
      '#answer-key',
    ]);
    expect(book.anchors.map((a) => a.anchor)).toEqual(['page-home', 'page-basics', 'page-basics-run', 'page-resources', 'answer-key']);
  });

  it('points links between pages inside the book, and keeps ids unique', () => {
    const links = selectAll('section.book-page a', tree).map((a) => String(a.properties.href));
    expect(links).toContain(`#${anchorOf('basics/run')}--flags`);
    expect(links).toContain('#page-basics');
    const ids = selectAll('[id]', tree).map((node) => String(node.properties.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('page-basics-run--flags');
  });

  it('prints an external address only where the text hides it', () => {
    const external = selectAll('a[data-print-url]', tree).map((a) => a.properties.dataPrintUrl);
    expect(external).toEqual(['https://docs.docker.com/', 'https://kubernetes.io/']);
  });

  it('leaves out what only works on screen: the sidebar, heading anchors, lesson boxes, buttons', () => {
    expect(select('.sidebar, .heading-anchor, .lesson-done, button, [hidden]', tree)).toBeUndefined();
    expect(select('img[src="/sub/_astro/x.png"]', tree)).toBeDefined();
  });

  it('prints a knowledge check as a question with blank options, and its answer in the key', () => {
    expect(book.questions).toBe(1);
    const check = select('#question-1', tree)!;
    expect(toString(check)).toContain('Which runs a container?');
    expect(selectAll('input', check).every((input) => input.properties.dataCorrect === undefined && !input.properties.checked)).toBe(true);
    expect(select('[data-kc-answer], .kc-answer', check)).toBeUndefined();
    const key = select('#answer-key', tree)!;
    expect(toString(key)).toContain('Answer: docker run');
    expect(toString(key)).toContain('It creates and starts one.');
  });

  it('names the page when the built site lacks one that the outline lists', () => {
    expect(() =>
      assembleBook({
        outline,
        readPage: (slug) => (slug === 'basics/run' ? undefined : pages[slug]),
        base: '/sub',
        date: '',
        stylesheets: [],
        css: '',
      }),
    ).toThrow(/the built site has no page for \/basics\/run \(\/sub\/basics\/run\/\)/);
  });
});
