import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/env.ts';
import { countPdfPages, parsePdfArgs, PdfError } from '../../scripts/pdf.ts';
import { pdfPlaceholderHtml } from '../../src/core/printable.ts';
import { tmpRoot } from '../helpers/build-site.ts';

const node = path.join(projectRoot, 'node_modules', '.bin', 'node');
/** The Docker course's settings for its printable page (src/site.config.ts). */
const QUICK_REF = { base: '/', printable: { page: 'reference/quick-reference', pdf: 'docker-quick-ref.pdf' }, coursePdf: 'docker-learning.pdf' };
const script = path.join(projectRoot, 'scripts', 'pdf.ts');

function runPdf(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(node, [script, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, SITE_BASE: '', ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A built site in miniature: the page, with the link's placeholder, and a stylesheet it loads by site-absolute path, under `base`. */
function fakeDist(name: string, base: string, body: string, placeholder = pdfPlaceholderHtml): string {
  const dist = path.join(tmpRoot, name);
  rmSync(dist, { recursive: true, force: true });
  const prefix = base === '/' ? '' : base;
  mkdirSync(path.join(dist, 'reference', 'quick-reference'), { recursive: true });
  mkdirSync(path.join(dist, '_astro'), { recursive: true });
  writeFileSync(path.join(dist, '_astro', 'print.css'), 'body { font: 11pt sans-serif; } h1 { color: #123; }');
  writeFileSync(
    path.join(dist, 'reference', 'quick-reference', 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quick reference</title>` +
      `<link rel="stylesheet" href="${prefix}/_astro/print.css"></head><body><h1>Docker quick reference</h1>${placeholder}${body}</body></html>`,
  );
  return dist;
}

describe('scripts/pdf.ts options', () => {
  it('defaults to the quick reference in dist/, A4, at most two pages', () => {
    const options = parsePdfArgs([], QUICK_REF);
    expect(options).toMatchObject({ page: 'reference/quick-reference/', format: 'A4', maxPages: 2, chromiumPath: '/usr/bin/chromium' });
    expect(options !== 'help' && options.outFile).toBe(path.join(projectRoot, 'dist', 'docker-quick-ref.pdf'));
  });

  it('accepts Letter paper and rejects nonsense with a sentence, not a stack trace', () => {
    expect(parsePdfArgs(['--format', 'letter'], QUICK_REF)).toMatchObject({ format: 'Letter' });
    expect(() => parsePdfArgs(['--format', 'A3'], QUICK_REF)).toThrow(new PdfError('--format must be A4 or Letter, not "A3".'));
    expect(() => parsePdfArgs(['--max-pages', '0'], QUICK_REF)).toThrow(/--max-pages must be a whole number/);
    expect(() => parsePdfArgs(['--colour'], QUICK_REF)).toThrow(PdfError);
  });

  it('makes only the course PDF when a course names no printable page, and asks for the setting when told to print one', () => {
    const course = { base: '/', coursePdf: 'course.pdf' };
    expect(parsePdfArgs([], course)).toMatchObject({ only: 'course', courseOutFile: path.join(projectRoot, 'dist', 'course.pdf') });
    expect(() => parsePdfArgs(['--only', 'printable'], course)).toThrow(/names no printable page: add printable: \{ page, pdf \}/);
    expect(parsePdfArgs(['--page', 'cheat-sheet/', '--out', 'sheet.pdf'], course)).toMatchObject({ page: 'cheat-sheet/' });
    expect(() => parsePdfArgs(['--only', 'book'], course)).toThrow(new PdfError('--only takes printable or course, not "book".'));
  });

  it('stops on a bad site setting with the settings message, not a stack trace', () => {
    const { status, stderr } = runPdf([], { SITE_BASE: 'docs' });
    expect(status).toBe(1);
    expect(stderr).toContain("base: expected a path starting with '/'");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('counts pages the way Chromium writes them', () => {
    const pdf = Buffer.from(
      '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>\n<< /Type /Page /Parent 2 0 R >>\n<</Type/Page/Parent 2 0 R>>',
      'latin1',
    );
    expect(countPdfPages(pdf)).toBe(2);
  });
});

describe('npm run pdf', () => {
  it('renders the page from dist/ under the base path with Chromium', () => {
    const dist = fakeDist('pdf-site', '/docs-base', '<p>One short page.</p>');
    const out = path.join(dist, 'docker-quick-ref.pdf');
    const { status, stdout, stderr } = runPdf(['--only', 'printable', '--dist', dist], { SITE_BASE: '/docs-base' });
    expect(status, stderr).toBe(0);
    expect(stdout).toMatch(/Wrote .*docker-quick-ref\.pdf: 1 page /);
    expect(stderr).not.toMatch(/warning/); // the stylesheet was found under the base path
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(countPdfPages(pdf)).toBe(1);
    const page = readFileSync(path.join(dist, 'reference', 'quick-reference', 'index.html'), 'utf8');
    expect(page).toMatch(/<a href="\/docs-base\/docker-quick-ref\.pdf" download>Download as PDF<\/a> \(A4, 1 page, \d+ kB\)/);
  });

  it('fails when the page has no place for the link, instead of shipping a PDF nobody finds', () => {
    const dist = fakeDist('pdf-no-placeholder', '/', '<p>x</p>', '');
    const { status, stderr } = runPdf(['--only', 'printable', '--dist', dist]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/has no place for the download link .*data-pdf-download/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('fails when the sheet no longer fits on the promised number of pages', () => {
    const dist = fakeDist('pdf-long', '/', '<p>Line of text.</p>'.repeat(400));
    const { status, stderr } = runPdf(['--only', 'printable', '--dist', dist, '--max-pages', '2']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/prints to \d+ pages, more than the 2 it promises/);
    expect(existsSync(path.join(dist, 'docker-quick-ref.pdf'))).toBe(true);
  });

  it('says to build first when dist/ is missing', () => {
    const { status, stderr } = runPdf(['--dist', path.join(tmpRoot, 'no-such-dist')]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/does not exist: build the site first with `npm run build`/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says how to install Chromium when it is missing', () => {
    const dist = fakeDist('pdf-no-chromium', '/', '<p>x</p>');
    const { status, stderr } = runPdf(['--only', 'printable', '--dist', dist, '--chromium', '/nonexistent/chromium']);
    expect(status).toBe(1);
    expect(stderr).toContain('Chromium was not found at /nonexistent/chromium');
    expect(stderr).toContain('apt-get install -y chromium');
  });
});
