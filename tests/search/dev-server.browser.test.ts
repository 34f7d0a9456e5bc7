import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../../scripts/support/chromium.ts';
import { projectRoot, tmpRoot } from '../helpers/build-site.ts';

// `astro dev` has no search index: the dialog must open and explain, never crash or fetch one.

let dev: ChildProcess | undefined;
let origin = '';
let browser: Browser;
const cacheDir = path.join(tmpRoot, 'search-dev.cache');

/** Vitest's MODE=test, DEV=1 and friends would leak into the dev server's import.meta.env. */
function withoutVitestEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const key of ['DEV', 'PROD', 'MODE', 'BASE_URL', 'SSR', 'TEST', 'NODE_ENV']) delete clean[key];
  for (const key of Object.keys(clean)) if (key.startsWith('VITEST')) delete clean[key];
  return clean;
}

/** Starts `astro dev` and resolves with the origin it prints, or rejects after 90 s. */
function startDevServer(): Promise<string> {
  return new Promise((resolve, reject) => {
    const bin = path.join(projectRoot, 'node_modules', '.bin');
    dev = spawn(path.join(bin, 'astro'), ['dev', '--host', '127.0.0.1', '--port', '4861'], {
      cwd: projectRoot,
      env: {
        ...withoutVitestEnv(process.env),
        PATH: `${bin}${path.delimiter}${process.env.PATH}`,
        DOCS_CONTENT_DIR: path.join(projectRoot, 'tests/fixtures/content/search-site'),
        ASTRO_CACHE_DIR: cacheDir,
        NO_COLOR: '1',
      },
      // Its own process group, so stopping it also stops anything it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`astro dev did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Astro moves to the next port when this one is taken, so read the one it chose.
      const match = /Local\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    dev.stdout!.on('data', onData);
    dev.stderr!.on('data', onData);
    dev.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`astro dev exited with ${code}:\n${output}`));
    });
  });
}

beforeAll(async () => {
  origin = await startDevServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (dev?.pid && dev.exitCode === null) process.kill(-dev.pid, 'SIGTERM');
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('search under astro dev', () => {
  it('opens and explains that search needs a production build, without errors or index requests', async () => {
    const { page, requests, errors, context } = await openPage(browser);
    // The first visit makes Vite optimise dependencies, which can reload the page once.
    await page.goto(`${origin}/networking/`, { waitUntil: 'networkidle' });
    await page.locator('[data-search-open]').waitFor();
    await page.keyboard.press('/');
    const input = page.locator('#search-input');
    await input.waitFor({ timeout: 30_000 });
    await input.fill('ports');
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent?.includes('npm run build && npm run preview'));
    expect(await page.locator('#search-listbox [role="option"]').count()).toBe(0);
    expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    // Vite's client logs its own connection chatter; anything else would be our failure.
    expect(errors.filter((e) => !/\[vite\]/.test(e))).toEqual([]);
    await context.close();
  });
});
