import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Page } from '../../scripts/support/html-page.ts';
import { buildSite, readPage, type BuildResult } from '../helpers/build-site.ts';

// A course with four lessons that run (one passed, one failed, one the report does not cover, one
// whose steps changed after the run) and a page of ideas with nothing to run. Its settings file names the fixture report, as a course
// names its own; LESSONS_REPORT is cleared so the helper's "no report" default does not override it.
const fixture = 'tests/fixtures/content/lesson-status';
const settings = { DOCS_SITE_CONFIG: path.join(fixture, 'site.config.ts') };
/** The words on the page, as a learner reads them. */
const said = (page: Page, selector: string) => page.text(selector);

describe('lesson pages show their last check from the lessons report', () => {
  let build: BuildResult;
  let page: (sitePath: string) => Page;
  beforeAll(() => {
    build = buildSite({ contentDir: fixture, name: 'lesson-status', reuse: true, env: { ...settings, LESSONS_REPORT: '' } });
    page = (sitePath) => new Page(readPage(build.outDir, sitePath));
  });

  it('builds, naming the page of the report that is not part of this course', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain(
      'has results for pages outside tests/fixtures/content/lesson-status/docs, which this site does not show: content/docs/hands-on/limits.md.',
    );
  });

  it('says under the title of a lesson that passed when, with which engine and Compose, and that the images were stand-ins', () => {
    const lesson = page('practice/run-a-container');
    expect(said(lesson, 'article > .lesson-status')).toBe(
      'Steps checked on December 1, 2026: 2 steps passed and 1 was skipped, with Docker Engine 28.5.2 and Docker Compose 2.40.3, using stand-in images built locally in place of the published ones.',
    );
    expect(lesson.attr('.lesson-status time', 'dateTime')).toBe('2026-12-01T04:41:07.000Z');
    // Right after the title, before the reading time and the page's own text.
    expect(lesson.one('article > h1 + .lesson-status')).toBeDefined();
  });

  it('says plainly that a lesson failed, at which step and command, and when', () => {
    const lesson = page('practice/limit-memory');
    expect(said(lesson, 'article > .lesson-status')).toBe(
      'Last check failed on December 1, 2026: step 2 of 3, docker run --rm --memory 6m alpine@sha256:4bcff63911fcb4448bd4fdacec207030997ca…, ended with exit status 125. Checked with Docker Engine 28.5.2 and Docker Compose 2.40.3, using stand-in images built locally in place of the published ones.',
    );
    expect(said(lesson, '.lesson-status strong')).toBe('Last check failed');
    // A long command is cut short: the line stays a line, and the page below shows it whole.
    expect(said(lesson, '.lesson-status code')).toBe('docker run --rm --memory 6m alpine@sha256:4bcff63911fcb4448bd4fdacec207030997ca…');
  });

  it('says "Not yet checked" on a lesson that runs but that the report does not cover, and nothing on a page with nothing to run', () => {
    expect(said(page('practice/keep-data'), 'article > .lesson-status')).toBe(
      'Not yet checked: the commands on this page have not been run by the automatic check yet.',
    );
    expect(page('ideas/why').all('.lesson-status, .lesson-statuses')).toEqual([]);
  });

  it('does not claim a result for steps that have changed since the run, and says when that run was', () => {
    const lesson = page('practice/build-an-image');
    expect(said(lesson, 'article > .lesson-status')).toBe(
      'Not yet checked: the commands on this page have changed since the last check, on December 1, 2026.',
    );
    expect(lesson.attr('.lesson-status time', 'dateTime')).toBe('2026-12-01T04:41:07.000Z');
    expect(page('').all('.lesson-status, .lesson-statuses')).toEqual([]);
  });

  it("lists every lesson's status on the section's landing page, each linked, with the engine once", () => {
    const landing = page('practice');
    expect(said(landing, '.lesson-statuses h2')).toBe('When the steps were last checked');
    expect(landing.texts('.lesson-statuses li')).toEqual([
      'Build an image: not yet checked: changed since the check on December 1, 2026',
      'Keep data: not yet checked',
      'Limit memory: failed on December 1, 2026, at step 2 of 3',
      'Run a container: passed on December 1, 2026 (1 of 3 steps skipped)',
    ]);
    expect(landing.all('.lesson-statuses li a').map((a) => a.properties.href)).toEqual([
      '/practice/build-an-image/',
      '/practice/keep-data/',
      '/practice/limit-memory/',
      '/practice/run-a-container/',
    ]);
    expect(said(landing, '.lesson-statuses li[data-lesson-status="failed"] strong')).toBe('failed on December 1, 2026, at step 2 of 3');
    expect(said(landing, '.lesson-statuses > p')).toBe(
      'The commands were run automatically with Docker Engine 28.5.2 and Docker Compose 2.40.3, using stand-in images built locally in place of the published ones.',
    );
  });

  it('adds no script, and keeps the status out of the search index', () => {
    for (const sitePath of ['practice', 'practice/limit-memory', 'practice/keep-data']) {
      const lesson = page(sitePath);
      expect(lesson.all('.lesson-status script, .lesson-statuses script')).toEqual([]);
      expect(lesson.all('[data-lesson-status]:not([data-pagefind-ignore]):not(li)')).toEqual([]);
    }
    const scripts = (sitePath: string) =>
      page(sitePath)
        .all('script[src]')
        .map((s) => s.properties.src)
        .sort();
    expect(scripts('practice/limit-memory')).toEqual(scripts('ideas/why'));
  });
});

describe('without a lessons report', () => {
  it('shows no status on any page', () => {
    // The helper points LESSONS_REPORT at a file that does not exist.
    const build = buildSite({ contentDir: fixture, name: 'lesson-status-no-report', env: settings });
    expect(build.status, build.output).toBe(0);
    for (const sitePath of ['practice', 'practice/limit-memory', 'practice/keep-data', 'practice/run-a-container']) {
      expect(new Page(readPage(build.outDir, sitePath)).all('.lesson-status, .lesson-statuses, [data-lesson-status]')).toEqual([]);
    }
  });
});

describe('a lessons report that is not one stops the build', () => {
  const buildWith = (report: string, name: string) =>
    buildSite({ contentDir: fixture, name, env: { ...settings, LESSONS_REPORT: path.join(fixture, 'bad-reports', report) } });

  it('names a file that is not JSON, and how to fix it, without a stack trace', () => {
    const result = buildWith('truncated.json', 'lesson-status-bad-json');
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /The lessons report tests\/fixtures\/content\/lesson-status\/bad-reports\/truncated\.json is not valid JSON: .+\. Write it again with `npm run lessons -- --report tests\/fixtures\/content\/lesson-status\/bad-reports\/truncated\.json`, or delete it to build without lesson status\./,
    );
    expect(result.output).not.toMatch(/Stack trace|\n\s+at /);
  });

  it('names each wrong field, what it expected and what it found', () => {
    const result = buildWith('wrong-fields.json', 'lesson-status-bad-fields');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'The lessons report tests/fixtures/content/lesson-status/bad-reports/wrong-fields.json is not a report `npm run lessons` writes (schema: src/core/lessons/report.ts):',
    );
    expect(result.output).toContain('  - engine.version: expected string (got number 28)');
    expect(result.output).toMatch(/ {2}- pages\.1\.verdict: .*\(got "broken"\)/);
    expect(result.output).not.toMatch(/Stack trace|\n\s+at /);
  });
});
