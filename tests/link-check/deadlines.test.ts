import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTargets } from '../../scripts/link-check/check.ts';
import { dedupeLinks } from '../../scripts/link-check/dedupe.ts';
import { runLinkCheck } from '../../scripts/link-check/pipeline.ts';
import { checkUrl, checkUrls, fastConfig, recordSleeps } from './helpers/check-one.ts';
import { closedPort, startServer, type TestServer } from './helpers/server.ts';
import { makeTempDir, writeFiles } from './helpers/temp.ts';

/** One host that never answers, one that always says 429, one that is fine: each its own address. */
let hanging: TestServer;
let throttling: TestServer;
let fine: TestServer;
let mixed: TestServer;

beforeAll(async () => {
  hanging = await startServer(() => {}, '127.0.0.2'); // accepts every request, never answers
  throttling = await startServer((_request, response) => response.writeHead(429, { 'retry-after': '0' }).end(), '127.0.0.3');
  fine = await startServer((_request, response) => response.writeHead(200).end(), '127.0.0.4');
  mixed = await startServer((request, response) => {
    if (request.url?.startsWith('/ok')) response.writeHead(200).end();
    else if (request.url === '/limited') response.writeHead(429, { 'retry-after': '2' }).end();
    // anything else hangs
  }, '127.0.0.5');
});
afterAll(() => Promise.all([hanging, throttling, fine, mixed].map((server) => server.close())));

const countRequests = (server: TestServer) => server.requests.length;

describe('link deadline', () => {
  it('reports a link whose server never answers as timeout once the deadline passes, without starting the GET', async () => {
    const before = countRequests(hanging);
    // Each attempt alone could take 1.5 s and there are 3 of them; the deadline cuts the first.
    const result = await checkUrl(hanging.url('/deadline'), { linkDeadlineMs: 200, retries: 2, timeouts: { headersMs: 1_000, totalMs: 1_500 } });
    expect(result).toMatchObject({ verdict: 'timeout', attempts: 1, requests: 1, errorCode: 'TIMEOUT' });
    expect(result.detail).toContain('200 ms link deadline');
    // At most the one request: on a loaded machine the deadline can pass before it even reaches
    // the server, but a GET after the timed-out attempt would make two.
    expect(countRequests(hanging) - before).toBeLessThanOrEqual(1);
  });

  it('does not start a wait that would end past the deadline, and keeps the answer it has', async () => {
    const sleeps = recordSleeps();
    const result = await checkUrl(mixed.url('/limited'), { linkDeadlineMs: 500 }, sleeps);
    expect(sleeps.delays).toEqual([]); // Retry-After 2 s does not fit in 500 ms
    expect(result).toMatchObject({ verdict: 'rate-limited', status: 429, attempts: 1 });
    expect(result.detail).toContain('no time left to try again within the 500 ms link deadline');
  });

  it('leaves links that answer in time alone', async () => {
    const result = await checkUrl(fine.url('/quick'), { linkDeadlineMs: 5_000 });
    expect(result).toMatchObject({ verdict: 'ok', attempts: 1 });
  });
});

