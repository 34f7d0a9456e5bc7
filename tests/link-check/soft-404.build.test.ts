import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFileSchema } from '../../src/core/link-cache/format.ts';
import { mergeIntoCache } from '../../scripts/link-check/cache.ts';
import { resolveConfig } from '../../scripts/link-check/config.ts';
import { renderReport } from '../../scripts/link-check/report.ts';
import { notFoundSign } from '../../scripts/link-check/soft-404.ts';
import { summarize } from '../../scripts/link-check/summary.ts';
import { checkUrl, checkUrls } from './helpers/check-one.ts';
import { startServer, type TestServer } from './helpers/server.ts';
import { makeTempDir, writeFiles } from './helpers/temp.ts';

let server: TestServer;
/** Bytes the long-page handler got to send before the checker hung up. */
let longPageSent = 0;

const html = (title: string, body: string) => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;

beforeAll(async () => {
  server = await startServer((request, response) => {
    const send = (body: string) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    switch (request.url) {
      case '/':
        return send(html('Home', '<h1>Welcome</h1>'));
      case '/soft-title':
        return send(html('Page Not Found | Example Docs', '<h1>Docs</h1>'));
      case '/soft-heading':
        return send(html('Example Docs', '<h1 class="x">Oops! This page doesn&rsquo;t exist.</h1>'));
      case '/mentions-404':
        // An ordinary page that talks about 404s: not a missing page.
        return send(
          html(
            'Fixing 404 errors in nginx',
            '<h1>Fixing 404 errors in nginx</h1><p>If you see 404 Not Found, the page does not exist. Page not found.</p>',
          ),
        );
      case '/old-docs/page':
        return response.writeHead(301, { location: '/' }).end();
      case '/moved':
        return response.writeHead(301, { location: '/new/place' }).end();
      case '/new/place':
        return send(html('New place', '<h1>New place</h1>'));
      case '/long': {
        // No h1 at all and a long tail: reading must stop at the byte cap.
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write('<!doctype html><html><head><title>Long</title></head><body>');
        const filler = `<p>${'lorem ipsum '.repeat(80)}</p>`;
        const timer = setInterval(() => {
          if (longPageSent > 400_000) {
            clearInterval(timer);
            return response.end('</body></html>');
          }
          longPageSent += filler.length;
          response.write(filler);
        }, 2);
        response.on('close', () => clearInterval(timer));
        return;
      }
      default:
        return response.writeHead(404).end();
    }
  });
});
afterAll(() => server.close());

describe('soft 404s', () => {
  it('flags a 200 page whose title says not found', async () => {
    const result = await checkUrl(server.url('/soft-title'));
    expect(result).toMatchObject({ verdict: 'suspect', status: 200, requests: 1 });
    expect(result.detail).toBe('answered 200 OK but its title says "Page Not Found | Example Docs": probably a missing page');
  });

  it('flags a 200 page whose first h1 says the page does not exist', async () => {
    const result = await checkUrl(server.url('/soft-heading'));
    expect(result.verdict).toBe('suspect');
    expect(result.detail).toContain('its main heading says "Oops! This page doesn’t exist."');
  });

  it('does not flag an ordinary page that merely mentions 404 in its text and title', async () => {
    const result = await checkUrl(server.url('/mentions-404'));
    expect(result).toMatchObject({ verdict: 'ok', status: 200 });
    expect(result.detail).toBeUndefined();
  });

  it('flags a deep link redirected to the home page, but not an ordinary permanent redirect', async () => {
    const [home, moved] = await checkUrls([server.url('/old-docs/page'), server.url('/moved')]);
    expect(home).toMatchObject({ verdict: 'suspect', finalUrl: server.url('/') });
    expect(home?.detail).toContain("redirects to the site's home page");
    expect(moved).toMatchObject({ verdict: 'redirected', finalUrl: server.url('/new/place') });
  });

  it('does not flag the home page itself', async () => {
    expect((await checkUrl(server.url('/'))).verdict).toBe('ok');
  });

  it('reads at most the configured head of a page', async () => {
    const result = await checkUrl(server.url('/long'), { maxSoftNotFoundBytes: 16_384 });
    expect(result.verdict).toBe('ok');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(longPageSent).toBeGreaterThan(0);
    expect(longPageSent).toBeLessThan(64 * 1024);
  });

  it('can be turned off: then HEAD first and nothing is flagged', async () => {
    const before = server.requests.length;
    const result = await checkUrl(server.url('/soft-title'), { checkSoftNotFound: false });
    expect(result.verdict).toBe('ok');
    expect(server.requests.slice(before).map((request) => request.method)).toEqual(['HEAD']);
    expect((await checkUrl(server.url('/old-docs/page'), { checkSoftNotFound: false })).verdict).toBe('redirected');
  });

  it('recognises common not-found titles and leaves other titles alone', () => {
    for (const title of [
      '404',
      'Error 404',
      '404 Not Found',
      'Not Found',
      'Page not found – Docker Docs',
      "Sorry, we can't find that page",
      'The page cannot be found',
    ]) {
      expect(notFoundSign({ title }), title).toBeDefined();
    }
    for (const title of [
      'Fixing 404 errors in nginx',
      'HTTP status codes',
      'Handling "not found" errors in Express',
      'Docker: command not found? Install it',
    ]) {
      expect(notFoundSign({ title }), title).toBeUndefined();
    }
  });
});

