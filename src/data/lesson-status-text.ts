import type { LessonCheck, LessonChecks, LessonFailure, LessonRun } from '../core/lessons/status.ts';
import { readingOrder, type SidebarSection } from './sidebar.ts';

/**
 * What a lesson page and its section's landing page say about the lesson's last check, in words a
 * learner reads: the status is text (the colour and border only repeat it), and every sentence is
 * built here so the components only place it.
 */
export type LessonStatus =
  | { state: 'passed' | 'failed'; check: LessonCheck; run: LessonRun }
  /**
   * A lesson that runs, which the report does not cover (not run yet, or run on its own since), or
   * whose steps have changed since the run (`changedAfter`: when that run was).
   */
  | { state: 'unchecked'; changedAfter?: string };

/**
 * The status of one page, or undefined when it shows none: no report at all, or a page that is not
 * a lesson that runs (no `lesson:` settings, or `run: false`) and that the report does not cover.
 * `fingerprintNow` gives the page's steps as they are now, to compare with the ones that ran.
 */
export function lessonStatusOf(
  checks: LessonChecks | null | undefined,
  docsPath: string,
  lesson: boolean | { run?: boolean } | undefined,
  fingerprintNow: () => string | undefined = () => undefined,
): LessonStatus | undefined {
  if (!checks) return undefined;
  const check = checks.pages[docsPath];
  if (check) {
    // A result is shown only for the steps it is about; a report without fingerprints cannot tell.
    if (check.fingerprint !== undefined && check.fingerprint !== fingerprintNow()) return { state: 'unchecked', changedAfter: checks.run.checkedAt };
    return { state: check.outcome, check, run: checks.run };
  }
  const runs = typeof lesson === 'object' && lesson.run !== false;
  return runs ? { state: 'unchecked' } : undefined;
}

/** "December 7, 2026", as the page's "Last updated" date reads, in UTC so every build says the same. */
export function formatCheckDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/**
 * A version as a learner compares it with the tool's own version command: without a leading v and
 * without the packager's build suffix (a Debian package's 28.5.2+dfsg3 is release 28.5.2).
 */
export function formatVersion(version: string): string {
  const trimmed = version.trim().replace(/^v(?=\d)/, '');
  const plain = trimmed.replace(/\+.*$/, '') || trimmed;
  // The report may come from any CI cache: a version is a few characters, never a paragraph.
  return clip(plain, MAX_VERSION_CHARS);
}

const MAX_VERSION_CHARS = 24;
/** Longest engine or tool name shown; real ones are two or three words. */
const MAX_TOOL_NAME_CHARS = 40;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** "A", "A and B", "A, B and C". */
function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * "with Docker Engine 28.5.2 and Docker Compose 2.40.3, using the published images": the engine
 * and the tools as the runner named them in the report, so no course's engine is named here.
 */
export function runDescription(run: LessonRun): string {
  const name = clip(run.engine.name.trim(), MAX_TOOL_NAME_CHARS);
  const engine = run.engine.version === null ? `${name} (version unknown)` : `${name} ${formatVersion(run.engine.version)}`;
  const tools = run.tools.map((tool) => `${clip(tool.name.trim(), MAX_TOOL_NAME_CHARS)} ${formatVersion(tool.version)}`);
  const images = run.standIns ? 'using stand-in images built locally in place of the published ones' : 'using the published images';
  return `with ${listed([engine, ...tools])}, ${images}`;
}

/** A piece of a sentence: text, a command shown as code, or a date. */
export type Segment = string | { code: string } | { time: string; text: string };

/** A sentence as plain text, as a learner reads it (for tests and logs). */
export const segmentsText = (segments: Segment[]): string =>
  segments.map((s) => (typeof s === 'string' ? s : 'code' in s ? s.code : s.text)).join('');

function howItFailed(failure: Extract<LessonFailure, { kind: 'step' }>): string {
  switch (failure.how) {
    case 'exit':
      return `ended with exit status ${failure.exitCode}`;
    case 'output':
      return 'printed something other than the output the page shows';
    case 'unfinished':
      return 'did not finish';
    default:
      return 'did not work as the page describes';
  }
}

/** Most objects a page names as left behind; the report has them all. */
const MAX_LEFT_BEHIND = 4;
/** Longest object name shown (an image name with its registry and tag fits). */
const MAX_NAME_CHARS = 60;

