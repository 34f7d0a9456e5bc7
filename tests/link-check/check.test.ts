import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTargets } from '../../scripts/link-check/check.ts';
import { dedupeLinks } from '../../scripts/link-check/dedupe.ts';
import { checkUrl, checkUrls, fastConfig, recordSleeps } from './helpers/check-one.ts';
import { closedPort, startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
/** Per-path counters for handlers that change their answer over time. */
const hits = new Map<string, number>();
/** Bytes the endless and large-page handlers managed to send before the client hung up. */
const bytesSent = new Map<string, number>();

function hit(path: string): number {
  const count = (hits.get(path) ?? 0) + 1;
  hits.set(path, count);
  return count;
}

const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

beforeAll(async () => {
  server = await startServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const path = url.pathname;
    const redirect = (status: number, location: string) => response.writeHead(status, { location }).end();
    switch (path) {
      case '/ok':
        return response.writeHead(200, { 'content-type': 'text/html' }).end(page('fine'));
      case '/not-found':
        return response.writeHead(404).end('gone');
      case '/gone':
        return response.writeHead(410).end();
      case '/error':
        return response.writeHead(500).end();
      case '/flaky': // 503 for the first attempt (its HEAD and its GET fallback), then fine
        return response.writeHead(hit(path) <= 2 ? 503 : 200).end();
      case '/chain/1':
        return redirect(301, '/chain/2');
      case '/chain/2':
        return redirect(302, `${server.origin}/chain/3`);
      case '/chain/3':
        return redirect(307, '4');
      case '/chain/4':
        return redirect(308, '/ok');
      case '/temporary':
        return redirect(302, '/ok');
      case '/loop/a':
        return redirect(302, '/loop/b');
      case '/loop/b':
        return redirect(302, '/loop/a');
      case '/hop':
        return redirect(302, `/hop?n=${Number(url.searchParams.get('n') ?? 0) + 1}`);
      case '/head-405':
        return response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
      case '/head-404':
        return response.writeHead(request.method === 'HEAD' ? 404 : 200).end();
      case '/retry-after-seconds':
        return hit(path) === 1 ? response.writeHead(429, { 'retry-after': '1' }).end() : response.writeHead(200).end();
      case '/retry-after-date': {
        if (hit(path) > 1) return response.writeHead(200).end();
        // Both dates in the response, so the wait is measured against the server's clock.
        const now = new Date(Math.floor(Date.now() / 1000) * 1000);
        return response.writeHead(429, { date: now.toUTCString(), 'retry-after': new Date(now.getTime() + 2000).toUTCString() }).end();
      }
      case '/retry-after-long':
        return response.writeHead(429, { 'retry-after': '3600' }).end();
      case '/always-429':
        return response.writeHead(429).end();
      case '/slow':
        return void setTimeout(() => response.writeHead(200).end(), 300);
      case '/never':
        return; // accepts the request, never answers
      case '/reset':
        return request.socket.destroy();
      case '/endless': {
        if (request.method === 'HEAD') return response.writeHead(405).end();
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(1024, 120);
        const timer = setInterval(() => {
          bytesSent.set(path, (bytesSent.get(path) ?? 0) + chunk.length);
          response.write(chunk);
        }, 2);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case '/caf%C3%A9/stra%C3%9Fe':
        return response.writeHead(200).end();
      case '/docs': {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.write(
          `<!doctype html><html><body><h2 id="install">Install</h2><a name="legacy"></a><h2 id="user-content-readme">Readme</h2><p id="caf\u00e9">x</p>`,
        );
        // Then a long tail: a checker that found everything must stop reading here.
        const filler = `<p>${'lorem ipsum '.repeat(80)}</p>`;
        let sent = 0;
        const timer = setInterval(() => {
          if (sent > 200_000) {
            clearInterval(timer);
            return response.end('</body></html>');
          }
          sent += filler.length;
          bytesSent.set(path, sent);
          response.write(filler);
        }, 2);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case '/pdf':
        return response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
      case '/bot-wall':
        return response.writeHead(403, { 'cf-mitigated': 'challenge' }).end();
      case '/forbidden':
        return response.writeHead(403).end();
      default:
        return response.writeHead(404).end();
    }
  });
});

afterAll(async () => {
  await server.close();
});

/** The HEAD-then-GET path is taken only with soft-404 detection off (otherwise pages are read with one GET). */
const headFirst = { checkSoftNotFound: false };

const requestsTo = (path: string) => server.requests.filter((request) => request.path === path);

describe('status codes', () => {
  it('reports 200 as ok after a single HEAD request', async () => {
    const result = await checkUrl(server.url('/ok'), headFirst);
    expect(result).toMatchObject({ verdict: 'ok', status: 200, attempts: 1, requests: 1 });
    expect(requestsTo('/ok').map((request) => request.method)).toEqual(['HEAD']);
    expect(requestsTo('/ok')[0]?.headers['user-agent']).toMatch(/Mozilla\/5\.0/);
  });

  it('reports 404 and 410 as broken, confirming with GET before blaming the page', async () => {
    const [missing, gone] = await checkUrls([server.url('/not-found'), server.url('/gone')], headFirst);
    expect(missing).toMatchObject({ verdict: 'broken', status: 404, detail: 'answered 404 Not Found' });
    expect(gone).toMatchObject({ verdict: 'broken', status: 410, detail: 'answered 410 Gone' });
    expect(requestsTo('/gone').map((request) => request.method)).toEqual(['HEAD', 'GET']);
  });

  it('retries a 500 and reports it broken when it persists', async () => {
    const sleeps = recordSleeps();
    const result = await checkUrl(server.url('/error'), { retries: 2 }, sleeps);
    expect(result).toMatchObject({ verdict: 'broken', status: 500, attempts: 3 });
    expect(sleeps.delays).toHaveLength(2);
  });

  it('reports 503-then-200 as ok on the second attempt', async () => {
    const result = await checkUrl(server.url('/flaky'), headFirst);
    expect(result).toMatchObject({ verdict: 'ok', status: 200, attempts: 2 });
  });
});

describe('redirects', () => {
  it('follows a 301 → 302 → 307 → 308 chain, reports the final URL and flags the permanent redirect', async () => {
    const result = await checkUrl(server.url('/chain/1'));
    expect(result.verdict).toBe('redirected');
    expect(result.finalUrl).toBe(server.url('/ok'));
    expect(result.permanentRedirect).toBe(true);
    expect(result.redirects?.map((hop) => hop.status)).toEqual([301, 302, 307, 308]);
    expect(result.detail).toContain(server.url('/ok'));
  });

  it('treats a temporary redirect as ok but still reports where it ends', async () => {
    const result = await checkUrl(server.url('/temporary'));
    expect(result).toMatchObject({ verdict: 'ok', finalUrl: server.url('/ok'), permanentRedirect: false });
  });

  it('detects a redirect loop instead of following it forever', async () => {
    const result = await checkUrl(server.url('/loop/a'));
    expect(result.verdict).toBe('broken');
    expect(result.detail).toMatch(/^redirect loop: .*\/loop\/a → .*\/loop\/b → .*\/loop\/a$/);
  });

  it('stops after the redirect limit', async () => {
    const result = await checkUrl(server.url('/hop'), { maxRedirects: 3 });
    expect(result.verdict).toBe('broken');
    expect(result.detail).toContain('more than 3 redirects');
  });
});

describe('HEAD fallback', () => {
  it('falls back to GET when HEAD is not allowed (405)', async () => {
    const result = await checkUrl(server.url('/head-405'), headFirst);
    expect(result).toMatchObject({ verdict: 'ok', status: 200, requests: 2 });
    expect(requestsTo('/head-405').map((request) => request.method)).toEqual(['HEAD', 'GET']);
  });

  it('falls back to GET when HEAD wrongly says 404', async () => {
    const result = await checkUrl(server.url('/head-404'), headFirst);
    expect(result).toMatchObject({ verdict: 'ok', status: 200 });
  });
});

describe('rate limiting', () => {
  it('waits exactly the Retry-After seconds, then succeeds', async () => {
    const sleeps = recordSleeps();
    const result = await checkUrl(server.url('/retry-after-seconds'), headFirst, sleeps);
    expect(result).toMatchObject({ verdict: 'ok', attempts: 2 });
    expect(sleeps.delays).toEqual([1000]);
    // A 429 on HEAD is not an invitation to hit the server again with GET.
    expect(requestsTo('/retry-after-seconds').map((request) => request.method)).toEqual(['HEAD', 'HEAD']);
  });

  it('understands Retry-After as an HTTP date, measured against the server clock', async () => {
    const sleeps = recordSleeps();
    const result = await checkUrl(server.url('/retry-after-date'), {}, sleeps);
    expect(result).toMatchObject({ verdict: 'ok', attempts: 2 });
    expect(sleeps.delays).toEqual([2000]);
  });

  it('gives up at once as rate-limited (not broken) when Retry-After exceeds the cap', async () => {
    const sleeps = recordSleeps();
    const result = await checkUrl(server.url('/retry-after-long'), { retryAfterCapMs: 5_000 }, sleeps);
    expect(result).toMatchObject({ verdict: 'rate-limited', status: 429, attempts: 1, requests: 1 });
    expect(result.detail).toContain('60 min');
    expect(sleeps.delays).toEqual([]);
  });

  it('reports 429 forever as rate-limited after backing off exponentially', async () => {
    const sleeps = recordSleeps();
    const result = await checkUrl(server.url('/always-429'), { retries: 3, retryBaseDelayMs: 100 }, sleeps);
    expect(result).toMatchObject({ verdict: 'rate-limited', attempts: 4 });
    // random() is 0.5 in these tests: 75% of 100, 200, 400.
    expect(sleeps.delays).toEqual([75, 150, 300]);
  });
});

describe('timeouts and network failures', () => {
  it('waits for a slow server within the timeout', async () => {
    const result = await checkUrl(server.url('/slow'));
    expect(result.verdict).toBe('ok');
  });

  it('reports a server that never answers as timeout, with a bounded number of tries', async () => {
    const result = await checkUrl(server.url('/never'), { ...headFirst, retries: 1, timeouts: { connectMs: 500, headersMs: 300, totalMs: 400 } });
    expect(result.verdict).toBe('timeout');
    expect(result.attempts).toBe(2);
    expect(result.requests).toBe(4);
    expect(result.detail).toMatch(/no (response headers|complete answer) within/);
  });

  it('reports a connection reset as network-error', async () => {
    const result = await checkUrl(server.url('/reset'), { retries: 1 });
    expect(result.verdict).toBe('network-error');
    expect(result.errorCode).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(result.detail).toContain('closed the connection');
  });

  it('reports a refused connection as network-error without a pointless GET', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/x`;
    const result = await checkUrl(url, { retries: 0 });
    expect(result).toMatchObject({ verdict: 'network-error', errorCode: 'ECONNREFUSED', requests: 1 });
  });

  it('reads only a few KB of an endless body and hangs up', async () => {
    const result = await checkUrl(server.url('/endless'), { maxBodyBytes: 4096 });
    expect(result).toMatchObject({ verdict: 'ok', status: 200 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const sent = bytesSent.get('/endless') ?? 0;
    expect(sent).toBeGreaterThan(0);
    // The server keeps writing until the socket closes; a few chunks in flight are fine, a download is not.
    expect(sent).toBeLessThan(64 * 1024);
  });
});

describe('fragments', () => {
  it('finds ids and <a name> targets and stops reading once all are found', async () => {
    const results = await checkUrls(
      [server.url('/docs#install'), server.url('/docs#legacy'), server.url('/docs#readme'), server.url('/docs#caf%C3%A9'), server.url('/docs#top')],
      { checkFragments: true },
    );
    expect(results.map((result) => [result.url.split('#')[1], result.verdict])).toEqual([
      ['install', 'ok'],
      ['legacy', 'ok'],
      ['readme', 'ok'],
      ['caf%C3%A9', 'ok'],
      ['top', 'ok'],
    ]);
    // One page fetch answers all five links.
    expect(requestsTo('/docs')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bytesSent.get('/docs') ?? 0).toBeLessThan(64 * 1024);
  });

  it('reports a missing fragment as broken on an otherwise fine page', async () => {
    // The whole 200 KB page is read looking for the id: time for that on a busy machine.
    const [page, missing] = await checkUrls([server.url('/docs'), server.url('/docs#no-such-heading')], {
      checkFragments: true,
      timeouts: { totalMs: 15_000 },
    });
    expect(page?.verdict).toBe('ok');
    expect(missing).toMatchObject({ verdict: 'broken', status: 200 });
    expect(missing?.detail).toContain('no element with id or name "no-such-heading"');
  });

  it('does not look for ids in a PDF', async () => {
    const result = await checkUrl(server.url('/pdf#page=3'), { checkFragments: true });
    expect(result.verdict).toBe('ok');
    expect(result.detail).toContain('not HTML');
  });

  it('ignores fragments entirely when fragment checking is off', async () => {
    const result = await checkUrl(server.url('/ok#whatever'));
    expect(result).toMatchObject({ verdict: 'ok', url: server.url('/ok') });
  });
});

describe('URLs', () => {
  it('requests a non-ASCII path percent-encoded as UTF-8', async () => {
    const result = await checkUrl(server.url('/café/straße'));
    expect(result.verdict).toBe('ok');
    expect(requestsTo('/caf%C3%A9/stra%C3%9Fe')).not.toHaveLength(0);
  });

  it('reports a malformed URL as invalid without any request', async () => {
    const before = server.requests.length;
    const result = await checkUrl('https://exa mple.com/x');
    expect(result).toMatchObject({ verdict: 'invalid', requests: 0, places: [{ file: 'page.md', line: 1 }] });
    expect(result.detail).toContain('not a valid URL');
    expect(server.requests.length).toBe(before);
  });
});

describe('configuration', () => {
  it('calls a bot challenge unverified, not broken', async () => {
    const result = await checkUrl(server.url('/bot-wall'));
    expect(result.verdict).toBe('unverified');
  });

  it('applies per-pattern unverified and accepted statuses', async () => {
    const unverified = await checkUrl(server.url('/forbidden'), { unverified: [{ pattern: '/forbidden$', statuses: [403] }] });
    expect(unverified.verdict).toBe('unverified');
    const accepted = await checkUrl(server.url('/forbidden'), { accept: [{ pattern: '^http://127\\.0\\.0\\.1:\\d+/forbidden', statuses: [403] }] });
    expect(accepted.verdict).toBe('ok');
    const plain = await checkUrl(server.url('/forbidden'));
    expect(plain.verdict).toBe('broken');
  });

  it('never requests an excluded URL', async () => {
    const before = server.requests.length;
    const result = await checkUrl(server.url('/ok?private'), { include: [], exclude: [{ pattern: '\\?private$', reason: 'private page' }] });
    expect(result).toMatchObject({ verdict: 'excluded', requests: 0, detail: 'private page' });
    expect(server.requests.length).toBe(before);
  });

  it('excludes localhost and Compose service names by default', async () => {
    const results = await checkUrls(['http://localhost:8080/', 'http://web:5000/api', 'https://docs.example.com/x'], { include: [] });
    expect(results.map((result) => result.verdict)).toEqual(['excluded', 'excluded', 'excluded']);
  });
});

describe('cancelling', () => {
  it('stops a run promptly when its signal is aborted (Ctrl-C), and calls what it did not finish unverified', async () => {
    const config = fastConfig({ perHost: 1, linkDeadlineMs: 60_000, timeouts: { connectMs: 10_000, headersMs: 10_000, totalMs: 10_000 } });
    const places = ['/never', '/never-either'].map((page, index) => ({ raw: server.url(page), file: 'a.md', line: index + 1 }));
    const targets = dedupeLinks(places, { checkFragments: false });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('interrupted')), 100);
    const results = await checkTargets(targets, { config, signal: controller.signal });
    // Neither waited for its 10 s timeout; neither is called broken.
    expect(results.map((result) => [result.verdict, result.stoppedBy, result.detail])).toEqual([
      ['unverified', 'interrupted', 'check cut short: the run was interrupted'],
      ['unverified', 'interrupted', 'not checked: the run was interrupted'],
    ]);
    expect(results[1]?.requests).toBe(0);
  });
});

describe('connections', () => {
  it('keeps connections alive across HEAD requests', async () => {
    const local = await startServer((_request, response) => response.writeHead(200).end());
    try {
      const results = await checkUrls(
        Array.from({ length: 6 }, (_, index) => local.url(`/${index}`)),
        { ...headFirst, perHost: 1 },
      );
      expect(results.every((result) => result.verdict === 'ok')).toBe(true);
      expect(local.requests).toHaveLength(6);
      expect(local.stats.totalSockets).toBe(1);
    } finally {
      await local.close();
    }
  });

  it('is not confused by a server that wrongly sends a body with its HEAD answers', async () => {
    // Raw TCP, because Node's HTTP server refuses to send a body for HEAD.
    const connections: number[] = [];
    const raw = createNetServer((socket) => {
      connections.push(connections.length);
      let buffered = '';
      socket.on('error', () => {});
      socket.on('data', (data) => {
        buffered += data.toString('latin1');
        for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
          buffered = buffered.slice(end + 4);
          socket.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello');
        }
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = raw.address() as AddressInfo;
      const results = await checkUrls(
        Array.from({ length: 4 }, (_, index) => `http://127.0.0.1:${port}/${index}`),
        { ...headFirst, perHost: 1 },
      );
      expect(results.map((result) => result.verdict)).toEqual(['ok', 'ok', 'ok', 'ok']);
    } finally {
      await new Promise((resolve) => raw.close(resolve));
    }
  });
});
