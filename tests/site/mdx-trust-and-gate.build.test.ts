/**
 * Issue 24 through real `astro build` runs: full MDX only under mdx.trusted (said once), the gate
 * on what is actually published (which a real page passes and a bypass does not), a site without a
 * home page, and the render time limit.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPublishedPage } from '../../src/core/security/output-gate.ts';
import { Page } from '../../scripts/support/html-page.ts';
import { buildSite, projectRoot, readPage, type BuildResult } from '../helpers/build-site.ts';
import { realSite } from '../quality/sites.ts';
import { filesUnder, freshDir, lineIn, page, problemList, shown } from './hostile-content.helpers.ts';

const fixture = path.join(projectRoot, 'tests', 'fixtures', 'content', 'trusted-mdx');
const trustedConfig = { DOCS_SITE_CONFIG: path.join(fixture, 'site.config.ts') };
const NOTICE = 'mdx.trusted is on: MDX pages run as code';

function expectRefused(build: BuildResult): void {
  expect(build.status, build.output).not.toBe(0);
  expect(build.output).not.toMatch(/Stack trace|\n\s+at |Complete!/);
  expect(filesUnder(build.outDir).filter((file) => file.endsWith('.html'))).toEqual([]);
}

/** The fixture copied into the run's folder, with extra pages, so one build can add a page the others lack. */
function fixtureWith(name: string, pages: Record<string, string>): string {
  const root = freshDir(name);
  cpSync(path.join(fixture, 'docs'), path.join(root, 'docs'), { recursive: true });
  for (const [file, text] of Object.entries(pages)) writeFileSync(path.join(root, 'docs', file), text);
  return root;
}

/** Site settings like the fixture's, with `settings` (a TS object literal) spread over the real ones. */
function configWith(name: string, settings: string): string {
  const file = path.join(freshDir(name), 'site.config.ts');
  const real = path.join(projectRoot, 'src', 'site.config.ts');
  writeFileSync(file, `import site from ${JSON.stringify(real)};\nexport default { ...site, ${settings} };\n`);
  return file;
}

// Builds run in beforeAll hooks: a build waiting for the Astro lock on a busy machine counts against the hook's longer timeout.

describe('mdx.trusted: full MDX for sites that review pages as code', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildSite({ contentDir: fixture, name: 'trusted-mdx', env: trustedConfig });
  });

  it('builds a page that computes, and says once what trust gives up', () => {
    expect(build.status, build.output).toBe(0);
    expect(new Page(readPage(build.outDir, 'guide/computed')).text('.prose')).toContain('The image has 3 layers: BASE, RUNTIME, APP.');
    expect(build.output.split(NOTICE)).toHaveLength(2);
  });
});

describe('the same pages without mdx.trusted', () => {
  let refused: BuildResult;
  beforeAll(() => {
    refused = buildSite({ contentDir: fixture, name: 'trusted-mdx-untrusted' });
  });

  it('are refused at the lines that compute, before any page runs', () => {
    expectRefused(refused);
    expect(refused.output).not.toContain(NOTICE);
    const file = path.join(fixture, 'docs', 'guide', 'computed.mdx');
    const text = readFileSync(file, 'utf8');
    const named = problemList(refused.output).lines.filter((line) => line.startsWith(`${shown(file)}:`));
    expect([...new Set(named.map((line) => Number(line.split(':')[1])))]).toEqual([lineIn(text, 'export function'), lineIn(text, 'The image has')]);
  });
});

describe('a throwing expression in trusted MDX', () => {
  let thrown: BuildResult;
  let contentDir: string;
  beforeAll(() => {
    const body = 'Before.\n\n{(() => { throw new Error("boom from the page") })()}\n\nAnd {undefined.x}.\n';
    contentDir = fixtureWith('trusted-mdx-throws', { 'guide/throws.mdx': page('Throws', body) });
    thrown = buildSite({ contentDir, name: 'trusted-mdx-throws-out', env: trustedConfig });
  });

  it('is listed at its line with the others, without stack traces, and nothing is published', () => {
    expectRefused(thrown);
    expect(thrown.output).not.toContain('Hint:');
    const file = shown(path.join(contentDir, 'docs', 'guide', 'throws.mdx'));
    expect(problemList(thrown.output).lines).toEqual([
      `${file}:8: the expression {(() => { throw new Error("boom from t...} failed: boom from the page. Fix the expression, or write the value into the page.`,
      `${file}:10: the expression {undefined.x} failed: Cannot read properties of undefined (reading 'x'). Fix the expression, or write the value into the page.`,
    ]);
  });
});

