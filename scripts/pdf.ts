/**
 * `npm run pdf`: makes the PDFs of the built site with Debian's Chromium: the whole course as one
 * book (scripts/course-pdf/), and the printable page the settings name (the quick reference) as a
 * sheet that matches the site's print stylesheet exactly.
 *
 * The page is served from dist/ on 127.0.0.1 (under the site's base path) rather than opened as a
 * file:// URL, because the built HTML refers to its CSS and images by site-absolute paths.
 * Run it after `npm run build`; the site build itself never needs Chromium.
 */
import { access, constants, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { projectRoot, readEnv } from '../src/core/env.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.ts';
import { serveStatic } from './support/static-server.ts';
import { coursePdfPlaceholderHtml, insertCoursePdfLink, insertPdfLink, pdfPlaceholderHtml } from '../src/core/printable.ts';
import { CoursePdfError, renderCoursePdf } from './course-pdf/render.ts';
import { siteConfigFromEnv, SiteConfigError, type SiteConfig } from '../src/core/site-config.ts';
import { joinBase } from '../src/core/urls.ts';
import { writeOfflineManifest } from '../src/core/offline-manifest.ts';
import { isInside } from '../src/core/paths.ts';

const PAPER_FORMATS = ['A4', 'Letter'] as const;
type PaperFormat = (typeof PAPER_FORMATS)[number];

export interface PdfOptions {
  distDir: string;
  outFile: string;
  /** Page path inside the site, relative to the base: 'reference/quick-reference/'. */
  page: string;
  base: string;
  chromiumPath: string;
  format: PaperFormat;
  /** The sheet is promised to fit on this many pages; more is an error. */
  maxPages: number;
  /** Which PDFs to make: the printable page's, the whole course's, or both (the default). */
  only?: 'printable' | 'course';
  /** Where the whole course goes (DIST/<coursePdf setting>). */
  courseOutFile: string;
}

/** A problem the user can fix, reported as one message without a stack trace. */
export class PdfError extends Error {
  override name = 'PdfError';
}

const usage = ({ printable, coursePdf }: Pick<SiteConfig, 'printable' | 'coursePdf'>) => `Usage: npm run pdf -- [options]

Makes the PDFs of the built site with Debian's Chromium: the whole course as one book
(DIST/${coursePdf}), and the course's printable page (the \`printable\` setting) when it has one.
Each is linked from the site once it exists.

Options:
  --dist DIR        built site folder (default: dist)
  --out FILE        output file (default: DIST/${printable?.pdf ?? '(none set)'})
  --page PATH       page inside the site (default: ${printable ? `${printable.page}/` : '(none set)'})
  --chromium PATH   Chromium executable (default: ${CHROMIUM_PATH})
  --format NAME     paper size when the page sets none: A4 or Letter (default: A4)
  --max-pages N     fail if the printable page's PDF has more pages than this (default: 2)
  --only WHICH      make only the printable page's PDF (printable) or only the course's (course)
  -h, --help        show this help`;

/** Turns command-line arguments into options, or throws a PdfError saying what is wrong. */
export function parsePdfArgs(
  argv: string[],
  settings: Pick<SiteConfig, 'base' | 'printable' | 'coursePdf'>,
  cwd = process.cwd(),
): PdfOptions | 'help' {
  const { base, printable } = settings;
  const USAGE = usage(settings);
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        dist: { type: 'string' },
        out: { type: 'string' },
        page: { type: 'string' },
        chromium: { type: 'string' },
        format: { type: 'string' },
        'max-pages': { type: 'string' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new PdfError(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return 'help';

  const format = PAPER_FORMATS.find((name) => name.toLowerCase() === (values.format ?? 'A4').toLowerCase());
  if (!format) throw new PdfError(`--format must be A4 or Letter, not "${values.format}".`);
  const maxPages = Number(values['max-pages'] ?? 2);
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new PdfError(`--max-pages must be a whole number of at least 1, not "${values['max-pages']}".`);
  }
  if (values.only !== undefined && values.only !== 'printable' && values.only !== 'course') {
    throw new PdfError(`--only takes printable or course, not "${values.only}".`);
  }
  const only = values.only as PdfOptions['only'];
  const page = values.page ?? (printable ? `${printable.page}/` : undefined);
  const pdfName = values.out ?? printable?.pdf;
  if ((!page || !pdfName) && (only === 'printable' || values.page !== undefined || values.out !== undefined)) {
    throw new PdfError(
      'This course names no printable page: add printable: { page, pdf } to its settings (src/site.config.ts), or pass --page and --out.',
    );
  }
  const distDir = path.resolve(cwd, values.dist ?? path.join(projectRoot, 'dist'));
  return {
    distDir,
    // Without a printable page only the course is made, so these stay empty.
    outFile: pdfName ? path.resolve(cwd, values.out ?? path.join(distDir, pdfName)) : '',
    page: (page ?? '').replace(/^\/+/, ''),
    only: page ? only : 'course',
    courseOutFile: path.join(distDir, settings.coursePdf),
    base,
    chromiumPath: values.chromium ?? CHROMIUM_PATH,
    format,
    maxPages,
  };
}

/** Counts page objects in a PDF; Chromium writes each page as one `/Type /Page` dictionary. */
export function countPdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0
  );
}

