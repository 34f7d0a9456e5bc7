import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCoursePdf, type CoursePdfResult } from '../../scripts/course-pdf/render.ts';
import { CHROMIUM_PATH } from '../../scripts/support/chromium.ts';
import { tmpRoot } from '../helpers/build-site.ts';
import { realSite } from '../quality/sites.ts';

type Outline = { title: string; items: Outline[] }[];

function countChecks(dist: string): number {
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('index.html'));
  return pages.reduce((sum, file) => sum + (readFileSync(path.join(dist, file), 'utf8').match(/class="knowledge-check"/g)?.length ?? 0), 0);
}

/** The real course, printed: what a learner downloads. */
describe('the whole course as one PDF', () => {
  let result: CoursePdfResult;
  let pdf: Awaited<ReturnType<typeof getDocument>['promise']>;
  let outline: { title: string; entries: { type: string; slug?: string; title?: string; label?: string }[] };

  beforeAll(async () => {
    // A copy, so the real build other tests read keeps its pages as they were.
    const dist = path.join(tmpRoot, 'course-pdf-dist');
    rmSync(dist, { recursive: true, force: true });
    cpSync(realSite().outDir, dist, { recursive: true });
    outline = JSON.parse(readFileSync(path.join(dist, 'course.json'), 'utf8'));
    result = await renderCoursePdf({
      distDir: dist,
      base: '/',
      outFile: path.join(dist, 'course.pdf'),
      chromiumPath: CHROMIUM_PATH,
      date: '7 December 2026',
    });
    pdf = await getDocument({ data: new Uint8Array(readFileSync(result.outFile)), verbosity: 0 }).promise;
  }, 300_000);

  it('has a bookmark for every top-level entry of the sidebar, in its order, then the answer key', async () => {
    const bookmarks = ((await pdf.getOutline()) as Outline).map((item) => item.title);
    // A page on its own keeps the heading it has on the site: the home page is titled after the course.
    const expected = [
      ...outline.entries.map((entry) => (entry.type === 'page' ? (entry.slug === '' ? outline.title : entry.title) : entry.label)),
      'Answer key',
    ];
    // The cover's title and the contents come first.
    expect(bookmarks.slice(2).map((title) => title.trim())).toEqual(expected.map((title) => title!.trim()));
  });

  it('carries its title and language, and a structure tree for screen readers', async () => {
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Language?: string } };
    expect(info.Title).toBe(outline.title);
    expect(info.Language).toBe('en');
    expect(await (await pdf.getPage(3)).getStructTree()).toBeTruthy();
  });

  it('gives every contents entry the page its chapter starts on, and links it there', async () => {
    const contents = await (await pdf.getPage(2)).getTextContent();
    const text = contents.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    expect(text).not.toContain('000');
    const links = (await (await pdf.getPage(2)).getAnnotations()).filter((annotation) => annotation.subtype === 'Link');
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) {
      const destination = await pdf.getDestination(link.dest as string);
      expect(destination, `contents link ${link.dest}`).toBeTruthy();
    }
  });

  it('keeps external links clickable', async () => {
    let external = 0;
    for (let number = 3; number <= pdf.numPages; number++) {
      external += (await (await pdf.getPage(number)).getAnnotations()).filter(
        (annotation) => annotation.subtype === 'Link' && annotation.url?.startsWith('https://'),
      ).length;
    }
    expect(external).toBeGreaterThan(20);
  });

  it('gathers every knowledge check of the course into the answer key', () => {
    const checks = outline.entries.length > 0 ? countChecks(realSite().outDir) : 0;
    expect(result.questions).toBe(checks);
    expect(checks).toBeGreaterThanOrEqual(10);
  });
});
