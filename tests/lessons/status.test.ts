import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonCheckOf, lessonChecksFromReport, LessonReportError, loadLessonChecks, readLessonReport } from '../../src/core/lessons/status.ts';
import type { LessonReport, PageReport, StepReport } from '../../src/core/lessons/report.ts';
import { pageStepsFingerprint } from '../../src/core/lessons/fingerprint.ts';
import { lessonStatusOf } from '../../src/data/lesson-status-text.ts';

const fixtureReport = path.resolve('tests/fixtures/content/lesson-status/lessons-report.json');
const dir = mkdtempSync(path.join(tmpdir(), 'lesson-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const step = (overrides: Partial<StepReport>): StepReport => ({
  line: 10,
  kind: 'command',
  text: 'docker ps',
  terminal: 'main',
  verdict: 'passed',
  durationMs: 5,
  ...overrides,
});
const page = (overrides: Partial<PageReport>): PageReport => ({
  file: 'content/docs/a.md',
  verdict: 'passed',
  durationMs: 5,
  steps: [],
  leftBehind: [],
  problems: [],
  ...overrides,
});

describe('reading the lessons report for the build', () => {
  it('gives nothing, and no error, when there is no report', () => {
    expect(readLessonReport(path.join(dir, 'absent.json'), { shown: 'absent.json' })).toBeUndefined();
  });

  it('reads a report the runner writes', () => {
    const report = readLessonReport(fixtureReport, { shown: 'r.json' });
    expect(report?.pages.map((p) => p.verdict)).toEqual(['passed', 'failed', 'passed', 'passed']);
  });

  it('stops on a file that is not JSON, naming the file and how to fix it', () => {
    const file = fileWith('cut.json', '{ "version": 1, "pages": [');
    expect(() => readLessonReport(file, { shown: '.cache/lessons-report.json' })).toThrow(LessonReportError);
    expect(() => readLessonReport(file, { shown: '.cache/lessons-report.json' })).toThrow(
      /^The lessons report \.cache\/lessons-report\.json is not valid JSON: .+\. Write it again with `npm run lessons -- --report \.cache\/lessons-report\.json`, or delete it/,
    );
  });

  it('stops on a report with wrong fields, naming each field, what it expected and what it got', () => {
    const report = JSON.parse(readFileSync(fixtureReport, 'utf8'));
    report.pages[1].verdict = 'broken';
    report.engine.version = 28;
    const file = fileWith('wrong.json', JSON.stringify(report));
    let message = '';
    try {
      readLessonReport(file, { shown: 'reports/lessons.json' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'The lessons report reports/lessons.json is not a report `npm run lessons` writes (schema: src/core/lessons/report.ts):',
      '  - engine.version: expected string (got number 28)',
      expect.stringMatching(/^ {2}- pages\.1\.verdict: .*"passed".*\(got "broken"\)$/),
      'Write it again with `npm run lessons -- --report reports/lessons.json`, or delete it to build without lesson status.',
    ]);
  });

  it('ignores a report of another version with a warning, rather than misreading it', () => {
    const warnings: string[] = [];
    const file = fileWith('v3.json', JSON.stringify({ version: 3, anything: true }));
    expect(readLessonReport(file, { shown: 'old.json', warn: (m) => warnings.push(m) })).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringMatching(
        /^The lessons report old\.json is of version 3; this site reads version 2, so no lesson shows when it was last checked\./,
      ),
    ]);
  });

  it('builds without lesson status, warning, from a report the runner wrote before the engine was described generically', () => {
    // Version 1 had fixed engine fields; a deploy may restore one from the CI cache until the lessons run again.
    const report = JSON.parse(readFileSync(fixtureReport, 'utf8'));
    const old = {
      ...report,
      version: 1,
      engine: { kind: 'host', dockerEngine: '28.5.2', compose: '2.40.3', buildx: null, cgroupVersion: 2, standIns: [], provides: [] },
    };
    const warnings: string[] = [];
    expect(
      readLessonReport(fileWith('v1.json', JSON.stringify(old)), { shown: '.cache/lessons-report.json', warn: (m) => warnings.push(m) }),
    ).toBeUndefined();
    expect(warnings).toEqual([
      'The lessons report .cache/lessons-report.json is of version 1; this site reads version 2, so no lesson shows when it was last checked. Write it again with `npm run lessons -- --report .cache/lessons-report.json`, or delete it to build without lesson status.',
    ]);
  });

  it('stops on a folder where the report should be', () => {
    expect(() => readLessonReport(dir, { shown: 'reports/' })).toThrow(/^The lessons report reports\/ cannot be read \(EISDIR\)/);
  });
});

