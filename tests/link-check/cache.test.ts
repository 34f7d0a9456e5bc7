import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mergeIntoCache, readCache, writeCacheAtomic } from '../../scripts/link-check/cache.ts';
import type { CacheFile } from '../../src/core/link-cache/format.ts';
import { runLinkCheck } from '../../scripts/link-check/pipeline.ts';
import type { LinkResult } from '../../scripts/link-check/types.ts';
import { fastConfig, recordSleeps } from './helpers/check-one.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { makeTempDir, writeFiles } from './helpers/temp.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
let server: TestServer;
let temp: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  server = await startServer((request, response) => {
    response.writeHead(request.url === '/missing' ? 404 : 200).end();
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  temp = await makeTempDir();
  await writeFiles(temp.dir, {
    'content/docs/a.md': `# A\n\n[one](${server.url('/one')}) and [two](${server.url('/two')}).\n\n[gone](${server.url('/missing')})\n`,
  });
});
afterEach(() => temp.cleanup());

const hour = 3_600_000;

function run(options: { now: number; cacheFile?: string; warnings?: string[] }) {
  const contentDir = path.join(temp.dir, 'content');
  return runLinkCheck(
    {
      config: fastConfig({ retries: 0 }),
      contentDir,
      linksFile: path.join(contentDir, 'links.yaml'),
      rootDir: temp.dir,
      cacheFile: 'cacheFile' in options ? options.cacheFile : path.join(temp.dir, '.cache', 'link-check.json'),
      now: () => options.now,
      sleep: recordSleeps().sleep,
    },
    { onWarning: (message) => options.warnings?.push(message) },
  );
}

const requestsFor = (path: string) => server.requests.filter((request) => request.path === path).length;

describe('cache between runs', () => {
  it('answers a second run from the cache without any request, except failures', async () => {
    const t0 = Date.parse('2025-06-01T10:00:00Z');
    const first = await run({ now: t0 });
    expect(first.counts).toMatchObject({ ok: 2, broken: 1 });
    const before = { one: requestsFor('/one'), missing: requestsFor('/missing') };

    const second = await run({ now: t0 + hour });
    expect(second.fromCache).toBe(2);
    expect(second.links.filter((link) => link.fromCache).map((link) => link.url)).toEqual([server.url('/one'), server.url('/two')]);
    expect(requestsFor('/one')).toBe(before.one);
    // Failures are never trusted from the cache: the broken link is asked again.
    expect(requestsFor('/missing')).toBeGreaterThan(before.missing);
    expect(second.counts).toMatchObject({ ok: 2, broken: 1 });
  });

  it('re-checks ok results older than their max age (24 h by default)', async () => {
    const t0 = Date.parse('2025-06-01T10:00:00Z');
    await run({ now: t0 });
    const before = requestsFor('/one');
    const later = await run({ now: t0 + 25 * hour });
    expect(later.fromCache).toBe(0);
    expect(requestsFor('/one')).toBeGreaterThan(before);
  });

  it('--no-cache neither reads nor writes a cache file', async () => {
    await run({ now: Date.now(), cacheFile: undefined });
    expect(await readdir(temp.dir)).toEqual(['content']);
  });

  it('discards a corrupt cache with a warning, checks everything and writes a good file', async () => {
    const cacheFile = path.join(temp.dir, '.cache', 'link-check.json');
    await writeFiles(temp.dir, { '.cache/link-check.json': '{"version":1,"entries":{"https://x' });
    const warnings: string[] = [];
    const report = await run({ now: Date.now(), cacheFile, warnings });
    expect(warnings).toEqual([expect.stringContaining('not valid JSON')]);
    expect(warnings[0]).toContain(cacheFile);
    expect(report.fromCache).toBe(0);
    expect((await readCache(cacheFile)).warning).toBeUndefined();
    expect(Object.keys((await readCache(cacheFile)).cache.entries)).toHaveLength(3);
  });

  it('discards a cache of another format with a warning', async () => {
    const file = path.join(temp.dir, 'old.json');
    await writeFile(file, JSON.stringify({ version: 0, links: [] }));
    const loaded = await readCache(file);
    expect(loaded.warning).toContain('expected format');
    expect(loaded.cache.entries).toEqual({});
  });
});

describe('writing the cache', () => {
  it('leaves the previous cache intact when a run is killed in the middle of writing', async () => {
    const file = path.join(temp.dir, 'link-check.json');
    const previous: CacheFile = {
      version: 1,
      entries: {
        'https://old.example.org/': {
          url: 'https://old.example.org/',
          verdict: 'ok',
          status: 200,
          checkedAt: '2025-06-01T10:00:00.000Z',
          elapsedMs: 5,
          attempts: 1,
          requests: 1,
        },
      },
    };
    await writeCacheAtomic(file, previous);

    const child = spawnSync(process.execPath, [path.join(here, 'helpers', 'interrupted-write.ts'), file], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    // The killed writer left its temporary file behind…
    expect((await readdir(temp.dir)).some((name) => name.endsWith('.tmp'))).toBe(true);
    // …but the cache itself is the complete previous version.
    const loaded = await readCache(file);
    expect(loaded.warning).toBeUndefined();
    expect(loaded.cache).toEqual(previous);
  });

  it('creates the cache folder and writes valid JSON', async () => {
    const file = path.join(temp.dir, 'deep', 'er', 'cache.json');
    await writeCacheAtomic(file, { version: 1, entries: {} });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, entries: {} });
  });

  it('keeps entries this run did not see, drops month-old ones, and never stores excluded or invalid links', () => {
    const now = Date.parse('2025-06-30T00:00:00Z');
    const entry = (url: string, checkedAt: string) => ({ url, verdict: 'ok' as const, checkedAt, elapsedMs: 1, attempts: 1, requests: 1 });
    const cache: CacheFile = {
      version: 1,
      entries: {
        'https://kept.example.org/': entry('https://kept.example.org/', '2025-06-29T00:00:00.000Z'),
        'https://stale.example.org/': entry('https://stale.example.org/', '2025-05-01T00:00:00.000Z'),
      },
    };
    const result = (url: string, verdict: LinkResult['verdict']): LinkResult => ({
      url,
      verdict,
      requests: 1,
      attempts: 1,
      elapsedMs: 1,
      checkedAt: new Date(now).toISOString(),
      fromCache: false,
      places: [{ raw: url, file: 'a.md', line: 1 }],
    });
    const merged = mergeIntoCache(
      cache,
      [result('https://new.example.org/', 'broken'), result('http://localhost:8080/', 'excluded'), result('https://exa mple', 'invalid')],
      { now },
    );
    expect(Object.keys(merged.entries).sort()).toEqual(['https://kept.example.org/', 'https://new.example.org/']);
    expect(merged.entries['https://new.example.org/']).not.toHaveProperty('places');
  });
});