async function checkInputs(options: PdfOptions): Promise<string> {
  const pageFile = path.join(options.distDir, options.page, 'index.html');
  const isFile = await stat(pageFile).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) {
    const distExists = await stat(options.distDir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    throw new PdfError(
      distExists
        ? `${path.relative(process.cwd(), pageFile)} is missing: the built site has no page at /${options.page}. ` +
            'Rebuild with `npm run build`, or pass the right page with --page.'
        : `${path.relative(process.cwd(), options.distDir) || options.distDir} does not exist: build the site first with \`npm run build\`, then run \`npm run pdf\` again.`,
    );
  }
  try {
    await access(options.chromiumPath, constants.X_OK);
  } catch {
    throw new PdfError(
      `Chromium was not found at ${options.chromiumPath}. Install Debian's package with ` +
        '`sudo apt-get install -y chromium` (or `npm run setup:system`), or pass another executable with --chromium PATH.',
    );
  }
  return pageFile;
}

export interface PdfResult {
  outFile: string;
  pages: number;
  bytes: number;
  milliseconds: number;
  /** Same-site URLs the page asked for that dist/ does not have (a stylesheet missing from the print, say). */
  missing: string[];
}

export async function renderPdf(options: PdfOptions): Promise<PdfResult> {
  const started = performance.now();
  await checkInputs(options);
  const site = await serveStatic(options.distDir, { base: options.base });
  const missing: string[] = [];
  let browser;
  try {
    browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_ARGS, timeout: 60_000 });
    const page = await browser.newPage();
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().startsWith(site.origin)) missing.push(new URL(response.url()).pathname);
    });
    // Nothing outside our own server may be fetched: the PDF must not depend on the network.
    await page.route(
      (url) => !url.href.startsWith(site.origin),
      (route) => route.abort(),
    );
    const pageUrl = `${site.siteUrl}${options.page}`;
    await page.goto(pageUrl, { waitUntil: 'networkidle', timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({
      path: options.outFile,
      format: options.format,
      printBackground: true,
      // The site's print stylesheet may set @page size and margins; these apply when it does not.
      preferCSSPageSize: true,
      margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser?.close();
    await site.close();
  }
  const pdf = await readFile(options.outFile);
  return { outFile: options.outFile, pages: countPdfPages(pdf), bytes: pdf.byteLength, milliseconds: performance.now() - started, missing };
}

/** Only now that the PDF exists does the page get its download link (see src/core/printable.ts). */
async function linkPdfFromPage(options: PdfOptions, result: PdfResult): Promise<void> {
  const pageFile = path.join(options.distDir, options.page, 'index.html');
  if (!isInside(options.distDir, result.outFile)) return; // written outside the site: nothing to link to
  const relativeToDist = path.relative(options.distDir, result.outFile);
  const href = joinBase(options.base, `/${relativeToDist.split(path.sep).join('/')}`);
  const description = `${options.format}, ${result.pages} page${result.pages === 1 ? '' : 's'}, ${Math.round(result.bytes / 1024)} kB`;
  const html = insertPdfLink(await readFile(pageFile, 'utf8'), href, description);
  // Deploys and the Docker image run this step to ship the PDF: one nobody can find is a failure.
  if (html === undefined) {
    throw new PdfError(
      `${path.relative(process.cwd(), pageFile) || pageFile} has no place for the download link (${pdfPlaceholderHtml}), so readers could not find the PDF. ` +
        'The page template (src/pages/[...slug].astro) puts it on the printable page; rebuild with `npm run build`, or pass the right page with --page.',
    );
  }
  await writeFile(pageFile, html);
  console.log(`Linked the PDF from ${path.relative(process.cwd(), pageFile) || pageFile}`);
}

/** The printable page's PDF, linked from that page; false when it broke its page promise. */
async function makePrintablePdf(options: PdfOptions): Promise<boolean> {
  const result = await renderPdf(options);
  for (const url of result.missing) console.warn(`warning: the page requested ${url}, which is not in ${options.distDir}`);
  console.log(
    `Wrote ${shownPath(result.outFile)}: ${result.pages} page${result.pages === 1 ? '' : 's'} (${options.format} unless the page sets a size), ` +
      `${(result.bytes / 1024).toFixed(1)} kB in ${(result.milliseconds / 1000).toFixed(1)} s`,
  );
  if (result.pages > options.maxPages) {
    console.error(
      `error: /${options.page} prints to ${result.pages} pages, more than the ${options.maxPages} it promises. ` +
        'Shorten that page or tighten the print stylesheet.',
    );
    return false;
  }
  await linkPdfFromPage(options, result);
  return true;
}

/** The whole course as one PDF, linked from the home page and every section landing page. */
async function makeCoursePdf(options: PdfOptions): Promise<void> {
  const date = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const result = await renderCoursePdf({
    distDir: options.distDir,
    base: options.base,
    outFile: options.courseOutFile,
    chromiumPath: options.chromiumPath,
    date,
  });
  console.log(
    `Wrote ${shownPath(result.outFile)}: the whole course, ${result.chapters} chapters, ${result.questions} questions, ` +
      `${result.pages} pages (A4), ${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${(result.milliseconds / 1000).toFixed(1)} s`,
  );
  const href = joinBase(options.base, `/${path.basename(result.outFile)}`);
  const description = `A4, ${result.pages} pages, ${(result.bytes / 1024 / 1024).toFixed(1)} MB`;
  const linked = await linkCoursePdf(options.distDir, href, description);
  // Deploys and the Docker image ship the PDF: one nobody can find is a failure.
  if (linked === 0) {
    throw new PdfError(
      `no page of ${shownPath(options.distDir)} has a place for the course PDF's link (${coursePdfPlaceholderHtml}): rebuild with \`npm run build\`.`,
    );
  }
  console.log(`Linked the course PDF from ${linked} page${linked === 1 ? '' : 's'} (the home page and the section landing pages)`);
}

async function linkCoursePdf(distDir: string, href: string, description: string): Promise<number> {
  let linked = 0;
  for (const file of await readdir(distDir, { recursive: true })) {
    if (!file.endsWith('index.html')) continue;
    const pageFile = path.join(distDir, file);
    const html = insertCoursePdfLink(await readFile(pageFile, 'utf8'), href, description);
    if (html === undefined) continue;
    await writeFile(pageFile, html);
    linked++;
  }
  return linked;
}

function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

async function main(): Promise<number> {
  const env = readEnv();
  try {
    const settings = await siteConfigFromEnv(env);
    const options = parsePdfArgs(process.argv.slice(2), settings);
    if (options === 'help') {
      console.log(usage(settings));
      return 0;
    }
    if (options.only !== 'course' && !(await makePrintablePdf(options))) return 1;
    if (options.only !== 'printable') await makeCoursePdf(options);
    // The PDFs are new files and their links changed pages: "Save for offline" must store this folder as it now is.
    const manifest = await writeOfflineManifest(options.distDir, options.base);
    console.log(`Updated the offline manifest: ${manifest.files.length} files, ${(manifest.bytes / 1024 / 1024).toFixed(1)} MB`);
    return 0;
  } catch (error) {
    // A bad setting is the maintainer's to fix, like a missing build: one message, no stack trace.
    if (error instanceof PdfError || error instanceof SiteConfigError || error instanceof CoursePdfError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) {
  process.exitCode = await main();
}
