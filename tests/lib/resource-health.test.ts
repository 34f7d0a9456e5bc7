import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeIntoCache, writeCacheAtomic } from '../../scripts/link-check/cache.ts';
import { emptyCache, type CacheEntry } from '../../scripts/link-check/cache-format.ts';
import type { LinkResult, Verdict } from '../../scripts/link-check/types.ts';
import { healthForUrl, healthFromEntry, readResourceHealth, resourceHealthFromCache } from '../../src/lib/resource-health.ts';
import { makeTempDir } from '../link-check/helpers/temp.ts';

const checkedAt = '2025-06-01T10:00:00.000Z';
const entry = (url: string, verdict: Verdict, extra: Partial<CacheEntry> = {}): CacheEntry => ({ url, verdict, checkedAt, elapsedMs: 20, attempts: 1, requests: 1, ...extra });

describe('what the Learning resources page shows for a cache entry', () => {
  it('ok: working, with the time of the check', () => {
    expect(healthFromEntry(entry('https://docs.docker.com/', 'ok', { status: 200 }))).toEqual({
      status: 'ok',
      label: 'Working',
      description: 'The link worked at the last check.',
      checkedAt,
      httpStatus: 200,
    });
  });

  it('redirected: moved, with where it lives now', () => {
    const health = healthFromEntry(entry('http://docs.docker.com/', 'redirected', { status: 200, finalUrl: 'https://docs.docker.com/' }));
    expect(health).toMatchObject({ status: 'moved', label: 'Moved', finalUrl: 'https://docs.docker.com/' });
    expect(health?.description).toBe('The resource has moved to https://docs.docker.com/.');
  });

  it('broken and invalid: flagged as broken, with the reason', () => {
    const broken = healthFromEntry(entry('https://docs.docker.com/old/', 'broken', { status: 404, detail: 'answered 404 Not Found' }));
    expect(broken).toMatchObject({ status: 'broken', label: 'Broken link', httpStatus: 404 });
    expect(broken?.description).toBe('The link was broken at the last check: answered 404 Not Found.');
    expect(healthFromEntry(entry('https://exa mple', 'invalid'))).toMatchObject({ status: 'broken', label: 'Invalid link' });
  });

  it('timeout and network-error: unreachable, not broken', () => {
    expect(healthFromEntry(entry('https://a.docker.com/', 'timeout'))).toMatchObject({ status: 'unreachable', label: 'Unreachable' });
    expect(healthFromEntry(entry('https://a.docker.com/', 'network-error', { detail: 'DNS lookup failed' }))?.description).toBe(
      'The site could not be reached at the last check: DNS lookup failed.',
    );
  });

  it('rate-limited and unverified: unknown, never shown as a problem', () => {
    expect(healthFromEntry(entry('https://www.linkedin.com/x', 'unverified', { status: 999 }))).toMatchObject({ status: 'unknown', label: 'Not verified' });
    expect(healthFromEntry(entry('https://a.docker.com/', 'rate-limited', { status: 429 }))).toMatchObject({ status: 'unknown' });
  });

  it('excluded: nothing to show', () => {
    expect(healthFromEntry(entry('http://localhost/', 'excluded'))).toBeUndefined();
  });
});

describe('finding a resource in the index', () => {
  const index = resourceHealthFromCache({
    version: 1,
    entries: {
      'https://docs.docker.com/get-started/': entry('https://docs.docker.com/get-started/', 'ok'),
      'https://docs.docker.com/build/#cache': entry('https://docs.docker.com/build/#cache', 'broken'),
      'https://docs.docker.com/build/': entry('https://docs.docker.com/build/', 'ok'),
    },
  });

  it('finds a URL however its host or port is written', () => {
    expect(healthForUrl(index, 'https://DOCS.docker.com:443/get-started/')?.status).toBe('ok');
    expect(healthForUrl(index, 'https://docs.docker.com/get-started')).toBeUndefined();
  });

  it('prefers the entry for the exact fragment, else the page', () => {
    expect(healthForUrl(index, 'https://docs.docker.com/build/#cache')?.status).toBe('broken');
    expect(healthForUrl(index, 'https://docs.docker.com/build/#secrets')?.status).toBe('ok');
  });
});

describe('reading the cache at build time', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    temp = await makeTempDir('resource-health-');
  });
  afterEach(() => temp.cleanup());

  it('reads what the link checker wrote', async () => {
    const file = path.join(temp.dir, 'link-check.json');
    const result: LinkResult = { ...entry('https://docs.docker.com/', 'redirected', { finalUrl: 'https://docs.docker.com/home/' }), fromCache: false, places: [] };
    await writeCacheAtomic(file, mergeIntoCache(emptyCache(), [result], { now: Date.parse(checkedAt) }));
    const index = readResourceHealth(file);
    expect(healthForUrl(index, 'https://docs.docker.com/')).toMatchObject({ status: 'moved', finalUrl: 'https://docs.docker.com/home/', checkedAt });
  });

  it('gives no health data, and does not throw, when the cache is absent, corrupt or of another format', async () => {
    expect(readResourceHealth(path.join(temp.dir, 'absent.json')).size).toBe(0);
    const corrupt = path.join(temp.dir, 'corrupt.json');
    await writeFile(corrupt, '{"version":1,"entr');
    expect(readResourceHealth(corrupt).size).toBe(0);
    const other = path.join(temp.dir, 'other.json');
    await writeFile(other, JSON.stringify({ version: 99, entries: {} }));
    expect(readResourceHealth(other).size).toBe(0);
    expect(readResourceHealth(temp.dir).size).toBe(0); // a folder, not a file
  });
});
