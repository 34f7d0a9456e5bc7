import { realpath } from 'node:fs/promises';
import { emptyCache, type CacheFile } from '../../src/core/link-cache/format.ts';
import { classifyHref } from '../../src/core/link-cache/normalize-url.ts';
import { matchForm } from './address.ts';
import { mergeIntoCache, readCache, splitByCache, writeCacheAtomic } from './cache.ts';
import { addedLinesSince } from './changed-lines.ts';
import type { CheckOptions } from './check.ts';
import { collectLinks } from './collect.ts';
import type { LinkCheckConfig } from './config.ts';
import { dedupeLinks } from './dedupe.ts';
import { summarize, type RunReport } from './summary.ts';
import type { LinkPlace, LinkResult } from './types.ts';

export interface RunOptions {
  config: LinkCheckConfig;
  contentDir: string;
  linksFile: string;
  /** Places are reported relative to this folder. */
  rootDir: string;
  /** Check only these URLs (--url). They bypass exclude patterns and cached answers: you asked for them. */
  urls?: string[];
  /** Only links on lines added since this git ref (--changed-since). */
  changedSince?: string;
  /** Cache file; undefined means no cache at all (--no-cache). */
  cacheFile?: string;
  now?: () => number;
  signal?: AbortSignal;
  client?: CheckOptions['client'];
  sleep?: CheckOptions['sleep'];
  random?: CheckOptions['random'];
}

export interface RunHooks {
  /** Something the user should know that does not stop the run (corrupt cache, unwritable cache). */
  onWarning?: (message: string) => void;
  /** Called once the work is known: links to request and links answered from the cache. */
  onPlan?: (plan: { toCheck: number; fromCache: number; hosts: ReadonlyMap<string, number> }) => void;
  onResult?: (results: readonly LinkResult[]) => void;
}

/** collect → dedupe → cache → check → cache → summarize. Prints nothing; returns the report. */
export async function runLinkCheck(options: RunOptions, hooks: RunHooks = {}): Promise<RunReport> {
  const now = options.now ?? Date.now;
  const startedAt = new Date(now());
  const started = performance.now();
  const config = options.urls ? includeExactly(options.config, options.urls) : options.config;

  let cache = emptyCache();
  if (options.cacheFile) {
    const loaded = await readCache(options.cacheFile);
    if (loaded.warning) hooks.onWarning?.(loaded.warning);
    cache = loaded.cache;
  }

  let places: LinkPlace[];
  let problems: RunReport['problems'] = [];
  let filesScanned = 0;
  let documents = cache.documents;
  if (options.urls) {
    places = options.urls.map((raw, index) => ({ raw, file: '(command line)', line: index + 1 }));
  } else {
    // git reports real paths; resolve ours the same way so the two can be compared.
    const contentDir = await realpath(options.contentDir).catch(() => options.contentDir);
    const linksFile = await realpath(options.linksFile).catch(() => options.linksFile);
    const onlyLines = options.changedSince ? await addedLinesSince(options.changedSince, contentDir) : undefined;
    const collected = await collectLinks({ contentDir, linksFile, rootDir: options.rootDir, onlyLines, knownDocuments: cache.documents });
    places = collected.places;
    problems = collected.problems;
    filesScanned = collected.filesScanned;
    // A partial run (changed lines only) read some documents; a full run read them all, so forget deleted ones.
    documents = onlyLines ? { ...cache.documents, ...collected.documents } : collected.documents;
  }

  const targets = dedupeLinks(places, { checkFragments: config.checkFragments });
  const split = options.urls
    ? { cached: [], pending: targets }
    : splitByCache(targets, cache, { now: now(), cacheMaxAgeMs: config.cacheMaxAgeMs, checkFragments: config.checkFragments });
  const hosts = new Map<string, number>();
  for (const target of split.pending) if (target.kind === 'page') hosts.set(target.url.host, (hosts.get(target.url.host) ?? 0) + 1);
  hooks.onPlan?.({ toCheck: split.pending.length, fromCache: split.cached.length, hosts });

  const { checkTargets } = await import('./check.ts');
  const checked = await checkTargets(split.pending, {
    config,
    client: options.client,
    sleep: options.sleep,
    random: options.random,
    now,
    signal: options.signal,
    onResult: hooks.onResult,
  });

  const interrupted = options.signal?.aborted === true;
  const report = summarize({
    interrupted,
    results: [...split.cached, ...checked],
    problems,
    startedAt,
    elapsedMs: performance.now() - started,
    filesScanned,
    changedSince: options.changedSince,
    config,
  });

  // An offline run learned nothing about the links: keep the last real answers. An interrupted
  // run leaves the cache as it was (Ctrl-C means "stop", not "save what you have").
  if (options.cacheFile && !report.offline && !interrupted && (checked.length > 0 || documentsChanged(cache.documents, documents))) {
    try {
      await writeCacheAtomic(options.cacheFile, mergeIntoCache(cache, checked, { now: now(), documents }));
    } catch (error) {
      hooks.onWarning?.(
        `Could not write the link-check cache ${options.cacheFile}: ${(error as Error).message}. Results are correct; the next run will check everything again.`,
      );
    }
  }
  return report;
}

/**
 * --url: the URLs named are requested even if excluded or local (you asked for them), but only
 * they: where they redirect is judged by the usual rules.
 */
function includeExactly(config: LinkCheckConfig, urls: readonly string[]): LinkCheckConfig {
  const named = urls.flatMap((raw) => {
    const classified = classifyHref(raw);
    return classified.kind === 'external' ? [{ pattern: `^${escapeRegExp(matchForm(classified.url))}$`, reason: 'named with --url' }] : [];
  });
  return { ...config, include: [...config.include, ...named] };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function documentsChanged(before: CacheFile['documents'], after: CacheFile['documents']): boolean {
  const old = before ?? {};
  const now = after ?? {};
  return Object.keys(old).length !== Object.keys(now).length || Object.entries(now).some(([file, entry]) => old[file]?.hash !== entry.hash);
}
