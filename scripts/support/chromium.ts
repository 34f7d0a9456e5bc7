import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readEnv } from '../../src/core/env.ts';

/** Debian's chromium package (`apt-get install -y chromium`, or `npm run setup:system`). */
export const CHROMIUM_PATH = readEnv().chromiumPath;

/**
 * Quiet, reproducible headless Chromium: no GPU, no background downloads or updates, no sync, no
 * first-run UI. --no-sandbox because CI runs as root. Playwright gives every launch a fresh,
 * temporary user-data-dir and removes it on close, so no cache or storage leaks between runs.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Launches Debian's Chromium through playwright-core, with a clear message when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install it with \`apt-get update && apt-get install -y chromium\` ` +
        '(or `npm run setup:system`), or point CHROMIUM_PATH at another Chromium binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface BrowserPage {
  context: BrowserContext;
  page: Page;
  /** URLs the page requested, in order (including ones that failed). */
  requests: string[];
  /** Uncaught page errors and console errors: a healthy page has none. */
  errors: string[];
}

/** A page in a fresh context (empty cache, no storage) that records its requests and errors. */
export async function openPage(browser: Browser, options: { viewport?: { width: number; height: number } } = {}): Promise<BrowserPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, requests, errors };
}
