import { createHash } from 'node:crypto';
import { parsePage } from '../content/parse.ts';
import type { LessonSettings } from './page-settings.ts';
import { extractLessonSteps, type LessonBlock } from './steps.ts';

/**
 * What a page asked the runner to do, as one short digest: its steps (commands, expected outputs,
 * files, annotations) and its lesson settings, without line numbers, so an edit to the prose
 * around the steps keeps it and an edit to any step changes it. The runner records it with each
 * page's result; the site computes it again from the page it builds, and a page whose steps have
 * changed since the run does not claim the old result.
 */
export function stepsFingerprint(blocks: LessonBlock[], settings: LessonSettings | undefined): string {
  const json = JSON.stringify(canonical({ blocks, settings: settings ?? { run: true } }));
  return `sha256:${createHash('sha256').update(json).digest('hex')}`;
}

/** The fingerprint of a page's source; undefined when it does not parse (the build reports that). */
export function pageStepsFingerprint(file: string, source: string, settings: LessonSettings | undefined): string | undefined {
  const parsed = parsePage({ file, format: file.endsWith('.mdx') ? 'mdx' : 'md', source });
  if ('problem' in parsed) return undefined;
  return stepsFingerprint(extractLessonSteps(parsed.tree, parsed.lineOffset).blocks, settings);
}

/** Where a step is in the file says nothing about what it does. */
const POSITION_KEYS = new Set(['line', 'annotationLine']);

/** Plain data with keys sorted and positions and undefined values left out: equal steps, equal JSON. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([key, item]) => !POSITION_KEYS.has(key) && item !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]));
}
