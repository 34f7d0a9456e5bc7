import { describe, expect, it } from 'vitest';
import type { LessonCheck, LessonChecks, LessonRun } from '../../src/core/lessons/status.ts';
import {
  formatCheckDate,
  formatVersion,
  lessonStatusOf,
  listStatusText,
  pageStatusLine,
  runDescription,
  runOf,
  sectionStatuses,
  segmentsText,
  type LessonStatus,
  type Segment,
} from '../../src/data/lesson-status-text.ts';
import type { SidebarSection } from '../../src/data/sidebar.ts';

const run: LessonRun = {
  checkedAt: '2026-12-01T04:41:07.000Z',
  engine: { name: 'Docker Engine', version: '28.5.2+dfsg3' },
  tools: [{ name: 'Docker Compose', version: 'v2.40.3' }],
  standIns: true,
};
const passed: LessonCheck = { outcome: 'passed', steps: { total: 12, passed: 12 } };
const checks: LessonChecks = { run, pages: { 'hands-on/limits.md': passed }, elsewhere: [] };
/** The sentence as a learner reads it, code and all. */
const text = (segments: Segment[]) => segmentsText(segments);
const status = (check: LessonCheck): LessonStatus => ({ state: check.outcome, check, run });

describe('dates and versions as a learner compares them', () => {
  it('writes the date of the run as the "Last updated" date is written, in UTC whatever the time zone', () => {
    expect(formatCheckDate('2026-12-01T04:41:07.000Z')).toBe('December 1, 2026');
    expect(formatCheckDate('2026-12-31T23:59:59.000Z')).toBe('December 31, 2026');
  });

  it('shows the version the tool itself prints: no leading v, no packager suffix', () => {
    expect(formatVersion('28.5.2+dfsg3')).toBe('28.5.2');
    expect(formatVersion('v2.40.3')).toBe('2.40.3');
    expect(formatVersion('29.1.0')).toBe('29.1.0');
    expect(formatVersion('  27.0.0-rc.1 ')).toBe('27.0.0-rc.1');
    expect(formatVersion('dev')).toBe('dev');
    expect(formatVersion(`28.${'9'.repeat(200)}`)).toHaveLength(24);
  });

  it('names the engine, Compose when there was one, and whether the images were stand-ins', () => {
    expect(runDescription(run)).toBe(
      'with Docker Engine 28.5.2 and Docker Compose 2.40.3, using stand-in images built locally in place of the published ones',
    );
    expect(runDescription({ ...run, tools: [], standIns: false })).toBe('with Docker Engine 28.5.2, using the published images');
    expect(runDescription({ ...run, engine: { name: 'Docker Engine', version: null }, tools: [] })).toMatch(
      /^with Docker Engine \(version unknown\),/,
    );
  });

  it('names whatever engine and tools the report names, as a list', () => {
    const other: LessonRun = {
      ...run,
      engine: { name: 'Kubernetes', version: 'v1.34.1' },
      tools: [
        { name: 'kubectl', version: '1.34.0' },
        { name: 'Helm', version: '3.19.0' },
      ],
      standIns: false,
    };
    expect(runDescription(other)).toBe('with Kubernetes 1.34.1, kubectl 1.34.0 and Helm 3.19.0, using the published images');
    // A report from any CI cache: a name is clipped like a version, never a paragraph.
    expect(runDescription({ ...other, tools: [{ name: 'x'.repeat(500), version: '1' }] })).toMatch(/^with Kubernetes 1\.34\.1 and x{39}… 1,/);
  });
});

describe('which pages show a status', () => {
  it('shows nothing on any page without a report', () => {
    expect(lessonStatusOf(null, 'hands-on/limits.md', { run: true })).toBeUndefined();
  });

  it('shows the result of a page the report covers, and "not yet checked" on a lesson that runs but is not covered', () => {
    expect(lessonStatusOf(checks, 'hands-on/limits.md', undefined)).toEqual({ state: 'passed', check: passed, run });
    expect(lessonStatusOf(checks, 'hands-on/compose.md', {})).toEqual({ state: 'unchecked' });
    expect(lessonStatusOf(checks, 'hands-on/compose.md', { run: true })).toEqual({ state: 'unchecked' });
  });

  it('shows nothing on a page that does not run: no lesson settings, or run: false', () => {
    expect(lessonStatusOf(checks, 'concepts/containers.md', undefined)).toBeUndefined();
    expect(lessonStatusOf(checks, 'concepts/containers.md', true)).toBeUndefined();
    expect(lessonStatusOf(checks, 'hands-on/compose.md', { run: false })).toBeUndefined();
  });
});