describe('condensing a page of the report', () => {
  it('counts the steps that passed', () => {
    expect(lessonCheckOf(page({ steps: [step({}), step({ verdict: 'skipped' }), step({})] }))).toEqual({
      outcome: 'passed',
      steps: { total: 3, passed: 2 },
    });
  });

  it('names the first failed step, its number and how it failed, from the report fields', () => {
    const failedExit = page({
      verdict: 'failed',
      steps: [step({}), step({ verdict: 'failed', text: 'docker run --memory 6m alpine', exitCode: 125 }), step({ verdict: 'not-run' })],
    });
    expect(lessonCheckOf(failedExit).failure).toEqual({ kind: 'step', number: 2, step: 'docker run --memory 6m alpine', how: 'exit', exitCode: 125 });
    const failedOutput = page({ verdict: 'failed', steps: [step({ verdict: 'failed', exitCode: 0, diff: ['- a', '+ b'] })] });
    expect(lessonCheckOf(failedOutput).failure).toMatchObject({ how: 'output' });
    const hung = page({ verdict: 'failed', steps: [step({ verdict: 'failed', exitCode: null })] });
    expect(lessonCheckOf(hung).failure).toMatchObject({ how: 'unfinished' });
  });

  it('shortens a long or multi-line command, and says a file step writes a file', () => {
    const long = `docker run ${'--env A=1 '.repeat(20)}alpine`;
    const failed = (s: Partial<StepReport>) => lessonCheckOf(page({ verdict: 'failed', steps: [step({ verdict: 'failed', ...s })] })).failure;
    expect(failed({ text: long })).toMatchObject({ step: expect.stringMatching(/^docker run --env A=1 .{50,}…$/) });
    expect((failed({ text: long }) as { step: string }).step).toHaveLength(80);
    expect(failed({ text: 'docker build \\\n  -t app .' })).toMatchObject({ step: 'docker build \\ …' });
    expect(failed({ kind: 'file', text: 'app/Dockerfile' })).toMatchObject({ step: 'writing app/Dockerfile' });
  });

  it('says what the clean-up left behind, or that the page could not run', () => {
    expect(lessonCheckOf(page({ verdict: 'failed', steps: [step({})], leftBehind: ['volume:pgdata'] })).failure).toEqual({
      kind: 'left-behind',
      objects: ['volume:pgdata'],
    });
    expect(lessonCheckOf(page({ verdict: 'error', problems: [{ message: 'the engine stopped' }] })).failure).toEqual({ kind: 'not-run' });
  });
});

