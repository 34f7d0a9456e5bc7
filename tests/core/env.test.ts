import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildEnv, BUILD_NODE_FLAGS, findProjectRoot, projectRoot, readEnv } from '../../src/core/env.ts';

const root = path.resolve(import.meta.dirname, '../..');
const url = (file: string) => pathToFileURL(file).href;

describe('findProjectRoot', () => {
  const outside = mkdtempSync(path.join(os.tmpdir(), 'env-test-'));
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('is the repository, whatever the working directory', () => {
    expect(projectRoot).toBe(root);
    expect(findProjectRoot(url(path.join(root, 'src/core/env.ts')), outside)).toBe(root);
  });

  it('finds the project from a bundled chunk inside it (Astro writes its prerender bundle under the working directory)', () => {
    expect(findProjectRoot(url(path.join(root, 'tests/.tmp/run-1/site/.prerender/chunks/env_abc.mjs')), outside)).toBe(root);
    expect(findProjectRoot(url(path.join(root, '.astro/.prerender/chunks/env_abc.mjs')), outside)).toBe(root);
  });

  it('falls back to the working directory (or a folder above it) when the module sits elsewhere', () => {
    expect(findProjectRoot(url(path.join(outside, 'chunks/env.mjs')), path.join(root, 'src', 'pages'))).toBe(root);
    expect(findProjectRoot('data:text/javascript,', root)).toBe(root);
  });

  it('says what it looked for when neither leads to the project', () => {
    expect(() => findProjectRoot(url(path.join(outside, 'env.mjs')), outside)).toThrow(
      /Cannot find the project folder \(the one with astro\.config\.mjs and package\.json\)/,
    );
  });
});

describe('readEnv', () => {
  it('defaults to the project content, cache and link-check cache', () => {
    expect(readEnv({})).toEqual({
      contentDir: path.join(root, 'content'),
      docsDir: path.join(root, 'content', 'docs'),
      linksFile: path.join(root, 'content', 'links.yaml'),
      publicDir: path.join(root, 'public'),
      siteConfigFile: path.join(root, 'src', 'site.config.ts'),
      astroCacheDir: path.join(root, 'node_modules', '.astro'),
      siteUrl: undefined,
      siteBase: undefined,
      linkCacheFile: path.join(root, '.cache', 'link-check.json'),
      githubActions: false,
      githubStepSummary: undefined,
      chromiumPath: '/usr/bin/chromium',
      nginx: { binary: '/usr/sbin/nginx', mimeTypesFile: '/etc/nginx/mime.types', modulesDir: '/usr/lib/nginx/modules' },
    });
  });

  it('lets another system point the tools at its own Chromium and nginx', () => {
    const env = readEnv({ CHROMIUM_PATH: '/opt/chrome/chrome', NGINX_BIN: '/opt/nginx/sbin/nginx' });
    expect(env.chromiumPath).toBe('/opt/chrome/chrome');
    expect(env.nginx.binary).toBe('/opt/nginx/sbin/nginx');
  });

  it('takes overrides, resolving paths against the working directory and ignoring empty values', () => {
    const env = readEnv({
      DOCS_CONTENT_DIR: 'tests/fixtures/content/site',
      DOCS_SITE_CONFIG: 'tests/fixtures/content/trusted-mdx/site.config.ts',
      ASTRO_CACHE_DIR: '/tmp/cache',
      SITE_BASE: '',
      SITE_URL: 'https://o.github.io',
      GITHUB_STEP_SUMMARY: '/tmp/summary.md',
      GITHUB_ACTIONS: 'true',
    });
    expect(env.contentDir).toBe(path.resolve('tests/fixtures/content/site'));
    expect(env.siteConfigFile).toBe(path.resolve('tests/fixtures/content/trusted-mdx/site.config.ts'));
    expect(env.linksFile).toBe(path.resolve('tests/fixtures/content/site/links.yaml'));
    expect(env.astroCacheDir).toBe('/tmp/cache');
    expect(env.siteBase).toBeUndefined();
    expect(env.siteUrl).toBe('https://o.github.io');
    expect(env.githubStepSummary).toBe('/tmp/summary.md');
    expect(env.githubActions).toBe(true);
  });
});

describe('astroBuildEnv', () => {
  it('points a child build at other content with the pinned Node first, out of the parent’s mode', () => {
    const env = astroBuildEnv(
      { contentDir: '/tmp/corpus', cacheDir: '/tmp/cache' },
      { PATH: '/usr/bin', NODE_ENV: 'test', DEV: '1', MODE: 'test', HOME: '/root' },
    );
    expect(env).toEqual({
      PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}/usr/bin`,
      HOME: '/root',
      DOCS_CONTENT_DIR: '/tmp/corpus',
      ASTRO_CACHE_DIR: '/tmp/cache',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    });
    // What the child reads back is what the parent meant.
    expect(readEnv(env).docsDir).toBe('/tmp/corpus/docs');
  });
});

describe('the build command', () => {
  it('starts Node with the flags the benchmark measures, so its figures are the build users run', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toBe(['node', ...BUILD_NODE_FLAGS, 'node_modules/astro/bin/astro.mjs', 'build'].join(' '));
  });
});
