import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Page } from '../../scripts/support/html-page.ts';
import { buildSite, readPage, type BuildResult } from '../helpers/build-site.ts';

const BASE = '/course';

/** Scripts a page loads, by the name Astro gives each component's script. */
const scripts = (page: Page) => page.all('script[src]').map((script) => String(script.properties.src));

describe('the course layer in a build, under a base path', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({ contentDir: 'tests/fixtures/content/course-site', name: 'course-site', base: BASE, reuse: true });
  });

  it('logs one message per line, each page on its own, also when the output is not a terminal', () => {
    const pageLines = build.output.split('\n').filter((line) => line.includes('├─'));
    expect(pageLines.length).toBeGreaterThanOrEqual(5);
    expect(pageLines.filter((line) => line.split('├─').length > 2)).toEqual([]);
    expect(pageLines.some((line) => /\/basics\/first\/index\.html\s*$/.test(line.replace(/\u001b\[[0-9;]*m/g, '')))).toBe(true);
  });

  it('shows the reading time, "What you will learn" and "Before you start" under the title', () => {
    const page = new Page(readPage(build.outDir, 'basics/first'));
    expect(page.text('.lesson-time')).toBe('1 min read');
    expect(page.texts('.lesson-objectives li')).toEqual(['Tell an image from a container', 'Run a container in the background']);
    expect(page.text('.lesson-objectives h2')).toBe('What you will learn');
    expect(page.text('.lesson-prerequisites h2')).toBe('Before you start');
    expect(page.all('.lesson-prerequisites a').map((a) => a.properties.href)).toEqual([`${BASE}/basics/#what-is-here`]);
    expect(page.texts('.lesson-prerequisites a')).toEqual(['Basics']);
  });

  it('keeps ids unique when the page has its own "Before you start" and "What you will learn" headings', () => {
    const page = new Page(readPage(build.outDir, 'basics/first'));
    const ids = page.all('[id]').map((element) => String(element.properties.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // The author's headings keep their GitHub anchors; the lesson block is labelled by its own ids.
    expect(page.one('#before-you-start')?.tagName).toBe('h2');
    expect(page.one('.lesson-prerequisites h2')?.properties.id).not.toBe('before-you-start');
    expect(page.one('.lesson-objectives h2')?.properties.id).not.toBe('what-you-will-learn');
    expect(String(page.one('.lesson-prerequisites')?.properties.ariaLabelledBy)).toBe(String(page.one('.lesson-prerequisites h2')?.properties.id));
  });

  it('lets a duration in the frontmatter replace the reading time', () => {
    expect(new Page(readPage(build.outDir, 'basics/second')).text('.lesson-time')).toBe('Takes about 25 min');
  });

  it('renders checks from .md and .mdx, and loads the check script only on pages that have one', () => {
    const first = new Page(readPage(build.outDir, 'basics/first'));
    const second = new Page(readPage(build.outDir, 'basics/second'));
    const plain = new Page(readPage(build.outDir, 'basics/plain'));
    expect(first.all('[data-knowledge-check="single"] input[type="radio"]')).toHaveLength(2);
    expect(second.all('[data-knowledge-check="multiple"] input[type="checkbox"]')).toHaveLength(3);
    expect(plain.all('[data-knowledge-check]')).toHaveLength(0);
    const quiz = (page: Page) => scripts(page).filter((src) => src.includes('KnowledgeCheck'));
    expect(quiz(first)).toHaveLength(1);
    expect(quiz(second)).toEqual(quiz(first));
    expect(quiz(plain)).toEqual([]);
    for (const src of quiz(first)) expect(existsSync(path.join(build.outDir, src.slice(BASE.length)))).toBe(true);
  });

  it('offers "I have finished this lesson" on lessons only, and the course overview with every lesson on the home page', () => {
    expect(new Page(readPage(build.outDir, 'basics/plain')).one('input[data-mark-done]')?.properties.value).toBe('basics/plain');
    const home = new Page(readPage(build.outDir, ''));
    expect(home.one('input[data-mark-done]')).toBeUndefined();
    // A section's landing page introduces its lessons and is not one itself.
    expect(new Page(readPage(build.outDir, 'basics')).one('input[data-mark-done]')).toBeUndefined();
    expect(home.all('[data-course-progress] [data-lesson]').map((a) => a.properties.href)).toEqual([
      `${BASE}/basics/first/`,
      `${BASE}/basics/plain/`,
      `${BASE}/basics/second/`,
    ]);
    expect(home.one('[data-course-progress] [data-progress-of]')?.properties).toMatchObject({ dataProgressOf: '*', dataProgressTotal: '3' });
    // A section is named by its slug prefix, not by a list of every lesson in it.
    expect(home.one('#site-nav a[href="/course/basics/"]')?.properties.dataLesson).toBeUndefined();
    expect(home.one('#site-nav a[href="/course/basics/"] [data-progress-of]')?.properties).toMatchObject({
      dataProgressOf: 'basics/',
      dataProgressTotal: '3',
    });
  });
});

describe('malformed knowledge checks in a build', () => {
  it('stop the build with the file and line of each problem, in .md and .mdx, and publish nothing', () => {
    const result = buildSite({ contentDir: 'tests/fixtures/content/bad-knowledge-check', name: 'bad-knowledge-check' });
    expect(result.status).not.toBe(0);
    const listed = result.output.split('\n').filter((line) => line.startsWith('  - tests/fixtures/content/bad-knowledge-check/'));
    expect(listed).toEqual([
      expect.stringMatching(/^ {2}- tests\/fixtures\/content\/bad-knowledge-check\/docs\/index\.md:9: knowledge check has no right answer\./),
      expect.stringMatching(
        /^ {2}- tests\/fixtures\/content\/bad-knowledge-check\/docs\/index\.md:17: knowledge check \[!QUIZ\] has 2 right answers but allows one\./,
      ),
      expect.stringMatching(/^ {2}- tests\/fixtures\/content\/bad-knowledge-check\/docs\/session\.mdx:9: knowledge check has no explanation\./),
      expect.stringMatching(/^ {2}- tests\/fixtures\/content\/bad-knowledge-check\/docs\/session\.mdx:10: knowledge check option is empty\./),
    ]);
    expect(result.output).not.toMatch(/Stack trace|^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });
});