/** `volume:pgdata` as "volume `pgdata`" (an image keeps its tag: `image:nginx:alpine`). */
function leftBehindSegments(objects: string[]): Segment[] {
  const named = objects.slice(0, MAX_LEFT_BEHIND).flatMap((object, index): Segment[] => {
    const colon = object.indexOf(':');
    const kind = colon > 0 ? object.slice(0, colon).replace('build-cache', 'build cache') : '';
    const whole = colon > 0 ? object.slice(colon + 1) : object;
    const name = whole.length > MAX_NAME_CHARS ? `${whole.slice(0, MAX_NAME_CHARS - 1)}…` : whole;
    return [...(index > 0 ? [', '] : []), ...(kind ? [`${kind} `] : []), { code: name }];
  });
  const more = objects.length - MAX_LEFT_BEHIND;
  return more > 0 ? [...named, ` and ${more} more`] : named;
}

/** What went wrong, after "Last check failed on …:" ; also the landing page's short form. */
function failureSegments(check: LessonCheck): Segment[] {
  const failure = check.failure ?? { kind: 'not-run' };
  switch (failure.kind) {
    case 'step':
      return [`step ${failure.number} of ${check.steps.total}, `, { code: failure.step }, `, ${howItFailed(failure)}.`];
    case 'left-behind':
      return ['the steps passed, but the clean-up left behind ', ...leftBehindSegments(failure.objects), '.'];
    case 'not-run':
      return ['the steps could not be run.'];
  }
}

function passedSummary(check: LessonCheck): string {
  const { total, passed } = check.steps;
  if (total === 0) return 'the page has no steps to run';
  if (passed === total) return total === 1 ? 'its one step passed' : `all ${total} steps passed`;
  const skipped = total - passed;
  return `${passed} ${passed === 1 ? 'step' : 'steps'} passed and ${skipped} ${skipped === 1 ? 'was' : 'were'} skipped`;
}

export interface StatusLine {
  state: LessonStatus['state'];
  /** The status in a few words, first and in bold: "Steps checked", "Last check failed", "Not yet checked". */
  label: string;
  /** When the run was, for a <time> element. */
  date?: { iso: string; text: string };
  /** The rest of the sentence, after the label and the date. */
  detail: Segment[];
}

/** The line near a lesson's title. */
export function pageStatusLine(status: LessonStatus): StatusLine {
  if (status.state === 'unchecked') {
    if (status.changedAfter) {
      const when = { time: status.changedAfter, text: formatCheckDate(status.changedAfter) };
      return {
        state: 'unchecked',
        label: 'Not yet checked',
        detail: ['the commands on this page have changed since the last check, on ', when, '.'],
      };
    }
    return { state: 'unchecked', label: 'Not yet checked', detail: ['the commands on this page have not been run by the automatic check yet.'] };
  }
  const date = { iso: status.run.checkedAt, text: formatCheckDate(status.run.checkedAt) };
  if (status.state === 'passed') {
    return { state: 'passed', label: 'Steps checked', date, detail: [`${passedSummary(status.check)}, ${runDescription(status.run)}.`] };
  }
  return { state: 'failed', label: 'Last check failed', date, detail: [...failureSegments(status.check), ` Checked ${runDescription(status.run)}.`] };
}

/** The landing page's entry for a lesson, after its linked title: "passed on December 7, 2026". */
export function listStatusText(status: LessonStatus): string {
  if (status.state === 'unchecked')
    return status.changedAfter ? `not yet checked: changed since the check on ${formatCheckDate(status.changedAfter)}` : 'not yet checked';
  const on = `on ${formatCheckDate(status.run.checkedAt)}`;
  if (status.state === 'passed') {
    const { total, passed } = status.check.steps;
    return passed === total ? `passed ${on}` : `passed ${on} (${total - passed} of ${total} steps skipped)`;
  }
  const failure = status.check.failure;
  if (failure?.kind === 'step') return `failed ${on}, at step ${failure.number} of ${status.check.steps.total}`;
  if (failure?.kind === 'left-behind') return `failed ${on}: the clean-up left something behind`;
  return `could not be run ${on}`;
}

export interface SectionLessonStatus {
  label: string;
  slug: string;
  status: LessonStatus;
}

/** The landing page's list: every page of the section (nested ones too) that shows a status, in reading order. */
export function sectionStatuses(section: SidebarSection, statuses: ReadonlyMap<string, LessonStatus>): SectionLessonStatus[] {
  return readingOrder(section.children).flatMap((link) => {
    const status = statuses.get(link.slug);
    return status ? [{ label: link.label, slug: link.slug, status }] : [];
  });
}

/** The run the list's closing sentence describes ("Checked with …"): one report, one engine. */
export function runOf(list: SectionLessonStatus[]): LessonRun | undefined {
  for (const { status } of list) if (status.state !== 'unchecked') return status.run;
  return undefined;
}
