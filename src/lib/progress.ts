/**
 * Course progress as the browser keeps it: the slugs of the lessons a reader marked done, under
 * one versioned localStorage key. Nothing leaves the browser. Pure functions, shared by the client
 * script (src/client/progress.ts) and its tests; kept small because every page loads them.
 */

/** Bump the version when the stored shape changes: older data is then ignored, never misread. */
export const PROGRESS_KEY = 'docker-learning:progress:v1';

/** The stored value: `{"done":["concepts/containers", …]}`. Anything else reads as no progress. */
export function parseProgress(raw: string | null | undefined): Set<string> {
  try {
    const done = (JSON.parse(raw ?? '') as { done?: unknown }).done;
    // Entries that are not slugs (a number, an object) stay in the set but never match a lesson.
    return new Set(Array.isArray(done) ? (done as string[]) : []);
  } catch {
    return new Set();
  }
}

export function serializeProgress(done: Iterable<string>): string {
  return JSON.stringify({ done: [...done] });
}

/** How many of `lessons` are done: slugs of pages that no longer exist never count. */
export function countDone(done: ReadonlySet<string>, lessons: readonly string[]): number {
  return lessons.filter((slug) => done.has(slug)).length;
}
