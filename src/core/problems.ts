import type { z } from 'zod';
import { spellOutBidiControls } from './plain-text.ts';

/** A problem found in author-controlled input, precise enough to fix without reading code. */
export interface ContentProblem {
  file: string;
  line?: number;
  /** What is wrong and what to do about it, in one sentence or two. */
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}

export function formatProblems(title: string, problems: ContentProblem[]): string {
  const lines = problems.map((p) => `  - ${formatProblem(p)}`);
  return `${title} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
}

/**
 * Problems that stop a build, as a value: code that finds them throws this, and the entry point
 * (astro.config.mjs, a CLI) decides how they are shown and what the exit code is. The message is
 * the whole list, so even an error nobody handled names every problem.
 */
export class ContentProblemsError extends Error {
  override name = 'ContentProblemsError';
  readonly title: string;
  readonly problems: ContentProblem[];

  constructor(title: string, problems: ContentProblem[]) {
    super(formatProblems(title, problems));
    this.title = title;
    this.problems = problems;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  // Bidi controls are spelled out: printed raw they would reorder the rest of the message.
  if (typeof value === 'string') return spellOutBidiControls(JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value));
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Turns zod issues into "field: expected X, got Y" sentences. zod's own messages say what was
 * expected; we add what was actually found, because "Invalid input" alone sends authors hunting.
 */
export function describeZodIssues(error: z.ZodError, data: unknown): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(top level)';
    const got = valueAt(data, issue.path);
    // We say what was found ourselves, so zod's "Invalid input: … received undefined" would repeat it.
    const expected = issue.message.replace(/^Invalid input: /, '').replace(/, received [\w ]+$/, '');
    return { path, message: `${path}: ${expected} (got ${describeValue(got)})` };
  });
}