describe('the gate on published pages', () => {
  let bypassed: BuildResult;
  let contentDir: string;
  let real: BuildResult;
  beforeAll(() => {
    // Both pass the input checks in trusted mode: the tag is computed, and JSX inside an expression is code.
    const bypass =
      'export const S = \'script\';\n\n<S>alert(\'published\')</S>\n\n{<img src="https://example.com/x.png" alt="" onError="alert(2)" />}\n';
    contentDir = fixtureWith('trusted-mdx-bypass', { 'guide/bypass.mdx': page('Bypass', bypass) });
    bypassed = buildSite({ contentDir, name: 'trusted-mdx-bypass-out', env: trustedConfig });
    real = realSite();
  });

  it('refuses script that reached a page past the input checks (trusted MDX here), naming page and file', () => {
    expectRefused(bypassed);
    const file = shown(path.join(contentDir, 'docs', 'guide', 'bypass.mdx'));
    expect(bypassed.output).toContain('Rendered pages hold markup the site never publishes; nothing was published (2 problems):');
    expect(bypassed.output).toContain(`  - ${file}: rendered to /guide/bypass/ with <script> in the page body`);
    expect(bypassed.output).toContain(`  - ${file}: rendered to /guide/bypass/ with <img onerror> in the page body (event handlers run script)`);
  });

  it('passes real pages: the site itself, with knowledge checks, code titles, task lists and asides', () => {
    const pages = filesUnder(real.outDir).filter((file) => file.endsWith('index.html') && !file.startsWith('resources/'));
    const withSiteMarkup = pages.filter((file) => /class="knowledge-check"/.test(readFileSync(path.join(real.outDir, file), 'utf8')));
    expect(withSiteMarkup.length).toBeGreaterThan(0);
    for (const file of pages) expect(checkPublishedPage(readFileSync(path.join(real.outDir, file), 'utf8')), file).toEqual([]);
  });
});

describe('a site without a home page', () => {
  let missing: BuildResult;
  let empty: BuildResult;
  let contentDir: string;
  beforeAll(() => {
    contentDir = fixtureWith('no-home-page', { 'guide/plain.md': page('Plain') });
    rmSync(path.join(contentDir, 'docs', 'index.md'));
    rmSync(path.join(contentDir, 'docs', 'guide', 'computed.mdx'));
    missing = buildSite({ contentDir, name: 'no-home-page-out' });
    const emptyDir = freshDir('empty-docs');
    mkdirSync(path.join(emptyDir, 'docs'));
    empty = buildSite({ contentDir: emptyDir, name: 'empty-docs-out' });
  });

  it('stops before loading anything when docs/index.md is missing, saying what to write', () => {
    expectRefused(missing);
    expect(problemList(missing.output).lines).toEqual([
      `${shown(path.join(contentDir, 'docs', 'index.md'))}: is missing: every site needs a home page, and every page links to it. Create it with frontmatter that gives it a title (---, then title: Welcome, then ---) and a few lines that say what the site teaches.`,
    ]);
  });

  it('stops when docs/ is empty', () => {
    expectRefused(empty);
    expect(problemList(empty.output).lines).toEqual([expect.stringMatching(/docs\/index\.md: is missing: every site needs a home page/)]);
  });
});

describe('the render time limit', () => {
  let build: BuildResult;
  beforeAll(() => {
    // A limit no page can meet: whichever page a render worker takes first runs out of time.
    const config = configWith('render-limit-config', 'renderTimeLimitSeconds: 0.001');
    build = buildSite({ contentDir: fixture, name: 'render-limit-out', env: { DOCS_SITE_CONFIG: config } });
  });

  it('fails the build naming a page that took longer than renderTimeLimitSeconds', () => {
    expectRefused(build);
    expect(problemList(build.output).lines).toContain(
      'tests/fixtures/content/trusted-mdx/docs/index.md: took longer than 0.001 s to render, so the build stopped it (renderTimeLimitSeconds in src/site.config.ts). Look for what makes this page slow: an enormous table or code block, or deeply repeated markup.',
    );
  });
});
