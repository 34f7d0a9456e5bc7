import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AstroError } from 'astro/errors';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContentSession } from '../../src/core/content/session.ts';
import { ContentProblemsError } from '../../src/core/problems.ts';
import validateContent from '../../src/integrations/validate-content.ts';
import { RENDER_ERROR_REPORTER } from '../../src/integrations/astro-internals.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(root, 'tests/fixtures/content', name);

function fakeLogger() {
  const errors: string[] = [];
  const logger = {
    error: (message: string) => errors.push(message),
    warn: () => {},
    info: () => {},
    // The integration counts Astro's logged errors through the logger's destination.
    options: { destination: { write: () => true } },
  };
  return { errors, logger: logger as unknown as AstroIntegrationLogger };
}

/** Runs the integration's setup hook as Astro would for `command`. */
function setup(options: {
  docs: string;
  links: string;
  command: 'build' | 'sync';
  onProblems?: (error: ContentProblemsError) => void;
  github?: { stepSummary?: string };
}) {
  const docsDir = path.join(path.isAbsolute(options.docs) ? options.docs : fixture(options.docs), 'docs');
  const session = createContentSession(
    {
      contentDir: path.dirname(docsDir),
      docsDir,
      publicDir: path.join(root, 'public'),
      componentsDir: path.join(root, 'src/components'),
      allowedImports: [],
      cacheDir: os.tmpdir(),
    },
    { load: false },
  );
  const integration = validateContent({
    session,
    linksFile: path.join(fixture(options.links), 'links.yaml'),
    onProblems: options.onProblems,
    github: options.github,
  });
  const { errors, logger } = fakeLogger();
  const hook = integration.hooks['astro:config:setup'] as unknown as (params: object) => void;
  const run = () => hook({ command: options.command, config: { root: pathToFileURL(`${root}/`), base: '/' }, logger, updateConfig: () => {} });
  /** Astro's last hook of a build, over an output folder. */
  const done = (outDir: string) =>
    (integration.hooks['astro:build:done'] as unknown as (params: object) => void)({ logger, dir: pathToFileURL(`${outDir}/`) });
  return { errors, run, done };
}

