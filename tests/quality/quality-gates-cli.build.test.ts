import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { joinBase } from '../../src/core/urls.ts';
import { projectRoot } from '../helpers/build-site.ts';

const cli = path.join(projectRoot, 'scripts/quality-gates.ts');
const fixture = (name: string) => path.join(projectRoot, 'tests/fixtures/dist', name);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as `npm run gates` would, with the environment's site settings removed so only flags count. */
function runGates(args: string[]): Run {
  const { SITE_URL: _url, SITE_BASE: _base, DOCS_CONTENT_DIR: _content, ...env } = process.env;
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: projectRoot, env, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The lines under one gate's heading, up to the next gate. */
function gateSection(stdout: string, gate: string): string {
  const start = stdout.split('\n').findIndex((line) => line.includes(`  ${gate}`));
  if (start === -1) return '';
  const rest = stdout.split('\n').slice(start);
  const end = rest.findIndex((line, i) => i > 0 && !line.startsWith('      '));
  return rest.slice(0, end === -1 ? undefined : end).join('\n');
}

describe('npm run gates on deliberately broken builds', () => {
  it('fails the built-site link gate and names each broken link with its file and line', () => {
    const run = runGates(['--dist', fixture('broken-links/root'), '--site', 'https://example.org']);
    expect(run.code).toBe(1);
    const links = gateSection(run.stdout, 'built-site links and anchors');
    expect(links).toMatch(/^FAIL {2}built-site links and anchors: 7 problems/);
    expect(links).toContain('index.html:15 <a href> "/missing/": no file in the build for /missing/');
    expect(links).toContain('index.html:16 <a href> "/guide/#nowhere": no element with id "nowhere" on /guide/');
    expect(run.stdout).toMatch(/\d of 5 gates failed\.\n$/);
  });

  it('judges links against the base path given with --base', () => {
    const run = runGates(['--dist', fixture('broken-links/base'), '--base', '/docs', '--site', 'https://example.org']);
    expect(run.code).toBe(1);
    expect(gateSection(run.stdout, 'built-site links and anchors')).toContain(
      'index.html:7 <a href> "/guide/": points outside the base path /docs: on the deployed site this is another site\'s page',
    );
  });

  it('fails html-validate with file, line, column and rule', () => {
    const run = runGates(['--dist', fixture('broken-html')]);
    expect(run.code).toBe(1);
    const html = gateSection(run.stdout, 'html-validate');
    expect(html).toMatch(/^FAIL {2}html-validate: 5 problems/);
    expect(html).toContain('index.html:10:8 Duplicate ID "title" (no-dup-id)');
    expect(html).not.toContain('valid.html');
  });

  it('fails the metadata and sitemap gates, naming the page or sitemap entry', () => {
    const run = runGates(['--dist', fixture('broken-metadata'), '--site', 'https://example.org']);
    expect(run.code).toBe(1);
    const metadata = gateSection(run.stdout, 'metadata and canonical URLs');
    expect(metadata).toContain('bare/index.html: <html> has no lang attribute');
    expect(metadata).toContain('twice/index.html: the canonical URL is "https://example.org/elsewhere/", expected "https://example.org/twice/"');
    expect(gateSection(run.stdout, 'sitemap')).toContain('the sitemap lists https://example.org/hidden/, a page marked noindex');
  });

  it('fails the page-weight gate on a page that loads search code up front', () => {
    const run = runGates(['--dist', fixture('broken-weight')]);
    expect(run.code).toBe(1);
    expect(gateSection(run.stdout, 'page weight')).toBe(
      'FAIL  page weight: 1 problem (1 page)\n      index.html: loads search code before search opens: /pagefind/pagefind.js',
    );
  });
});

/**
 * A small build that every gate accepts, written the way the generator writes pages: a home page and
 * a guide linking to each other and to an anchor, a stylesheet, a noindex 404 page left out of the
 * sitemap. Generated rather than built, so this file stays in the quick unit tier.
 */
function writePassingSite(dir: string, base: string, site: string): void {
  const href = (sitePath: string) => joinBase(base, sitePath);
  const page = (sitePath: string, title: string, body: string, head = '') => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta name="description" content="${title}, a page of the passing build.">
<link rel="canonical" href="${new URL(href(sitePath), site).href}">
<link rel="stylesheet" href="${href('/_astro/site.css')}">${head}
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
  const files: Record<string, string> = {
    'index.html': page('/', 'Home', `<p><a href="${href('/guide/')}">Guide</a>, <a href="${href('/guide/#setup')}">its setup</a>.</p>`),
    'guide/index.html': page('/guide/', 'Guide', `<h2 id="setup">Setup</h2>\n<p><a href="${href('/')}">Home</a></p>`),
    '404.html': page('/404.html', 'Not found', `<p><a href="${href('/')}">Home</a></p>`, '\n<meta name="robots" content="noindex">'),
    '_astro/site.css': 'body { margin: 0; }\n',
    'sitemap-index.xml': `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${new URL(href('/sitemap-0.xml'), site).href}</loc></sitemap></sitemapindex>`,
    'sitemap-0.xml': `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${['/', '/guide/'].map((p) => `<url><loc>${new URL(href(p), site).href}</loc></url>`).join('')}</urlset>`,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

describe('npm run gates on a build that passes', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'quality-gates-pass-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('passes every gate and exits 0 at the domain root', () => {
    const dist = path.join(root, 'at-root');
    writePassingSite(dist, '/', 'https://example.org');
    const run = runGates(['--dist', dist, '--site', 'https://example.org']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('ok    built-site links and anchors (3 pages)');
    expect(run.stdout).not.toContain('FAIL');
    expect(run.stdout).toMatch(/All 5 gates passed\.\n$/);
    expect(run.code).toBe(0);
  });

  it('passes under a base path given with --base, and fails the same build judged without it', () => {
    const dist = path.join(root, 'under-base');
    writePassingSite(dist, '/docs', 'https://example.org');
    const run = runGates(['--dist', dist, '--base', '/docs/', '--site', 'https://example.org']);
    expect(run.stdout).not.toContain('FAIL');
    expect(run.code).toBe(0);
    const wrongBase = runGates(['--dist', dist, '--site', 'https://example.org']);
    expect(wrongBase.code).toBe(1);
    expect(gateSection(wrongBase.stdout, 'built-site links and anchors')).toContain(
      'index.html:13 <a href> "/docs/guide/": no file in the build for /docs/guide/',
    );
  });
});

describe('npm run gates usage errors', () => {
  const empty = mkdtempSync(path.join(os.tmpdir(), 'quality-gates-empty-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('exits 2 on an unknown flag', () => {
    const run = runGates(['--dsit', 'dist']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--dsit'");
  });

  it('exits 2 and names a dist folder that does not exist', () => {
    const run = runGates(['--dist', 'no-such-build']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the built site folder no-such-build does not exist');
    expect(run.stdout).toBe('');
  });

  it('exits 2 on a folder with no pages rather than passing having checked nothing', () => {
    const run = runGates(['--dist', empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('holds no HTML pages');
  });

  it('exits 2 on a base path or site URL the site config would refuse', () => {
    expect(runGates(['--dist', fixture('broken-html'), '--base', 'docs']).stderr).toContain("--base: expected a path starting with '/'");
    expect(runGates(['--dist', fixture('broken-html'), '--site', 'example.org']).code).toBe(2);
  });

  it('prints its usage with --help', () => {
    const run = runGates(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run gates');
  });
});