describe('the line near a lesson title', () => {
  it('says when every step passed, with which engine and images', () => {
    const line = pageStatusLine(status(passed));
    expect([line.label, line.date, text(line.detail)]).toEqual([
      'Steps checked',
      { iso: '2026-12-01T04:41:07.000Z', text: 'December 1, 2026' },
      'all 12 steps passed, with Docker Engine 28.5.2 and Docker Compose 2.40.3, using stand-in images built locally in place of the published ones.',
    ]);
    expect(text(pageStatusLine(status({ outcome: 'passed', steps: { total: 5, passed: 4 } })).detail)).toMatch(
      /^4 steps passed and 1 was skipped, with Docker Engine/,
    );
    expect(text(pageStatusLine(status({ outcome: 'passed', steps: { total: 1, passed: 1 } })).detail)).toMatch(/^its one step passed, /);
  });

  it('says plainly which step failed and how, then the engine', () => {
    const failed: LessonCheck = {
      outcome: 'failed',
      steps: { total: 9, passed: 3 },
      failure: { kind: 'step', number: 4, step: 'docker run --rm --memory 6m alpine true', how: 'exit', exitCode: 125 },
    };
    const line = pageStatusLine(status(failed));
    expect(line.label).toBe('Last check failed');
    expect(line.detail).toContainEqual({ code: 'docker run --rm --memory 6m alpine true' });
    expect(text(line.detail)).toBe(
      'step 4 of 9, docker run --rm --memory 6m alpine true, ended with exit status 125. Checked with Docker Engine 28.5.2 and Docker Compose 2.40.3, using stand-in images built locally in place of the published ones.',
    );
    const how = (failure: LessonCheck['failure']) => text(pageStatusLine(status({ ...failed, failure })).detail).split('. Checked')[0];
    expect(how({ kind: 'step', number: 2, step: 'docker ps', how: 'output' })).toBe(
      'step 2 of 9, docker ps, printed something other than the output the page shows',
    );
    expect(how({ kind: 'step', number: 2, step: 'docker logs -f web', how: 'unfinished' })).toBe('step 2 of 9, docker logs -f web, did not finish');
    expect(how({ kind: 'left-behind', objects: ['container:web', 'image:nginx:alpine'] })).toBe(
      'the steps passed, but the clean-up left behind container web, image nginx:alpine',
    );
    const leftBehind = pageStatusLine(
      status({
        ...failed,
        failure: { kind: 'left-behind', objects: ['volume:a', 'volume:b', 'volume:c', 'network:d', 'build-cache:e', 'volume:f'] },
      }),
    ).detail;
    expect(leftBehind.filter((s) => typeof s !== 'string')).toEqual([{ code: 'a' }, { code: 'b' }, { code: 'c' }, { code: 'd' }]);
    expect(text(leftBehind)).toMatch(/volume c, network d and 2 more\. Checked/);
    expect(how({ kind: 'not-run' })).toBe('the steps could not be run');
  });

  it('says "Not yet checked" with no date on a lesson the report does not cover', () => {
    const line = pageStatusLine({ state: 'unchecked' });
    expect([line.label, line.date, text(line.detail)]).toEqual([
      'Not yet checked',
      undefined,
      'the commands on this page have not been run by the automatic check yet.',
    ]);
  });
});

describe("the landing page's list", () => {
  const failedAt = (number: number): LessonCheck => ({
    outcome: 'failed',
    steps: { total: 9, passed: number - 1 },
    failure: { kind: 'step', number, step: 'x', how: 'exit', exitCode: 1 },
  });

  it('gives each lesson its state in a few words', () => {
    expect(listStatusText(status(passed))).toBe('passed on December 1, 2026');
    expect(listStatusText(status({ outcome: 'passed', steps: { total: 5, passed: 3 } }))).toBe('passed on December 1, 2026 (2 of 5 steps skipped)');
    expect(listStatusText(status(failedAt(4)))).toBe('failed on December 1, 2026, at step 4 of 9');
    expect(
      listStatusText(status({ outcome: 'failed', steps: { total: 2, passed: 2 }, failure: { kind: 'left-behind', objects: ['volume:x'] } })),
    ).toBe('failed on December 1, 2026: the clean-up left something behind');
    expect(listStatusText(status({ outcome: 'failed', steps: { total: 0, passed: 0 }, failure: { kind: 'not-run' } }))).toBe(
      'could not be run on December 1, 2026',
    );
    expect(listStatusText({ state: 'unchecked' })).toBe('not yet checked');
  });

  it("lists the section's pages that show a status, nested ones too, in reading order", () => {
    const link = (slug: string, label: string) => ({ type: 'link' as const, slug, label, current: false });
    const section = {
      type: 'section',
      label: 'Hands-on',
      path: 'hands-on',
      landing: link('hands-on', 'Hands-on'),
      children: [
        link('hands-on/b', 'B'),
        link('hands-on/a', 'A'),
        { type: 'section', label: 'More', path: 'hands-on/more', children: [link('hands-on/more/c', 'C')] },
      ],
    } as unknown as SidebarSection;
    const statuses = new Map<string, LessonStatus>([
      ['hands-on/a', status(passed)],
      ['hands-on/more/c', { state: 'unchecked' }],
      ['hands-on', status(passed)],
    ]);
    const list = sectionStatuses(section, statuses);
    expect(list.map((entry) => [entry.label, entry.status.state])).toEqual([
      ['A', 'passed'],
      ['C', 'unchecked'],
    ]);
    expect(runOf(list)).toBe(run);
    expect(runOf([{ label: 'C', slug: 'c', status: { state: 'unchecked' } }])).toBeUndefined();
  });
});
