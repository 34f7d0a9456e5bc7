import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeIntoCache, writeCacheAtomic } from '../../scripts/link-check/cache.ts';
import { cacheEntrySchema, emptyCache, type CacheEntry } from '../../src/core/link-cache/format.ts';
import type { LinkResult, Verdict } from '../../scripts/link-check/types.ts';
import { healthForUrl, healthFromEntry, readResourceHealth, resourceHealthFromCache } from '../../src/data/resource-health.ts';
import { makeTempDir } from '../link-check/helpers/temp.ts';

const checkedAt = '2025-06-01T10:00:00.000Z';
const entry = (url: string, verdict: Verdict, extra: Partial<CacheEntry> = {}): CacheEntry => ({
  url,
  verdict,
  checkedAt,
  elapsedMs: 20,
  attempts: 1,
  requests: 1,
  ...extra,
});

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
    expect(healthFromEntry(entry('https://www.linkedin.com/x', 'unverified', { status: 999 }))).toMatchObject({
      status: 'unknown',
      label: 'Not verified',
    });
    expect(healthFromEntry(entry('https://a.docker.com/', 'rate-limited', { status: 429 }))).toMatchObject({ status: 'unknown' });
    // Whatever made it unverified, never a problem badge, and the page says why.
    const refusedHop = healthFromEntry(
      entry('https://a.docker.com/old', 'unverified', {
        detail: 'redirects to http://127.0.0.1/admin, which was not requested (local or private-network address (127.0.0.1))',
      }),
    );
    expect(refusedHop).toMatchObject({ status: 'unknown', label: 'Not verified' });
    expect(refusedHop?.description).toContain('could not be checked automatically: redirects to http://127.0.0.1/admin');
  });

  it('suspect (a soft 404): flagged, saying the page looks like a "not found" page', () => {
    const health = healthFromEntry(entry('https://docs.docker.com/gone/', 'suspect', { status: 200, detail: 'the title says "Page not found"' }));
    expect(health).toMatchObject({ status: 'broken', label: 'May be gone', httpStatus: 200 });
    expect(health?.description).toBe('The address answers with what looks like a "not found" page: the title says "Page not found".');
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
    const result: LinkResult = {
      ...entry('https://docs.docker.com/', 'redirected', { finalUrl: 'https://docs.docker.com/home/' }),
      fromCache: false,
      places: [],
    };
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

  it('drops an entry whose finalUrl is javascript: or data:, with one warning each naming the file and the URL, and keeps the rest', async () => {
    const file = path.join(temp.dir, 'link-check.json');
    const moved = (url: string, finalUrl: string) => entry(url, 'redirected', { status: 301, finalUrl });
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        entries: {
          'https://a.example.org/': moved('https://a.example.org/', 'javascript:alert(1)'),
          'https://b.example.org/': moved('https://b.example.org/', 'data:text/html,<script>alert(1)</script>'),
          'https://c.example.org/': moved('https://c.example.org/', 'https://c.example.org/new/'),
        },
      }),
    );
    const warnings: string[] = [];
    const index = readResourceHealth(file, { warn: (message) => warnings.push(message) });
    expect(healthForUrl(index, 'https://a.example.org/')).toBeUndefined(); // shown as not yet checked
    expect(healthForUrl(index, 'https://b.example.org/')).toBeUndefined();
    expect(healthForUrl(index, 'https://c.example.org/')).toMatchObject({ status: 'moved', finalUrl: 'https://c.example.org/new/' });
    expect(warnings).toEqual([
      `Ignoring the link-check result for "https://a.example.org/" in ${file}: finalUrl: expected an absolute http:// or https:// URL. The Learning resources page shows that resource as not yet checked; delete the cache file to have the next link check write a fresh one.`,
      `Ignoring the link-check result for "https://b.example.org/" in ${file}: finalUrl: expected an absolute http:// or https:// URL. The Learning resources page shows that resource as not yet checked; delete the cache file to have the next link check write a fresh one.`,
    ]);
    expect([...index.values()].some((health) => /javascript:|data:/.test(`${health.finalUrl} ${health.description}`))).toBe(false);
  });

  it('drops entries with a date or an HTTP status that is not one, and keeps a flood of bad entries to a few warnings', async () => {
    const file = path.join(temp.dir, 'link-check.json');
    const entries: Record<string, unknown> = {
      'https://a.example.org/': entry('https://a.example.org/', 'ok', { checkedAt: '<img src=x onerror=alert(1)>' }),
      'https://b.example.org/': entry('https://b.example.org/', 'ok', { status: -1 }),
      'https://c.example.org/': { ...entry('https://c.example.org/', 'ok'), verdict: 'excellent' },
    };
    for (let i = 0; i < 20; i++) entries[`https://bad${i}.example.org/\n[fake log line]`] = { verdict: 'ok' };
    entries['https://good.example.org/'] = entry('https://good.example.org/', 'ok', { status: 200 });
    await writeFile(file, JSON.stringify({ version: 1, entries }));
    const warnings: string[] = [];
    const index = readResourceHealth(file, { warn: (message) => warnings.push(message) });
    expect([...index.keys()]).toEqual(['https://good.example.org/']);
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toContain('"https://a.example.org/"');
    expect(warnings[0]).toContain(': checkedAt: ');
    expect(warnings[1]).toContain(': status: ');
    expect(warnings[2]).toContain(': verdict: ');
    expect(warnings[3]).toContain('"https://bad0.example.org/\\n[fake log line]"'); // escaped: one warning stays one log line
    expect(warnings.every((warning) => !warning.includes('\n'))).toBe(true);
    expect(warnings[5]).toBe(`Ignored 18 more invalid link-check results in ${file} (23 in all).`);
  });
});

describe('text the page repeats from the cache', () => {
  it("shows the checker's explanation as one short line, whatever the cache holds", () => {
    const detail = `answered 404\n\u001b[31mNot Found\u202e ${'x'.repeat(500)}`;
    const health = healthFromEntry(entry('https://a.example.org/', 'broken', { status: 404, detail }));
    expect(health!.description).toMatch(/^The link was broken at the last check: answered 404 \[31mNot Found x+…\.$/);
    expect(health!.description.length).toBeLessThan(260);
  });

  it('the cache format itself refuses a finalUrl that is not http(s), so the checker never reuses one either', () => {
    for (const finalUrl of ['javascript:alert(1)', 'data:text/html,x', '/relative', 'ftp://files.example.org/']) {
      expect(cacheEntrySchema.safeParse(entry('https://a.example.org/', 'redirected', { finalUrl })).success).toBe(false);
    }
    expect(cacheEntrySchema.safeParse(entry('https://a.example.org/', 'redirected', { finalUrl: 'http://a.example.org/new' })).success).toBe(true);
  });
});
