import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { cacheFileSchema, emptyCache, type CacheEntry, type CacheFile } from '../../src/core/link-cache/format.ts';
import type { LinkCheckConfig } from './config.ts';
import { resultGroups } from './dedupe.ts';
import type { LinkResult, UrlToCheck } from './types.ts';

export interface LoadedCache {
  cache: CacheFile;
  /** Set when a cache file existed but could not be used; the caller shows it. */
  warning?: string;
}

/** Reads the cache. Absent → empty; unreadable, corrupt or from another version → empty with a warning. */
export async function readCache(file: string): Promise<LoadedCache> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { cache: emptyCache() };
    return {
      cache: emptyCache(),
      warning: `Ignoring the link-check cache ${file}: it cannot be read (${(error as Error).message}). Every link will be checked.`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      cache: emptyCache(),
      warning: `Ignoring the link-check cache ${file}: it is not valid JSON (damaged or cut short). Every link will be checked and the file rewritten.`,
    };
  }
  const parsed = cacheFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      cache: emptyCache(),
      warning: `Ignoring the link-check cache ${file}: it does not have the expected format (written by another version?). Every link will be checked and the file rewritten.`,
    };
  }
  return { cache: parsed.data };
}

export interface AtomicWriteHooks {
  /** Called once the temporary file is fully written, before the rename (tests interrupt here). */
  afterTempWritten?: (tempFile: string) => void | Promise<void>;
}

/**
 * Writes the cache so that a reader (or a later run) sees either the old file or the new one, never
 * a half-written mix: write a temporary file in the same folder, flush it to disk, then rename it
 * over the old one (rename is atomic within a file system).
 */
export async function writeCacheAtomic(file: string, cache: CacheFile, hooks: AtomicWriteHooks = {}): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  await removeStaleTempFiles(file);
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(cache)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await hooks.afterTempWritten?.(temp);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

/** Temp files left by a run that was killed mid-write; old enough that no live run still owns them. */
async function removeStaleTempFiles(file: string, olderThanMs = 10 * 60 * 1000): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > olderThanMs) await unlink(full).catch(() => {});
  }
}

export interface CacheSplit {
  /** Results answered from the cache (fromCache: true), with this run's places. */
  cached: LinkResult[];
  /** Targets that need a request. */
  pending: UrlToCheck[];
}

/**
 * Answers from the cache every page whose entries are all fresh. Freshness depends on the verdict:
 * only verdicts with a max age (ok, redirected, unverified) are reused; failures are re-checked.
 */
export function splitByCache(
  targets: readonly UrlToCheck[],
  cache: CacheFile,
  options: { now: number } & Pick<LinkCheckConfig, 'cacheMaxAgeMs' | 'checkFragments'>,
): CacheSplit {
  const cached: LinkResult[] = [];
  const pending: UrlToCheck[] = [];
  const fresh = (entry: CacheEntry | undefined): entry is CacheEntry => {
    if (!entry) return false;
    const maxAge = (options.cacheMaxAgeMs as Record<string, number | undefined>)[entry.verdict] ?? 0;
    const age = options.now - Date.parse(entry.checkedAt);
    return age >= 0 && age < maxAge;
  };
  for (const target of targets) {
    if (target.kind === 'invalid') {
      pending.push(target);
      continue;
    }
    const groups = resultGroups(target, options.checkFragments);
    const entries = groups.map((group) => cache.entries[group.url]);
    if (!entries.every(fresh)) {
      pending.push(target);
      continue;
    }
    groups.forEach((group, index) => {
      cached.push(resultFromEntry(entries[index] as CacheEntry, group.places));
    });
  }
  return { cached, pending };
}

function resultFromEntry(entry: CacheEntry, places: LinkResult['places']): LinkResult {
  return { ...entry, fromCache: true, places };
}

/** Verdicts decided by configuration or syntax, not by a request: nothing to remember. */
const notCached = new Set(['excluded', 'invalid']);

/**
 * The cache after a run: this run's fresh results replace older entries, entries for links not
 * seen this run are kept (a pull-request run checks only changed lines), and entries not
 * refreshed for `pruneAfterMs` are dropped so the file does not grow forever. `documents`
 * replaces the parsed documents when given.
 */
export function mergeIntoCache(
  cache: CacheFile,
  results: readonly LinkResult[],
  options: { now: number; pruneAfterMs?: number; documents?: CacheFile['documents'] },
): CacheFile {
  const pruneAfter = options.pruneAfterMs ?? 30 * 24 * 60 * 60 * 1000;
  const entries: Record<string, CacheEntry> = {};
  for (const [key, entry] of Object.entries(cache.entries)) {
    if (options.now - Date.parse(entry.checkedAt) < pruneAfter) entries[key] = entry;
  }
  for (const result of results) {
    // A stand-in verdict (host given up, run out of time) says nothing new: keep the last real answer.
    if (result.fromCache || notCached.has(result.verdict) || result.stoppedBy) continue;
    const { places: _places, fromCache: _fromCache, stoppedBy: _stoppedBy, ...entry } = result;
    entries[result.url] = entry;
  }
  const documents = options.documents ?? cache.documents;
  return { version: cache.version, entries, ...(documents && { documents }) };
}
