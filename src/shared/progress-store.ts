/**
 * Course progress as the browser keeps it: the slugs of the lessons a reader marked done, under
 * one versioned localStorage key (the `progressKey` setting, made from the course title unless set;
 * its `:v1` is bumped when the stored shape changes, so older data is ignored, never misread).
 * Nothing leaves the browser. Pure functions, shared by the client
 * script (src/client/progress.ts) and its tests; kept small because every page loads them.
 */

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

/**
 * How many done lessons a sidebar section holds. `of` is what sectionProgressOf wrote: slugs,
 * prefixes ending in '/' (`hands-on/`) and excluded slugs after a '-' (`-hands-on/cheatsheet`), or
 * `*` for the whole course. A page removed from a section may still be stored until the home page
 * prunes it, so the count never exceeds the total.
 */
export function countInSection(done: ReadonlySet<string>, of: string, total: number): number {
  const tokens = of.split(' ');
  const matches = (slug: string, token: string) => token === '*' || (token.endsWith('/') ? slug.startsWith(token) : slug === token);
  let count = 0;
  for (const slug of done) {
    if (typeof slug !== 'string' || tokens.includes(`-${slug}`)) continue;
    if (tokens.some((token) => matches(slug, token))) count++;
  }
  return Math.min(count, total);
}

/** Drops stored slugs that are not lessons any more; whether anything was dropped. */
export function pruneProgress(done: Set<string>, lessons: readonly string[]): boolean {
  const known = new Set(lessons);
  const before = done.size;
  for (const slug of done) if (!known.has(slug)) done.delete(slug);
  return done.size !== before;
}
