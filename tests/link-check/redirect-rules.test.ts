import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTargets } from '../../scripts/link-check/check.ts';
import { dedupeLinks } from '../../scripts/link-check/dedupe.ts';
import { runLinkCheck } from '../../scripts/link-check/pipeline.ts';
import { checkUrls, fastConfig } from './helpers/check-one.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { makeTempDir } from './helpers/temp.ts';

/**
 * The checker may request only what its rules allow, and a redirect must not take it anywhere
 * else: the included server below redirects to local addresses in every spelling, and the servers
 * listening there must never see a request.
 */
let start: TestServer; // included: 127.0.0.1, paths under /from/
let target2: TestServer; // 127.0.0.2: never included
let target1: TestServer; // 127.0.0.1 on another port: not included either
let target6: { port: number; requests: string[]; close: () => Promise<void> } | undefined; // [::1], when the machine has IPv6
const locations = new Map<string, { status: number; location: () => string }>();

beforeAll(async () => {
  target2 = await startServer((_request, response) => response.writeHead(200).end('should never be asked'), '127.0.0.2');
  target1 = await startServer((_request, response) => response.writeHead(200).end('should never be asked'), '127.0.0.1');
  target6 = await listenIpv6();
  start = await startServer((request, response) => {
    const rule = locations.get(request.url ?? '');
    if (rule) return void response.writeHead(rule.status, { location: rule.location() }).end();
    if (request.url === '/from/landing')
      return void response.writeHead(200, { 'content-type': 'text/html' }).end('<title>Landing</title><h1>Landing</h1>');
    response.writeHead(200, { 'content-type': 'text/html' }).end('<title>Admin</title><h1>Admin</h1>');
  });
  const port2 = new URL(target2.origin).port;
  const port1 = new URL(target1.origin).port;
  const startPort = new URL(start.origin).port;
  const redirect = (name: string, status: number, location: () => string) => locations.set(`/from/${name}`, { status, location });
  redirect('plain', 301, () => `http://127.0.0.2:${port2}/plain`);
  redirect('decimal', 302, () => `http://2130706434:${port2}/decimal`);
  redirect('hex', 307, () => `http://0x7f000002:${port2}/hex`);
  redirect('octal', 308, () => `http://0177.0.0.2:${port2}/octal`);
  redirect('short', 301, () => `http://127.2:${port2}/short`);
  redirect('mapped', 301, () => `http://[::ffff:127.0.0.2]:${port2}/mapped`);
  redirect('protocol-relative', 301, () => `//127.0.0.2:${port2}/protocol-relative`);
  redirect('credentials', 302, () => `http://reader:s3cret@127.0.0.2:${port2}/credentials`);
  redirect('user-only', 302, () => `http://reader@127.0.0.1:${startPort}/from/landing`); // the included server itself, with a user name
  redirect('localhost', 301, () => `http://localhost:${port1}/localhost`);
  redirect('zero', 301, () => `http://0.0.0.0:${port1}/zero`);
  redirect('sub-localhost', 302, () => `http://app.localhost:${port1}/sub`);
  redirect('ipv6-loopback', 301, () => `http://[::1]:${target6?.port ?? port1}/v6`);
  redirect('relative-admin', 302, () => '/admin/panel'); // same server, outside the included paths
  redirect('allowed', 302, () => '/from/landing');
});
afterAll(() => Promise.all([start.close(), target2.close(), target1.close(), target6?.close()]));

