import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/env.ts';
import { loadLessonChecks, type LessonChecks } from '../../src/core/lessons/status.ts';
import { lessonStatusOf, pageStatusLine, type Segment } from '../../src/lib/lesson-status.ts';

// The report `npm run lessons` really writes (on the fake engine of tests/fixtures/lessons/bin),
// read as the site reads it: what the runner and the site agree on is tested end to end, not on a
// report written by hand.
const pages = 'tests/fixtures/lessons/pages';
const fakeBin = path.join(projectRoot, 'tests/fixtures/lessons/bin');
let temp: string;
let checks: LessonChecks | undefined;

function runLessons(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(projectRoot, 'scripts/run-lessons.ts'), ...args],
      { cwd: projectRoot, env: { ...process.env, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`, FAKE_DOCKER_STATE: path.join(temp, 'state'), GITHUB_STEP_SUMMARY: '' }, timeout: 60_000 },
      () => resolve(child.exitCode),
    );
  });
}

const said = (docsPath: string) => {
  const status = lessonStatusOf(checks, docsPath, {});
  if (!status) return undefined;
  const line = pageStatusLine(status);
  return `${line.label}${line.date ? ` on ${line.date.text}` : ''}: ${line.detail.map((s: Segment) => (typeof s === 'string' ? s : s.code)).join('')}`;
};

beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'lesson-status-'));
  const reportFile = path.join(temp, 'lessons.json');
  const code = await runLessons(['--engine', 'host', '--report', reportFile, ...['passes-varying-output.md', 'wrong-output.md', 'leaves-volume.md'].map((page) => `${pages}/${page}`)]);
  expect(code).toBe(1);
  checks = loadLessonChecks({ reportFile, rootDir: projectRoot, docsDir: path.join(projectRoot, pages) });
}, 60_000);
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe("the site reads the runner's own report", () => {
  it('accepts it and finds each page by its path', () => {
    expect(Object.keys(checks?.pages ?? {}).sort()).toEqual(['leaves-volume.md', 'passes-varying-output.md', 'wrong-output.md']);
    expect(checks?.run).toMatchObject({ dockerEngine: '28.5.2', compose: '2.40.0', standIns: false });
  });

  it('words a passed page, a wrong output and a page that leaves a volume behind', () => {
    expect(said('passes-varying-output.md')).toMatch(/^Steps checked on \w+ \d+, \d{4}: \d+ steps passed and 2 were skipped, with Docker Engine 28\.5\.2 and Docker Compose 2\.40\.0, using the published images\.$/);
    expect(said('wrong-output.md')).toMatch(/^Last check failed on \w+ \d+, \d{4}: step \d+ of \d+, printf 'one\\ntwo\\nthree\\n', printed something other than the output the page shows\. Checked with Docker Engine 28\.5\.2/);
    expect(said('leaves-volume.md')).toMatch(/^Last check failed on \w+ \d+, \d{4}: the steps passed, but the clean-up left behind volume notes\. Checked with/);
  });
});
