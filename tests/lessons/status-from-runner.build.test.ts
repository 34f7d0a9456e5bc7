import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/env.ts';
import { findFrontmatter } from '../../src/core/content/source.ts';
import { pageStepsFingerprint } from '../../src/core/lessons/fingerprint.ts';
import { lessonSettingsSchema } from '../../src/core/lessons/page-settings.ts';
import { loadLessonChecks, type LessonChecks } from '../../src/core/lessons/status.ts';
import { lessonStatusOf, pageStatusLine, segmentsText } from '../../src/data/lesson-status-text.ts';

// The report `npm run lessons` really writes (on the fake engine of tests/fixtures/content/lessons/bin),
// read as the site reads it: what the runner and the site agree on is tested end to end, not on a
// report written by hand. The pages are copies, so a test can edit one after the run.
const fixturePages = path.join(projectRoot, 'tests/fixtures/content/lessons/pages');
const fakeBin = path.join(projectRoot, 'tests/fixtures/content/lessons/bin');
const PAGES = ['passes-varying-output.md', 'wrong-output.md', 'leaves-volume.md'];
let temp: string;
let docsDir: string;
let checks: LessonChecks | undefined;

function runLessons(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(projectRoot, 'scripts/run-lessons.ts'), ...args],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          PATH: `${fakeBin}${path.delimiter}${process.env.PATH}`,
          FAKE_DOCKER_STATE: path.join(temp, 'state'),
          GITHUB_STEP_SUMMARY: '',
        },
        timeout: 60_000,
      },
      () => resolve(child.exitCode),
    );
  });
}

/** The page's `lesson:` settings as the site's content schema reads them. */
function settingsOf(source: string) {
  const lesson = (parseYaml(findFrontmatter(source)?.yaml ?? '') as { lesson?: unknown } | null)?.lesson;
  return typeof lesson === 'object' && lesson !== null ? lessonSettingsSchema.parse(lesson) : undefined;
}

/** What the page says under its title, as the site builds it from the page as it is now. */
function said(page: string): string | undefined {
  const file = path.join(docsDir, page);
  const source = readFileSync(file, 'utf8');
  const settings = settingsOf(source);
  const status = lessonStatusOf(checks, page, settings, () => pageStepsFingerprint(file, source, settings));
  if (!status) return undefined;
  const line = pageStatusLine(status);
  return `${line.label}${line.date ? ` on ${line.date.text}` : ''}: ${segmentsText(line.detail)}`;
}

beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'lesson-status-'));
  docsDir = path.join(temp, 'docs');
  mkdirSync(docsDir);
  for (const page of PAGES) copyFileSync(path.join(fixturePages, page), path.join(docsDir, page));
  const reportFile = path.join(temp, 'lessons.json');
  const code = await runLessons(['--engine', 'host', '--report', reportFile, ...PAGES.map((page) => path.join(docsDir, page))]);
  expect(code).toBe(1);
  checks = loadLessonChecks({ reportFile, rootDir: projectRoot, docsDir });
}, 60_000);
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe("the site reads the runner's own report", () => {
  it('accepts it and finds each page by its path', () => {
    expect(Object.keys(checks?.pages ?? {}).sort()).toEqual([...PAGES].sort());
    expect(checks?.run).toMatchObject({
      engine: { name: 'Docker Engine', version: '28.5.2' },
      tools: [{ name: 'Docker Compose', version: '2.40.0' }],
      standIns: false,
    });
  });

  it('words a passed page, a wrong output and a page that leaves a volume behind', () => {
    expect(said('passes-varying-output.md')).toMatch(
      /^Steps checked on \w+ \d+, \d{4}: \d+ steps passed and 2 were skipped, with Docker Engine 28\.5\.2 and Docker Compose 2\.40\.0, using the published images\.$/,
    );
    expect(said('wrong-output.md')).toMatch(
      /^Last check failed on \w+ \d+, \d{4}: step \d+ of \d+, printf 'one\\ntwo\\nthree\\n', printed something other than the output the page shows\. Checked with Docker Engine 28\.5\.2/,
    );
    expect(said('leaves-volume.md')).toMatch(
      /^Last check failed on \w+ \d+, \d{4}: the steps passed, but the clean-up left behind volume notes\. Checked with/,
    );
  });

  it('keeps the result through an edit of the prose, and stops claiming it once a step, an expected output or a setting changes', () => {
    const file = path.join(docsDir, 'passes-varying-output.md');
    const original = readFileSync(file, 'utf8');
    const edit = (from: string | RegExp, to: string) => {
      const changed = original.replace(from, to);
      expect(changed).not.toBe(original);
      writeFileSync(file, changed);
      return said('passes-varying-output.md');
    };
    try {
      expect(edit(/\n\n(?=```sh)/, '\n\nA new sentence of prose, and a blank line.\n\n')).toMatch(/^Steps checked on /);
      const changed = /^Not yet checked: the commands on this page have changed since the last check, on \w+ \d+, \d{4}\.$/;
      expect(edit('docker ps\n', 'docker ps --all\n')).toMatch(changed);
      expect(edit('timeout: 20', 'timeout: 30')).toMatch(changed);
    } finally {
      writeFileSync(file, original);
    }
  });
});