/** A server on [::1], or undefined when this machine has no IPv6 loopback. */
async function listenIpv6(): Promise<typeof target6> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200).end();
  });
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '::1', resolve));
  } catch {
    return undefined;
  }
  return { port: (server.address() as AddressInfo).port, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const onlyStart = () => [{ pattern: `^${start.origin.replace(/\./g, '\\.')}/from/` }];
const refusedCases = [
  'plain',
  'decimal',
  'hex',
  'octal',
  'short',
  'mapped',
  'protocol-relative',
  'credentials',
  'user-only',
  'localhost',
  'zero',
  'sub-localhost',
  'ipv6-loopback',
  'relative-admin',
];

describe('redirects to places the checker must not go', () => {
  it('ends the chain at the refused hop, unverified, naming where it pointed, and requests nothing there', async () => {
    const results = await checkUrls(
      [...refusedCases, 'allowed'].map((name) => start.url(`/from/${name}`)),
      { include: onlyStart() },
    );
    const verdicts = Object.fromEntries(results.map((result) => [result.url.split('/from/')[1], result.verdict]));
    expect(verdicts).toEqual({ ...Object.fromEntries(refusedCases.map((name) => [name, 'unverified'])), allowed: 'ok' });

    for (const result of results.filter((each) => each.verdict === 'unverified')) {
      expect(result.requests).toBe(1);
      expect(result.finalUrl).toBeUndefined();
      expect(result.detail).toMatch(
        /^redirects to http:\/\/\S+, which was not requested \(.+\); where the link leads is unknown: open it in a browser$/,
      );
      expect(result.detail).not.toContain('update the link');
    }
    const detailOf = (name: string) => results.find((result) => result.url.endsWith(`/from/${name}`))?.detail ?? '';
    // Numeric spellings are named as the address they reach.
    expect(detailOf('decimal')).toContain(`redirects to http://127.0.0.2:${new URL(target2.origin).port}/decimal`);
    expect(detailOf('mapped')).toContain('local or private-network address');
    expect(detailOf('credentials')).toContain('reader:***@127.0.0.2');
    expect(detailOf('credentials')).not.toContain('s3cret');
    expect(detailOf('user-only')).toContain('user name or password');

    // Nothing reached the refused targets, and the included server was never asked for /admin.
    expect(target2.requests).toEqual([]);
    expect(target1.requests).toEqual([]);
    expect(target6?.requests ?? []).toEqual([]);
    expect(start.requests.map((request) => request.path).filter((requested) => !requested.startsWith('/from/'))).toEqual([]);
  });

  it('follows a --url link but judges where it redirects by the usual rules', async () => {
    const temp = await makeTempDir();
    try {
      const report = await runLinkCheck({
        config: fastConfig({ include: [] }),
        contentDir: path.join(temp.dir, 'content'),
        linksFile: path.join(temp.dir, 'content', 'links.yaml'),
        rootDir: temp.dir,
        urls: [start.url('/from/plain')],
      });
      expect(report.links).toHaveLength(1);
      expect(report.links[0]).toMatchObject({ verdict: 'unverified', severity: 'warning', requests: 1 });
      expect(report.exitCode).toBe(0);
      expect(target2.requests).toEqual([]);
    } finally {
      await temp.cleanup();
    }
  });
});

describe('direct links to local addresses, however written', () => {
  it('are not requested without --include', async () => {
    const port = new URL(target1.origin).port;
    const spellings = [
      `http://[::ffff:127.0.0.1]:${port}/mapped`,
      `http://[0:0:0:0:0:ffff:7f00:1]:${port}/mapped-long`,
      `http://2130706433:${port}/decimal`,
      `http://0x7f000001:${port}/hex`,
      `http://017700000001:${port}/octal`,
      `http://127.1:${port}/short`,
      `http://0.0.0.0:${port}/zero`,
      `http://LOCALHOST.:${port}/dot`,
      `http://[::1]:${port}/v6`,
    ];
    const withCredentials = [`http://user:pass@127.0.0.1:${port}/credentials`, `http://user@docs.docker.com/`];
    const results = await checkUrls([...spellings, ...withCredentials], { include: [] });
    expect(results.map((result) => result.verdict)).toEqual([...spellings.map(() => 'excluded'), ...withCredentials.map(() => 'invalid')]);
    expect(results.every((result) => result.requests === 0)).toBe(true);
    expect(results.at(-1)?.detail).toContain('user name or password');
    expect(target1.requests).toEqual([]);
  });

  it('match include patterns in their plain form, so one pattern covers every spelling', async () => {
    const port = new URL(target1.origin).port;
    const results = await checkUrls([`http://[::ffff:127.0.0.1]:${port}/mapped-included`], {
      include: [{ pattern: `^http://127\\.0\\.0\\.1:${port}/` }],
    });
    expect(results[0]?.verdict).toBe('ok');
    expect(target1.requests.map((request) => request.path)).toEqual(['/mapped-included']);
    target1.requests.length = 0;
  });
});

describe('public-looking names that resolve to a local address', () => {
  /** A resolver for names no real DNS serves here: *.rebind.dev lead to 127.0.0.1 (as nip.io or a rebinding server would). */
  const fakeLookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (!hostname.endsWith('.rebind.dev')) return void callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  }) as never;
  const check = (urls: string[], include: { pattern: string }[]) => {
    const config = fastConfig({ include });
    const targets = dedupeLinks(
      urls.map((raw, index) => ({ raw, file: 'page.md', line: index + 1 })),
      { checkFragments: false },
    );
    return checkTargets(targets, { config, lookup: fakeLookup, sleep: async () => {}, random: () => 0.5 });
  };

  it('are not connected to, directly or by redirect, unless an include pattern names them', async () => {
    const port = new URL(target1.origin).port;
    const startPort = new URL(start.origin).port;
    locations.set('/from/rebind', { status: 301, location: () => `http://evil.rebind.dev:${port}/admin` });
    const results = await check(
      [`http://docs.rebind.dev:${port}/direct`, start.url('/from/rebind')],
      [{ pattern: `^http://127\\.0\\.0\\.1:${startPort}/from/` }],
    );
    expect(results[0]).toMatchObject({ verdict: 'excluded', requests: 0 });
    expect(results[0]?.detail).toBe(
      'docs.rebind.dev resolves to 127.0.0.1, a local or private-network address: only reachable on the reader’s own machine or network',
    );
    expect(results[1]).toMatchObject({ verdict: 'unverified', requests: 1 });
    expect(results[1]?.detail).toContain(
      `redirects to http://evil.rebind.dev:${port}/admin, which was not requested (evil.rebind.dev resolves to 127.0.0.1`,
    );
    expect(target1.requests).toEqual([]);

    const included = await check([`http://docs.rebind.dev:${port}/named`], [{ pattern: '^http://docs\\.rebind\\.dev:' }]);
    expect(included[0]?.verdict).toBe('ok');
    expect(target1.requests.map((request) => request.path)).toEqual(['/named']);
    target1.requests.length = 0;
  });
});
