/**
 * `npm run pdf`: renders the built quick-reference page to dist/docker-quick-ref.pdf with Debian's
 * Chromium, so readers can download a sheet that matches the site's print stylesheet exactly.
 *
 * The page is served from dist/ on 127.0.0.1 (under the site's base path) rather than opened as a
 * file:// URL, because the built HTML refers to its CSS and images by site-absolute paths.
 * Run it after `npm run build`; the site build itself never needs Chromium.
 */
import { access, constants, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { projectRoot, readEnv } from '../src/core/env.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.ts';
import { serveStatic } from './support/static-server.ts';
import { insertPdfLink, pdfPlaceholderHtml } from '../src/core/printable.ts';
import { siteConfigFromEnv, SiteConfigError, type SiteConfig } from '../src/core/site-config.ts';
import { joinBase } from '../src/core/urls.ts';

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
}

/** A problem the user can fix, reported as one message without a stack trace. */
export class PdfError extends Error {
  override name = 'PdfError';
}

const usage = (printable: SiteConfig['printable']) => `Usage: npm run pdf -- [options]

Renders the course's printable page (the \`printable\` setting) from the built site to a PDF with
Debian's Chromium.

Options:
  --dist DIR        built site folder (default: dist)
  --out FILE        output file (default: DIST/${printable?.pdf ?? '(none set)'})
  --page PATH       page inside the site (default: ${printable ? `${printable.page}/` : '(none set)'})
  --chromium PATH   Chromium executable (default: ${CHROMIUM_PATH})
  --format NAME     paper size when the page sets none: A4 or Letter (default: A4)
  --max-pages N     fail if the PDF has more pages than this (default: 2)
  -h, --help        show this help`;

/** Turns command-line arguments into options, or throws a PdfError saying what is wrong. */
export function parsePdfArgs(argv: string[], settings: Pick<SiteConfig, 'base' | 'printable'>, cwd = process.cwd()): PdfOptions | 'help' {
  const { base, printable } = settings;
  const USAGE = usage(printable);
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
  const page = values.page ?? (printable ? `${printable.page}/` : undefined);
  const pdfName = values.out ?? printable?.pdf;
  if (!page || !pdfName) {
    throw new PdfError('This course names no printable page: add printable: { page, pdf } to its settings (src/site.config.ts), or pass --page and --out.');
  }
  const distDir = path.resolve(cwd, values.dist ?? path.join(projectRoot, 'dist'));
  return {
    distDir,
    outFile: path.resolve(cwd, values.out ?? path.join(distDir, pdfName)),
    page: page.replace(/^\/+/, ''),
    base,
    chromiumPath: values.chromium ?? CHROMIUM_PATH,
    format,
    maxPages,
  };
}

/** Counts page objects in a PDF; Chromium writes each page as one `/Type /Page` dictionary. */
export function countPdfPages(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

async function checkInputs(options: PdfOptions): Promise<string> {
  const pageFile = path.join(options.distDir, options.page, 'index.html');
  const isFile = await stat(pageFile).then((s) => s.isFile(), () => false);
  if (!isFile) {
    const distExists = await stat(options.distDir).then((s) => s.isDirectory(), () => false);
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
    await page.route((url) => !url.href.startsWith(site.origin), (route) => route.abort());
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
  const relativeToDist = path.relative(options.distDir, result.outFile);
  if (relativeToDist.startsWith('..')) return; // written outside the site: nothing to link to
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

async function main(): Promise<number> {
  const env = readEnv();
  try {
    const settings = await siteConfigFromEnv(env);
    const options = parsePdfArgs(process.argv.slice(2), settings);
    if (options === 'help') {
      console.log(usage(settings.printable));
      return 0;
    }
    const result = await renderPdf(options);
    const relative = path.relative(process.cwd(), result.outFile);
    const shown = relative && !relative.startsWith('..') ? relative : result.outFile;
    for (const url of result.missing) console.warn(`warning: the page requested ${url}, which is not in ${options.distDir}`);
    console.log(
      `Wrote ${shown}: ${result.pages} page${result.pages === 1 ? '' : 's'} (${options.format} unless the page sets a size), ` +
        `${(result.bytes / 1024).toFixed(1)} kB in ${(result.milliseconds / 1000).toFixed(1)} s`,
    );
    if (result.pages > options.maxPages) {
      console.error(
        `error: /${options.page} prints to ${result.pages} pages, more than the ${options.maxPages} it promises. ` +
          'Shorten that page or tighten the print stylesheet.',
      );
      return 1;
    }
    await linkPdfFromPage(options, result);
    return 0;
  } catch (error) {
    // A bad setting is the maintainer's to fix, like a missing build: one message, no stack trace.
    if (error instanceof PdfError || error instanceof SiteConfigError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) {
  process.exitCode = await main();
}
