import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { CourseOutline } from '../../src/core/course-outline.ts';
import { CHROMIUM_ARGS } from '../support/chromium.ts';
import { serveStatic } from '../support/static-server.ts';
import { assembleBook, stylesheetsOf } from './book.ts';

/** The book's print rules, on top of the site's own print stylesheet. */
const BOOK_CSS = readFileSync(new URL('./book.css', import.meta.url), 'utf8');

export interface CoursePdfOptions {
  distDir: string;
  base: string;
  outFile: string;
  chromiumPath: string;
  /** Printed on the cover, e.g. "7 December 2026". */
  date: string;
}

export interface CoursePdfResult {
  outFile: string;
  pages: number;
  bytes: number;
  milliseconds: number;
  chapters: number;
  questions: number;
}

export class CoursePdfError extends Error {
  override name = 'CoursePdfError';
}

/** Where each named anchor landed in a printed PDF: 1-based page numbers, by anchor. */
export async function pagesOfAnchors(pdf: Uint8Array, anchors: string[]): Promise<Map<string, number>> {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  try {
    const found = new Map<string, number>();
    for (const anchor of anchors) {
      const destination = await doc.getDestination(anchor);
      const ref = destination?.[0];
      if (ref && typeof ref === 'object') found.set(anchor, (await doc.getPageIndex(ref as Parameters<typeof doc.getPageIndex>[0])) + 1);
    }
    return found;
  } finally {
    await task.destroy();
  }
}

const FOOTER =
  '<div style="font: 8pt sans-serif; width: 100%; text-align: center; color: #444;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';

async function print(page: Page): Promise<Buffer> {
  return page.pdf({
    format: 'A4',
    printBackground: true,
    // Bookmarks from the headings, and a tagged PDF (structure for screen readers).
    outline: true,
    tagged: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: FOOTER,
    margin: { top: '14mm', bottom: '16mm', left: '14mm', right: '14mm' },
  });
}

/**
 * Prints the whole course. The table of contents needs the page numbers of a printed book, so the
 * book is printed once, the numbers are read from its named destinations and written into the
 * contents, and it is printed again (the numbers have a fixed width, so nothing moves; a third pass
 * runs if anything did).
 */
export async function renderCoursePdf(options: CoursePdfOptions): Promise<CoursePdfResult> {
  const started = performance.now();
  const outlineFile = path.join(options.distDir, 'course.json');
  let outline: CourseOutline;
  try {
    outline = JSON.parse(await readFile(outlineFile, 'utf8')) as CourseOutline;
  } catch {
    throw new CoursePdfError(`${path.relative(process.cwd(), outlineFile)} is missing or unreadable: build the site with \`npm run build\` first.`);
  }
  const readPage = (slug: string): string | undefined => {
    try {
      return readFileSync(path.join(options.distDir, slug, 'index.html'), 'utf8');
    } catch {
      return undefined;
    }
  };
  const home = readPage('');
  if (home === undefined) throw new CoursePdfError(`${options.distDir} has no index.html: build the site with \`npm run build\` first.`);
  let book;
  try {
    book = assembleBook({ outline, readPage, base: options.base, date: options.date, stylesheets: stylesheetsOf(home), css: BOOK_CSS });
  } catch (error) {
    throw new CoursePdfError((error as Error).message);
  }
  const site = await serveStatic(options.distDir, { base: options.base });
  const bookUrl = `${site.siteUrl}__course-book/`;
  let browser;
  let pdf: Buffer;
  try {
    browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_ARGS, timeout: 60_000 });
    const page = await browser.newPage();
    // Nothing outside our own server may be fetched: the PDF must not depend on the network.
    await page.route(
      (url) => !url.href.startsWith(site.origin),
      (route) => route.abort(),
    );
    await page.route(bookUrl, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: book.html }));
    await page.goto(bookUrl, { waitUntil: 'networkidle', timeout: 120_000 });
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const targets = await page.$$eval('.toc-page[data-for]', (spans) => spans.map((span) => (span as HTMLElement).dataset.for!));
    let numbers = new Map<string, number>();
    pdf = await print(page);
    for (let pass = 0; pass < 3; pass++) {
      const found = await pagesOfAnchors(pdf, targets);
      const missing = targets.filter((target) => !found.has(target));
      if (missing.length > 0)
        throw new CoursePdfError(
          `the printed book has no destination for ${missing.slice(0, 5).join(', ')}: the contents cannot give their page numbers.`,
        );
      if (targets.every((target) => found.get(target) === numbers.get(target))) break;
      numbers = found;
      await page.$$eval(
        '.toc-page[data-for]',
        (spans, entries) => {
          const byAnchor = new Map(entries);
          for (const span of spans) span.textContent = String(byAnchor.get((span as HTMLElement).dataset.for!) ?? '');
        },
        [...numbers],
      );
      pdf = await print(page);
    }
  } finally {
    await browser?.close();
    await site.close();
  }
  await writeFile(options.outFile, pdf);
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const pages = (await task.promise).numPages;
  await task.destroy();
  return {
    outFile: options.outFile,
    pages,
    bytes: pdf.byteLength,
    milliseconds: performance.now() - started,
    chapters: outline.entries.length,
    questions: book.questions,
  };
}