describe('matching report pages to the site', () => {
  const report = JSON.parse(readFileSync(fixtureReport, 'utf8')) as LessonReport;

  it("keys pages by their path in the docs folder and leaves out another content folder's", () => {
    const checks = lessonChecksFromReport(report, { rootDir: '/repo', docsDir: '/repo/tests/fixtures/content/lesson-status/docs' });
    expect(Object.keys(checks.pages)).toEqual(['practice/run-a-container.md', 'practice/limit-memory.md', 'practice/build-an-image.md']);
    expect(checks.pages['practice/run-a-container.md']?.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(checks.run).toEqual({
      checkedAt: '2026-12-01T04:41:07.000Z',
      engine: { name: 'Docker Engine', version: '28.5.2+dfsg3' },
      tools: [{ name: 'Docker Compose', version: '2.40.3' }],
      standIns: true,
    });
    const course = lessonChecksFromReport(report, { rootDir: '/repo', docsDir: '/repo/content/docs' });
    expect(Object.keys(course.pages)).toEqual(['hands-on/limits.md']);
    expect(course.elsewhere).toEqual(
      ['run-a-container', 'limit-memory', 'build-an-image'].map((name) => `tests/fixtures/content/lesson-status/docs/practice/${name}.md`),
    );
  });

  it("warns, naming them, when the report holds pages that are not this site's", () => {
    const warnings: string[] = [];
    const rootDir = path.resolve('.');
    const checks = loadLessonChecks({
      reportFile: fixtureReport,
      rootDir,
      docsDir: path.join(rootDir, 'tests/fixtures/content/lesson-status/docs'),
      warn: (m) => warnings.push(m),
    });
    expect(Object.keys(checks?.pages ?? {})).toHaveLength(3);
    expect(warnings).toEqual([
      'The lessons report tests/fixtures/content/lesson-status/lessons-report.json has results for pages outside tests/fixtures/content/lesson-status/docs, which this site does not show: content/docs/hands-on/limits.md. Run the lessons of this content folder to show theirs.',
    ]);
  });

  it('says the images were the published ones when the report lists no stand-in', () => {
    const real = { ...report, engine: { ...report.engine, kind: 'host' as const, standIns: [] } };
    expect(lessonChecksFromReport(real, { rootDir: '/repo', docsDir: '/repo/content/docs' }).run.standIns).toBe(false);
  });
});

describe('the fingerprint of a page’s steps', () => {
  const page = '---\ntitle: T\nlesson: {}\n---\n\nRun it:\n\n```sh\ndocker ps\n```\n\n```text\nCONTAINER ID\n```\n';
  const fingerprint = (source: string, settings = { run: true }) => pageStepsFingerprint('a.md', source, settings);

  it('stays the same when only prose or line positions change', () => {
    expect(fingerprint(page.replace('Run it:', 'First some words.\n\nThen run it:'))).toBe(fingerprint(page));
  });

  it('changes with a command, an expected output, an annotation or a setting', () => {
    const changed = [
      page.replace('docker ps', 'docker ps -a'),
      page.replace('CONTAINER ID', 'CONTAINER  ID'),
      page.replace('```sh', '<!-- lesson: timeout=5 -->\n```sh'),
    ].map((source) => fingerprint(source));
    changed.push(fingerprint(page, { run: true, timeout: 5 } as { run: boolean }));
    for (const other of changed) expect(other).not.toBe(fingerprint(page));
    expect(new Set(changed).size).toBe(changed.length);
  });
});

describe('a page whose steps changed after the run', () => {
  const checks = {
    run: { checkedAt: '2026-12-01T04:41:07.000Z', engine: { name: 'Docker Engine', version: '28.5.2' }, tools: [], standIns: false },
    pages: { 'a.md': { outcome: 'passed' as const, steps: { total: 1, passed: 1 }, fingerprint: 'sha256:old' } },
    elsewhere: [],
  };

  it('shows the result only while the steps are the ones that ran', () => {
    expect(lessonStatusOf(checks, 'a.md', {}, () => 'sha256:old')).toMatchObject({ state: 'passed' });
    expect(lessonStatusOf(checks, 'a.md', {}, () => 'sha256:new')).toEqual({ state: 'unchecked', changedAfter: '2026-12-01T04:41:07.000Z' });
    // A report written before fingerprints existed cannot tell: its result stands.
    expect(
      lessonStatusOf({ ...checks, pages: { 'a.md': { outcome: 'passed', steps: { total: 1, passed: 1 } } } }, 'a.md', {}, () => 'sha256:new'),
    ).toMatchObject({ state: 'passed' });
  });
});