describe('validate-content integration: stopping a build', () => {
  const consoleError = console.error;
  afterEach(() => {
    // A build quiets Markdown parse errors on console.error and installs the MDX expression
    // reporter on globalThis until it ends; a test that runs only the setup of a clean build leaves
    // them, so put both back for the files that share this worker.
    console.error = consoleError;
    delete (globalThis as Record<string, unknown>)[RENDER_ERROR_REPORTER];
  });

  it('logs the list and hands it to the entry point, which decides how the build ends', () => {
    const onProblems = vi.fn((error: ContentProblemsError) => {
      throw error;
    });
    const { errors, run } = setup({ docs: 'bad-frontmatter', links: 'site', command: 'build', onProblems });
    expect(run).toThrow(ContentProblemsError);
    expect(onProblems).toHaveBeenCalledOnce();
    const error = onProblems.mock.calls[0]![0];
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.problems.every((problem) => problem.file.startsWith('tests/fixtures/content/bad-frontmatter/docs/'))).toBe(true);
    expect(errors).toEqual([error.message]);
    expect(error.message).toMatch(/^The content has problems; fix them and build again \(\d+ problems?\):\n {2}- /);
  });

  it('in GitHub Actions, annotates each problem at its file and line and lists them in the job summary', () => {
    const summary = path.join(mkdtempSync(path.join(os.tmpdir(), 'summary-')), 'summary.md');
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const { run } = setup({ docs: 'bad-frontmatter', links: 'site', command: 'build', github: { stepSummary: summary } });
      expect(run).toThrow(AstroError);
    } finally {
      write.mockRestore();
    }
    const annotations = written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('::'));
    expect(annotations).toContain(
      '::error file=tests/fixtures/content/bad-frontmatter/docs/broken.md,line=4,title=Content problem::invalid frontmatter field sidebar.order: expected number (got "first"); fix the value in the frontmatter.',
    );
    const table = readFileSync(summary, 'utf8');
    expect(table).toContain('## Content problems');
    expect(table).toContain('| `tests/fixtures/content/bad-frontmatter/docs/broken.md` | 4 | invalid frontmatter field sidebar.order');
  });

  it('throws an AstroError when nobody ends the build, without repeating the list', () => {
    const { errors, run } = setup({ docs: 'bad-frontmatter', links: 'site', command: 'build' });
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AstroError);
    expect((thrown as AstroError).message).toMatch(/^The build stopped at \d+ content problems?, listed above; nothing was published\.$/);
    expect((thrown as AstroError).hint).toBeTruthy();
    expect(errors).toHaveLength(1);
  });

  it('checks links.yaml before Astro loads it, in a build and in `astro sync`, with its own heading', () => {
    for (const command of ['build', 'sync'] as const) {
      const onProblems = vi.fn();
      const { errors, run } = setup({ docs: 'site', links: 'bad-links-yaml', command, onProblems });
      expect(run).toThrow(AstroError);
      const error = onProblems.mock.calls[0]![0] as ContentProblemsError;
      expect(error.problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual([
        'tests/fixtures/content/bad-links-yaml/links.yaml:3',
        'tests/fixtures/content/bad-links-yaml/links.yaml:12',
      ]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^content\/links\.yaml has errors; fix them and build again \(2 problems\):\n/);
    }
  });

  it('lists links.yaml and the pages together when both have problems, pages last', () => {
    const onProblems = vi.fn();
    const { errors, run } = setup({ docs: 'bad-frontmatter', links: 'bad-links-yaml', command: 'build', onProblems });
    expect(run).toThrow(AstroError);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^content\/links\.yaml has errors/);
    expect(errors[1]).toMatch(/^The content has problems/);
    const error = onProblems.mock.calls[0]![0] as ContentProblemsError;
    expect(error.problems.some((problem) => problem.file.endsWith('links.yaml'))).toBe(true);
    expect(error.problems.some((problem) => problem.file.endsWith('.md'))).toBe(true);
  });

  it('names each problem once, though both checks of a stopped build read the same pages', () => {
    const content = mkdtempSync(path.join(os.tmpdir(), 'gate-draft-home-'));
    mkdirSync(path.join(content, 'docs'));
    writeFileSync(path.join(content, 'docs', 'index.md'), '---\ntitle: Home\ndescription: Start here.\ndraft: true\n---\n\n[gone](./missing.md)\n');
    writeFileSync(path.join(content, 'docs', 'broken.md'), '---\ntitle: Broken\nsidebar:\n  order: first\n---\n\nText.\n');
    const onProblems = vi.fn();
    const { run } = setup({ docs: content, links: 'site', command: 'build', onProblems });
    expect(run).toThrow(AstroError);
    const problems = (onProblems.mock.calls[0]![0] as ContentProblemsError).problems;
    expect(problems.map((problem) => `${path.basename(problem.file)}:${problem.line}`)).toEqual(['broken.md:4', 'index.md:4', 'index.md:7']);
    expect(problems[0]!.message).toMatch(/^invalid frontmatter field sidebar\.order/);
    expect(problems[1]!.message).toMatch(/^is the home page and says "draft: true"/);
    // Found by the second check, from the page's facts: the list is complete, not only the first stage's.
    expect(problems[2]!.message).toMatch(/^link "\.\/missing\.md" points to /);
  });

  it('lets a clean build go on', () => {
    const onProblems = vi.fn();
    const { errors, run } = setup({ docs: 'site', links: 'site', command: 'build', onProblems });
    expect(run).not.toThrow();
    expect(onProblems).not.toHaveBeenCalled();
    expect(errors).toEqual([]);
  });
});

describe('validate-content integration: what a build puts on globals', () => {
  const reporter = () => (globalThis as Record<string, unknown>)[RENDER_ERROR_REPORTER];

  it('installs the MDX expression reporter for the build and removes it when the build ends', () => {
    const consoleError = console.error;
    const { run, done } = setup({ docs: 'site', links: 'site', command: 'build' });
    run();
    expect(typeof reporter()).toBe('function');
    expect(console.error).not.toBe(consoleError);
    done(mkdtempSync(path.join(os.tmpdir(), 'gate-out-')));
    expect(reporter()).toBeUndefined();
    expect(console.error).toBe(consoleError);
  });

  it('removes them when the content stops the build too', () => {
    const consoleError = console.error;
    const { run } = setup({ docs: 'bad-frontmatter', links: 'site', command: 'build', onProblems: vi.fn() });
    expect(run).toThrow(AstroError);
    expect(reporter()).toBeUndefined();
    expect(console.error).toBe(consoleError);
  });
});
