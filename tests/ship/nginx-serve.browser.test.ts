import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { brotliModulePath, startNginx, type NginxServer } from '../../scripts/support/nginx.ts';
import { parseCsp, rawRequest } from './raw-http.ts';
import { servableCopy } from './site-copy.ts';

// The nginx.conf the Docker image ships, run by a real nginx over the fixture site.
let root: string;
let nginx: NginxServer;

beforeAll(async () => {
  const build = buildSite({ contentDir: 'tests/fixtures/content/site', name: 'fixture-site', reuse: true });
  root = servableCopy(build.outDir);
  nginx = await startNginx({ root });
});

afterAll(async () => {
  await nginx?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

const url = (sitePath: string) => `${nginx.origin}${sitePath}`;
const file = (sitePath: string) => readFileSync(path.join(root, sitePath));

/** Site path of the first file under `dir` whose name matches and that is big enough to compress. */
function findFile(dir: string, pattern: RegExp, minBytes = 0): string {
  const name = readdirSync(path.join(root, dir)).find((entry) => pattern.test(entry) && statSync(path.join(root, dir, entry)).size >= minBytes);
  if (!name) throw new Error(`no file matching ${pattern} (≥ ${minBytes} bytes) in ${dir} of the built site`);
  return `/${path.posix.join(dir, name)}`;
}

describe('pages and missing pages', () => {
  it('serves pages by their directory URL as UTF-8 HTML', async () => {
    const response = await rawRequest(url('/guide/first/'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body.equals(file('guide/first/index.html'))).toBe(true);
  });

  it('redirects a directory without its slash to a relative Location, keeping the host and port the reader used', async () => {
    const response = await rawRequest(url('/guide/first'), { Host: 'docs.example:9999' });
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/guide/first/');
  });

  it('answers an unknown path with our 404.html and a real 404 status', async () => {
    const response = await rawRequest(url('/no/such/page/'));
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body.equals(file('404.html'))).toBe(true);
  });

  it('lists no directory: a folder without index.html is just another missing page', async () => {
    const response = await rawRequest(url('/_astro/'));
    expect(response.status).toBe(404);
    expect(response.body.equals(file('404.html'))).toBe(true);
    expect(response.body.toString('utf8')).not.toContain('Index of');
  });

  it('does not tell its version, in headers or in its own error pages', async () => {
    const page = await rawRequest(url('/'));
    expect(page.headers.server).toBe('nginx');
    const redirect = await rawRequest(url('/guide'));
    expect(redirect.status).toBe(301);
    expect(redirect.body.toString('utf8')).not.toMatch(/nginx\/\d/);
  });
});

describe('security headers', () => {
  const expected: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  };

  it.each([
    ['a page', '/', 200],
    ['a hashed asset', '', 200],
    ['a missing page', '/missing/', 404],
    ['a redirect', '/guide', 301],
  ])('are sent with %s', async (_label, sitePath, status) => {
    const response = await rawRequest(url(sitePath || findFile('_astro', /\.css$/)));
    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(expected)) expect(response.headers[name], name).toBe(value);
    expect(response.headers['content-security-policy']).toBeTruthy();
    expect(response.headers['permissions-policy']).toMatch(/camera=\(\)/);
  });

  it('has a CSP that allows the site and Pagefind but no inline script or plugin by default', async () => {
    const response = await rawRequest(url('/'));
    const csp = parseCsp(String(response.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    const scriptSrc = csp.get('script-src') ?? [];
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).toContain("'wasm-unsafe-eval'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc.filter((source) => source.startsWith("'sha256-")).length).toBeGreaterThan(0);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    // No exception for style attributes: code colours are classes.
    expect(csp.has('style-src-attr')).toBe(false);
    expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
  });
});

describe('caching', () => {
  const year = 'public, max-age=31536000, immutable';

  it('lets browsers keep hashed /_astro/ assets for a year', async () => {
    for (const asset of [findFile('_astro', /\.css$/), findFile('_astro', /\.js$/)]) {
      const response = await rawRequest(url(asset));
      expect(response.status, asset).toBe(200);
      expect(response.headers['cache-control'], asset).toBe(year);
    }
  });

  it('lets browsers keep Pagefind files named by content hash for a year', async () => {
    const hashed = [
      findFile('pagefind/fragment', /\.pf_fragment$/),
      findFile('pagefind/index', /\.pf_index$/),
      findFile('pagefind', /^pagefind\..+\.pf_meta$/),
    ];
    for (const asset of hashed) {
      const response = await rawRequest(url(asset));
      expect(response.status, asset).toBe(200);
      expect(response.headers['cache-control'], asset).toBe(year);
    }
  });

  it('revalidates what keeps its name between builds: pages, Pagefind entry and loader, wasm, favicon', async () => {
    const sameNameEachBuild = [
      '/',
      '/guide/first/',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.js',
      findFile('pagefind', /^wasm\..+\.pagefind$/),
      '/favicon.svg',
    ];
    for (const sitePath of sameNameEachBuild) {
      const response = await rawRequest(url(sitePath));
      expect(response.status, sitePath).toBe(200);
      expect(response.headers['cache-control'], sitePath).toBe('no-cache');
    }
  });

  it('never caches a missing asset as if it were immutable', async () => {
    const response = await rawRequest(url('/_astro/gone.0123abcd.js'));
    expect(response.status).toBe(404);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers a revalidation of an unchanged page with 304 Not Modified', async () => {
    const first = await rawRequest(url('/guide/'));
    const etag = String(first.headers.etag);
    expect(etag).toBeTruthy();
    const again = await rawRequest(url('/guide/'), { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });
});

describe('MIME types', () => {
  it.each([
    ['/', /^text\/html; charset=utf-8$/],
    ['css', /^text\/css; charset=utf-8$/],
    ['js', /^(application|text)\/javascript; charset=utf-8$/],
    ['/favicon.svg', /^image\/svg\+xml; charset=utf-8$/],
    ['/sitemap-0.xml', /^(text|application)\/xml; charset=utf-8$/],
    ['/robots.txt', /^text\/plain; charset=utf-8$/],
    ['/probe.json', /^application\/json; charset=utf-8$/],
    ['/probe.wasm', /^application\/wasm$/],
    ['/pagefind/pagefind-entry.json', /^application\/json; charset=utf-8$/],
    ['fragment', /^application\/octet-stream$/],
  ])('%s is served as %s', async (which, type) => {
    const sitePath =
      which === 'css'
        ? findFile('_astro', /\.css$/)
        : which === 'js'
          ? findFile('_astro', /\.js$/)
          : which === 'fragment'
            ? findFile('pagefind/fragment', /\.pf_fragment$/)
            : which;
    const response = await rawRequest(url(sitePath));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(type);
  });

  it('serves wasm so that browsers can compile it while it streams in', async () => {
    // compileStreaming refuses any response whose type is not exactly application/wasm.
    const module = await WebAssembly.compileStreaming(fetch(url('/probe.wasm')));
    expect(WebAssembly.Module.customSections(module, 'probe')).toHaveLength(1);
  });
});

describe('compression', () => {
  const compressible = () => [
    '/guide/first/',
    findFile('_astro', /\.css$/, 1024),
    findFile('_astro', /\.js$/, 1024),
    '/favicon.svg',
    '/sitemap-0.xml',
    '/probe.json',
    '/probe.wasm',
    '/pagefind/pagefind.js',
  ];
  const onDisk = (sitePath: string) => file(sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);

  it('gzips text, JSON, SVG and wasm for clients that accept it', async () => {
    for (const sitePath of compressible()) {
      const response = await rawRequest(url(sitePath), { 'Accept-Encoding': 'gzip' });
      expect(response.headers['content-encoding'], sitePath).toBe('gzip');
      expect(response.headers.vary, sitePath).toMatch(/Accept-Encoding/);
      const original = onDisk(sitePath);
      expect(gunzipSync(response.body).equals(original), sitePath).toBe(true);
      expect(response.body.length, sitePath).toBeLessThan(original.length);
    }
  });

  it('sends plain bytes to clients that accept no compression', async () => {
    const sitePath = findFile('_astro', /\.css$/);
    const response = await rawRequest(url(sitePath));
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.equals(file(sitePath))).toBe(true);
  });

  it('leaves Pagefind chunks alone: they are compressed already', async () => {
    const sitePath = findFile('pagefind/fragment', /\.pf_fragment$/);
    const response = await rawRequest(url(sitePath), { 'Accept-Encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.equals(file(sitePath))).toBe(true);
  });

  describe.skipIf(!brotliModulePath())('with the brotli module (Debian libnginx-mod-http-brotli-filter)', () => {
    let brotliNginx: NginxServer;
    beforeAll(async () => {
      brotliNginx = await startNginx({ root, brotli: true });
    });
    afterAll(async () => {
      await brotliNginx?.stop();
    });

    it('prefers brotli when the client accepts it, and still gzips for those that do not', async () => {
      for (const sitePath of compressible()) {
        const br = await rawRequest(`${brotliNginx.origin}${sitePath}`, { 'Accept-Encoding': 'gzip, deflate, br' });
        expect(br.headers['content-encoding'], sitePath).toBe('br');
        expect(brotliDecompressSync(br.body).equals(onDisk(sitePath)), sitePath).toBe(true);
        const gzip = await rawRequest(`${brotliNginx.origin}${sitePath}`, { 'Accept-Encoding': 'gzip' });
        expect(gzip.headers['content-encoding'], sitePath).toBe('gzip');
      }
    });
  });
});