describe('giving up on a host', () => {
  it('stops requesting a host that refuses connections after 3 links in a row, and reports the rest unverified', async () => {
    const port = await closedPort('127.0.0.6');
    const urls = [
      ...Array.from({ length: 10 }, (_, index) => `http://127.0.0.6:${port}/dead/${index}`),
      ...Array.from({ length: 4 }, (_, index) => fine.url(`/alive/${index}`)),
    ];
    const results = await checkUrls(urls, { perHost: 1, hostGiveUpAfter: 3, retries: 0 });

    const dead = results.filter((result) => result.url.includes('/dead/'));
    const asked = dead.filter((result) => result.requests > 0);
    const skipped = dead.filter((result) => result.requests === 0);
    expect(asked.map((result) => [result.verdict, result.errorCode])).toEqual(Array(3).fill(['network-error', 'ECONNREFUSED']));
    expect(skipped).toHaveLength(7);
    for (const result of skipped) {
      // Never requested, so never called broken: unverified, saying why.
      expect(result).toMatchObject({ verdict: 'unverified', stoppedBy: 'host', attempts: 0 });
      expect(result.errorCode).toBeUndefined();
      expect(result.detail).toMatch(
        /^not requested: the host cannot be reached \(3 links in a row ended network-error; the last said: connection refused \(ECONNREFUSED\)\)/,
      );
    }
    // Another host in the same run is not affected.
    expect(results.filter((result) => result.url.includes('/alive/')).map((result) => result.verdict)).toEqual(Array(4).fill('ok'));
  });

  it('stops requesting a host whose name does not resolve after 3 links, without retrying a DNS failure', async () => {
    // No DNS here: a resolver that knows no *.nowhere.dev name, as a real one answers NXDOMAIN.
    const lookup = ((hostname: string, _options: unknown, callback: (error: Error) => void) =>
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }))) as never;
    const urls = Array.from({ length: 6 }, (_, index) => `https://docs.nowhere.dev/page/${index}`);
    const config = fastConfig({ perHost: 1, hostGiveUpAfter: 3 });
    const targets = dedupeLinks(
      urls.map((raw, index) => ({ raw, file: 'page.md', line: index + 1 })),
      { checkFragments: false },
    );
    const results = await checkTargets(targets, { config, lookup, sleep: async () => {}, random: () => 0.5 });
    expect(results.map((result) => [result.verdict, result.requests])).toEqual([
      ['network-error', 1],
      ['network-error', 1],
      ['network-error', 1],
      ['unverified', 0],
      ['unverified', 0],
      ['unverified', 0],
    ]);
    expect(results[0]?.detail).toBe('DNS lookup failed: the host name does not resolve (ENOTFOUND)');
    expect(results[3]?.detail).toContain(
      'not requested: the host cannot be reached (3 links in a row ended network-error; the last said: DNS lookup failed',
    );
  });

  it('stops requesting a host whose TLS handshake fails after 3 links', async () => {
    const plain = await startServer((_request, response) => response.writeHead(200).end(), '127.0.0.9'); // speaks HTTP, not TLS
    try {
      const urls = Array.from({ length: 5 }, (_, index) => `https://127.0.0.9:${new URL(plain.origin).port}/page/${index}`);
      const results = await checkUrls(urls, { perHost: 1, hostGiveUpAfter: 3, include: [{ pattern: '^https://127\\.0\\.0\\.9:' }] });
      expect(results.map((result) => result.verdict)).toEqual(['network-error', 'network-error', 'network-error', 'unverified', 'unverified']);
      expect(results[0]?.detail).toMatch(/^TLS certificate problem \((ERR_SSL_\w+|EPROTO)\)$/);
      expect(results[4]).toMatchObject({ requests: 0, stoppedBy: 'host' });
      expect(plain.requests).toEqual([]); // no HTTP request was ever made over it
    } finally {
      await plain.close();
    }
  });

  it('keeps requesting a host whose paths time out one by one: a stalled path says nothing about the others', async () => {
    const before = countRequests(hanging);
    const urls = Array.from({ length: 5 }, (_, index) => hanging.url(`/dead/${index}`));
    const results = await checkUrls(urls, { perHost: 2, linkDeadlineMs: 150, hostGiveUpAfter: 3 });
    expect(results.map((result) => result.verdict)).toEqual(Array(5).fill('timeout'));
    expect(results.every((result) => result.requests > 0 && result.stoppedBy === undefined)).toBe(true);
    expect(countRequests(hanging) - before).toBe(5);
  });

  it('goes on with a host after a path resets the connection, one request at a time', async () => {
    const arrivals: { path: string; inFlight: number }[] = [];
    const host = await startServer((request, response) => {
      arrivals.push({ path: request.url ?? '', inFlight: host.stats.inFlight });
      if (request.url === '/reset') return void request.socket.resetAndDestroy();
      setTimeout(() => response.writeHead(200).end(), 200);
    });
    try {
      const urls = ['/reset', ...Array.from({ length: 6 }, (_, index) => `/ok/${index}`)].map((page) => host.url(page));
      const results = await checkUrls(urls, { perHost: 3, hostGiveUpAfter: 1 });
      expect(results.map((result) => result.verdict)).toEqual(['network-error', ...Array(6).fill('ok')]);
      // Before the reset was known, 3 at a time; after it, every request found the host otherwise idle.
      const lastReset = arrivals.map((arrival) => arrival.path).lastIndexOf('/reset');
      const before = arrivals.slice(0, lastReset + 1);
      const after = arrivals.slice(lastReset + 1).filter((arrival) => !before.some((early) => early.path === arrival.path));
      expect(Math.max(...before.map((arrival) => arrival.inFlight))).toBe(3);
      expect(after.length).toBeGreaterThanOrEqual(3);
      expect(after.map((arrival) => arrival.inFlight)).toEqual(after.map(() => 1));
    } finally {
      await host.close();
    }
  });

  it('stops requesting a host that keeps answering 429 after honouring Retry-After', async () => {
    const before = countRequests(throttling);
    const sleeps = recordSleeps();
    const urls = Array.from({ length: 20 }, (_, index) => throttling.url(`/page/${index}`));
    const results = await checkUrls(urls, { perHost: 1, retries: 2 }, sleeps);
    const asked = results.filter((result) => result.requests > 0);
    expect(asked.map((result) => result.verdict)).toEqual(Array(3).fill('rate-limited'));
    const skipped = results.filter((result) => result.requests === 0);
    expect(skipped).toHaveLength(17);
    expect(skipped.every((result) => result.verdict === 'unverified' && result.stoppedBy === 'host' && result.status === undefined)).toBe(true);
    expect(skipped[0]?.detail).toContain('not requested: the host keeps answering 429 Too Many Requests');
    // 3 links × 3 attempts (HEAD only: a 429 is not followed by a GET), each wait honoured.
    expect(countRequests(throttling) - before).toBe(9);
    expect(sleeps.delays).toEqual(Array(6).fill(0));
  });

  it('starts counting again when the host answers in between', async () => {
    const urls = ['/hang/1', '/hang/2', '/ok/1', '/hang/3', '/hang/4', '/ok/2', '/hang/5'].map((page) => mixed.url(page));
    const results = await checkUrls(urls, { perHost: 1, linkDeadlineMs: 150, hostGiveUpAfter: 3 });
    expect(results.map((result) => result.verdict)).toEqual(['timeout', 'timeout', 'ok', 'timeout', 'timeout', 'ok', 'timeout']);
    expect(results.every((result) => result.requests > 0 && result.stoppedBy === undefined)).toBe(true);
  });
});

