import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkResult } from '../../scripts/link-check/types.ts';
import { checkUrls } from './helpers/check-one.ts';
import { closedPort, startServer, type TestServer } from './helpers/server.ts';

/**
 * One host whose paths misbehave each in its own way, as real servers do: the checker must judge
 * every path on its own, and never call a link broken that it did not request.
 */
let host: TestServer;
/** A second host that asks every client to come back in an hour. */
let throttled: TestServer;
let refusedPort: number;

const guide = '<!doctype html><title>Guide</title><h1>Guide</h1><h2 id="install">Install</h2><h2 id="usage">Usage</h2><p>Text.</p>';
const tried = new Map<string, number>();

beforeAll(async () => {
  host = await startServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    const attempt = (tried.get(path) ?? 0) + 1;
    tried.set(path, attempt);
    const page = (title: string) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>${title}</title><h1>${title}</h1>`);

    if (path.startsWith('/reset/')) return void request.socket.resetAndDestroy(); // TCP RST
    if (path.startsWith('/empty/')) return void request.socket.destroy(); // FIN, not a byte of answer
    if (path === '/stall/bare') {
      // Headers, a little of the page, then nothing: the connection stays open.
      response.writeHead(200, { 'content-type': 'text/html' });
      return void response.write('<!doctype html><html><head>');
    }
    if (path === '/stall/anchored') {
      response.writeHead(200, { 'content-type': 'text/html' });
      return void response.write('<!doctype html><title>Long page</title><h1 id="intro">Intro</h1>');
    }
    if (path.startsWith('/cut/')) {
      // Promises 5,000 bytes, sends 60, hangs up.
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' });
      response.write('<!doctype html><title>Cut</title><p>'.padEnd(60, 'x'));
      return void setTimeout(() => request.socket.destroy(), 20);
    }
    if (path === '/bad-chunk') {
      // A proxy that mangles chunked encoding after a good status line.
      return void request.socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot a chunk\r\n');
    }
    if (path === '/http10') {
      // An old server: HTTP/1.0, no length, the body ends when the connection does.
      return void request.socket.end('HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<title>Old server</title><h1>Old server</h1>');
    }
    if (path === '/not-http') return void request.socket.end('SSH-2.0-OpenSSH_9.6\r\n'); // some other protocol answers
    if (path === '/flaky') return attempt === 1 ? void request.socket.resetAndDestroy() : page('Flaky');
    if (path === '/busy-once') return attempt === 1 ? void response.writeHead(503).end() : page('Busy');
    if (path === '/drip') {
      // A slow but steady body: a byte group every 30 ms, well inside the timeouts.
      response.writeHead(200, { 'content-type': 'text/html' });
      const parts = ['<!doctype html>', '<title>Drip</title>', '<h1>', 'Drip', '</h1>', '<p>end</p>'];
      const timer = setInterval(() => {
        const part = parts.shift();
        if (part === undefined) {
          clearInterval(timer);
          response.end();
        } else response.write(part);
      }, 30);
      return;
    }
    if (path === '/head-405' && request.method === 'HEAD') return void response.writeHead(405).end();
    if (path === '/gone') {
      response.writeHead(410, { 'content-type': 'text/html', 'content-length': '4000' });
      response.write('<title>Gone</title>');
      return void setTimeout(() => request.socket.destroy(), 20);
    }
    if (path === '/old-address') return void response.writeHead(301, { location: '/ok/new-address' }).end();
    if (path === '/limited') return void response.writeHead(429, { 'retry-after': '3600' }).end();
    if (path === '/removed') return page('Page not found');
    if (path === '/docs/guide') return void response.writeHead(200, { 'content-type': 'text/html' }).end(guide);
    if (path.startsWith('/ok/') || path === '/head-405' || path === '/café/ünïcode' || path === '/search' || path === '/wiki/Docker_(software)') {
      if (path === '/search' && url.search !== '?q=docker+compose&page=2') return void response.writeHead(404).end();
      return page(path);
    }
    response.writeHead(404).end();
  });
  throttled = await startServer((_request, response) => response.writeHead(429, { 'retry-after': '3600' }).end(), '127.0.0.7');
  refusedPort = await closedPort('127.0.0.1');
});
afterAll(() => Promise.all([host.close(), throttled.close()]));

/** Path (and query/fragment) → the verdict it must get, in the order the links are written. */
const cases: [string, LinkResult['verdict']][] = [
  // Per-path failures first, many in a row: none of them may stop the host's other links.
  ['/reset/1', 'network-error'],
  ['/empty/1', 'network-error'],
  ['/reset/2', 'network-error'],
  ['/empty/2', 'network-error'],
  ['/reset/3', 'network-error'],
  ['/empty/3', 'network-error'],
  ['/not-http', 'network-error'],
  // Headers decide: a 2xx whose body stalls or breaks off is ok.
  ['/stall/bare', 'ok'],
  ['/cut/1', 'ok'],
  ['/cut/2', 'ok'],
  ['/bad-chunk', 'ok'],
  ['/gone', 'broken'],
  // Fine pages on the same host, written after the failures.
  ['/ok/1', 'ok'],
  ['/ok/2', 'ok'],
  ['/ok/3', 'ok'],
  ['/ok/4', 'ok'],
  ['/ok/5', 'ok'],
  ['/ok/6', 'ok'],
  ['/docs/guide#install', 'ok'],
  ['/docs/guide#usage', 'ok'],
  ['/docs/guide#no-such-heading', 'broken'],
  ['/stall/anchored#intro', 'ok'], // the anchor arrived before the stall
  ['/stall/anchored#later', 'unverified'], // it might have come later: not known
  ['/café/ünïcode', 'ok'],
  ['/search?q=docker+compose&page=2', 'ok'],
  ['/wiki/Docker_(software)', 'ok'],
  ['/http10', 'ok'],
  ['/drip', 'ok'],
  ['/head-405', 'ok'],
  ['/flaky', 'ok'],
  ['/busy-once', 'ok'],
  ['/old-address', 'redirected'],
  ['/removed', 'suspect'],
  ['/limited', 'rate-limited'],
];

describe('a host whose paths fail in different ways', () => {
  it('gives every link its own verdict, requested a bounded number of times', async () => {
    const refused = Array.from({ length: 5 }, (_, index) => `http://127.0.0.1:${refusedPort}/page/${index}`);
    const slow = Array.from({ length: 5 }, (_, index) => throttled.url(`/page/${index}`));
    const urls = [...cases.map(([path]) => host.url(path)), ...refused, ...slow];
    const results = await checkUrls(urls, {
      checkFragments: true,
      linkDeadlineMs: 5_000,
      maxDurationMs: 60_000,
      hostGiveUpAfter: 3,
      timeouts: { connectMs: 1_000, headersMs: 1_000, totalMs: 3_000 },
    });
    const byUrl = new Map(results.map((result) => [result.url, result]));
    const resultFor = (url: string) => {
      const result = byUrl.get(new URL(url).href);
      if (!result) throw new Error(`no result for ${url}`);
      return result;
    };

    expect(cases.map(([path]) => [path, resultFor(host.url(path)).verdict])).toEqual(cases);
    // Every link on the misbehaving host was requested: none is a stand-in.
    for (const [path] of cases) expect(resultFor(host.url(path)).stoppedBy, path).toBeUndefined();

    // Bounded: at most 3 attempts a link (1 + 2 retries), one more for the redirect hop.
    const perLink = cases.map(([path]) => resultFor(host.url(path)).requests);
    expect(Math.max(...perLink)).toBeLessThanOrEqual(4);
    const distinctPages = new Set(cases.map(([path]) => path.split('#')[0]));
    expect(host.requests.length).toBeLessThanOrEqual(distinctPages.size * 3 + 1);
    expect(results.some((result) => result.stoppedBy === 'max-duration')).toBe(false);
    // And in time: no link outlives its 5 s deadline (plus the moment it takes to be cut).
    for (const result of results) expect(result.elapsedMs, result.url).toBeLessThan(5_000 + 2_000);

    // What the notes say.
    expect(resultFor(host.url('/stall/bare')).detail).toMatch(
      /^answered 200 OK; the body stalled after the headers and \d+ bytes, so the soft-404 check could not run$/,
    );
    expect(resultFor(host.url('/cut/1')).detail).toMatch(
      /^answered 200 OK; the connection broke off after the headers and 60 bytes \(\w+\), so the soft-404 check could not run$/,
    );
    expect(resultFor(host.url('/stall/anchored#later')).detail).toContain('#later not checked: the body stalled after the headers');
    expect(resultFor(host.url('/reset/1'))).toMatchObject({ errorCode: 'ECONNRESET', attempts: 3 });
    expect(resultFor(host.url('/flaky'))).toMatchObject({ attempts: 2 });
    expect(host.requests.find((request) => request.path.startsWith('/caf'))?.path).toBe('/caf%C3%A9/%C3%BCn%C3%AFcode');

    // A host that refuses connections is given up after 3 links in a row (a 4th may already be on
    // its way with 2 requests per host); the rest were never requested, so they are unverified.
    const givenUp = (urls: string[], verdict: LinkResult['verdict'], detail: string) => {
      const asked = urls.filter((url) => resultFor(url).requests > 0);
      expect(asked.length).toBeGreaterThanOrEqual(3);
      expect(asked.length).toBeLessThanOrEqual(4);
      for (const url of asked) expect(resultFor(url).verdict).toBe(verdict);
      for (const url of urls.filter((each) => !asked.includes(each))) {
        expect(resultFor(url)).toMatchObject({ verdict: 'unverified', requests: 0, stoppedBy: 'host' });
        expect(resultFor(url).detail).toContain(detail);
      }
      return asked.length;
    };
    givenUp(refused, 'network-error', 'not requested: the host cannot be reached');
    // A host asking for an hour's wait: the same, one request per link asked.
    const askedThrottled = givenUp(slow, 'rate-limited', 'not requested: the host keeps answering 429 Too Many Requests');
    expect(throttled.requests).toHaveLength(askedThrottled);
  }, 60_000);
});