describe('the suspect verdict in reports and the cache', () => {
  const result = {
    url: 'https://docs.example.org/old',
    verdict: 'suspect' as const,
    status: 200,
    requests: 1,
    attempts: 1,
    elapsedMs: 5,
    checkedAt: '2026-01-01T00:00:00.000Z',
    fromCache: false,
    detail: 'answered 200 OK but its title says "Page not found": probably a missing page',
    places: [{ raw: 'https://docs.example.org/old', file: 'content/docs/a.md', line: 3 }],
  };
  const report = (failOn = resolveConfig().failOn) =>
    summarize({ results: [result], problems: [], startedAt: new Date('2026-01-01T00:00:00Z'), elapsedMs: 10, filesScanned: 1, config: { failOn } });

  it('is a warning by default and an error with --fail-on suspect', () => {
    expect(report()).toMatchObject({ exitCode: 0, counts: { suspect: 1 }, links: [{ severity: 'warning' }] });
    expect(report(['broken', 'suspect'])).toMatchObject({ exitCode: 1, links: [{ severity: 'error' }] });
  });

  it('is rendered by every reporter', () => {
    const warned = report();
    expect(renderReport(warned, 'text')).toContain('     3  suspect       200  https://docs.example.org/old\n');
    expect(renderReport(warned, 'text')).toContain('1 suspect');
    expect(JSON.parse(renderReport(warned, 'json')).links[0]).toMatchObject({ verdict: 'suspect', severity: 'warning' });
    expect(renderReport(warned, 'markdown')).toContain('| ⚠️ suspect | https://docs.example.org/old |');
    expect(renderReport(warned, 'github')).toContain(
      '::warning file=content/docs/a.md,line=3,title=Link may point to a missing page::https://docs.example.org/old — answered 200 OK',
    );
  });

  it('is stored in the cache and read back', () => {
    const cache = mergeIntoCache({ version: 1, entries: {} }, [result], { now: Date.parse('2026-01-02T00:00:00Z') });
    const parsed = cacheFileSchema.parse(JSON.parse(JSON.stringify(cache)));
    expect(parsed.entries[result.url]).toMatchObject({ verdict: 'suspect', detail: result.detail });
  });
});

describe('npm run links', () => {
  const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/check-links.ts');
  const run = (dir: string, args: string[]) =>
    new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [cli, '--content-dir', 'content', '--include', '^http://127\\.', '--retries', '0', '--no-cache', ...args],
        { cwd: dir, env: { ...process.env, CI: 'true' }, timeout: 30_000 },
        (_error, stdout) => resolve({ code: child.exitCode, stdout }),
      );
    });

  it('warns about a suspect link, fails only with --fail-on suspect, and says nothing with --no-soft-404', async () => {
    const temp = await makeTempDir();
    try {
      await writeFiles(temp.dir, { 'content/docs/a.md': `[gone](${server.url('/soft-title')})\n` });
      const warned = await run(temp.dir, []);
      expect(warned.code).toBe(0);
      expect(warned.stdout).toContain('1 link in 1 file: 1 suspect');
      const failed = await run(temp.dir, ['--fail-on', 'broken,suspect']);
      expect(failed.code).toBe(1);
      const off = await run(temp.dir, ['--no-soft-404']);
      expect(off).toMatchObject({ code: 0, stdout: expect.stringContaining('1 link in 1 file: 1 ok') });
    } finally {
      await temp.cleanup();
    }
    // Three CLI processes: each takes seconds to start when the machine's cores are busy.
  }, 90_000);
});