describe('overall time limit', () => {
  it('reports what is left as unverified when --max-duration runs out, exits normally and caches none of it', async () => {
    const temp = await makeTempDir();
    try {
      const links = [1, 2, 3].map((index) => hanging.url(`/budget/${index}`));
      await writeFiles(temp.dir, {
        'content/docs/a.md': `${links.map((url) => `- [x](${url})`).join('\n')}\n- [y](${fine.url('/budget-ok')})\n`,
      });
      const cacheFile = path.join(temp.dir, 'cache.json');
      // An old answer for one of them, too old to reuse: a stand-in verdict must not replace it.
      const old = {
        url: links[0],
        verdict: 'ok',
        status: 200,
        checkedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        elapsedMs: 1,
        attempts: 1,
        requests: 1,
      };
      await writeFile(cacheFile, JSON.stringify({ version: 1, entries: { [links[0]!]: old } }));

      const report = await runLinkCheck({
        config: fastConfig({
          perHost: 1,
          maxDurationMs: 1_000,
          linkDeadlineMs: 10_000,
          timeouts: { connectMs: 10_000, headersMs: 10_000, totalMs: 10_000 },
        }),
        contentDir: path.join(temp.dir, 'content'),
        linksFile: path.join(temp.dir, 'content', 'links.yaml'),
        rootDir: temp.dir,
        cacheFile,
        sleep: async () => {},
      });
      expect(report.exitCode).toBe(0);
      expect(report.counts).toMatchObject({ unverified: 3, ok: 1 });
      const left = report.links.filter((link) => link.verdict === 'unverified');
      expect(left.every((link) => link.stoppedBy === 'max-duration' && link.severity === 'warning')).toBe(true);
      expect(left.filter((link) => link.detail?.startsWith('check cut short: the run reached its time limit'))).toHaveLength(1);
      expect(left.filter((link) => link.detail?.startsWith('not checked: the run reached its time limit (--max-duration 1 s)'))).toHaveLength(2);

      const cache = JSON.parse(await readFile(cacheFile, 'utf8'));
      expect(cache.entries[links[0]!]).toEqual(old);
      expect(cache.entries[links[1]!]).toBeUndefined();
      expect(cache.entries[fine.url('/budget-ok')]).toMatchObject({ verdict: 'ok' });
    } finally {
      await temp.cleanup();
    }
  });
});
