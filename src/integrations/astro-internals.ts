import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';

/**
 * Every assumption the site makes about Astro's (and Vite's) internals, in one place. None of them
 * is public API a type would check, so an Astro upgrade could break any of them silently: each has
 * a contract test in tests/architecture/astro-contracts.test.ts that names it, and fails by name.
 *
 * This module is loaded by integrations, by a render worker and by page code (the middleware), so it
 * imports nothing at run time but a Node built-in.
 *
 * One assumption has no code of its own, only an order the content gate and the render pool rely
 * on ("hook order" in the contract tests): `astro build` loads, and so renders, every Markdown page
 * in its content sync, before `astro:build:start`; so the pool closes there, and the gate's check
 * after rendering runs at the end of the prerender build, before any page is written.
 */

// ── Assumption "logger destination": every Astro logger writes through one shared destination ──

/** What Astro's logger hands its destination; `newLine: false` leaves the line open for more. */
export interface LogEvent {
  level: string;
  label: string | null;
  message: string;
  newLine?: boolean;
}
export interface LogDestination {
  write(event: LogEvent): boolean | undefined;
}

/**
 * Puts `wrap` around the destination of every Astro logger. The integration logger's `options` is
 * the object all of Astro's loggers share (forks included), so one replacement covers them all.
 */
export function wrapLogDestination(logger: AstroIntegrationLogger, wrap: (destination: LogDestination) => LogDestination): void {
  const options = logger.options as unknown as { destination: LogDestination };
  options.destination = wrap(options.destination);
}

/**
 * Every error Astro logs from now on, as `[label] message`. Its content loader logs a page it cannot
 * read or render and goes on without it; a build that logged an error must not finish as if nothing
 * happened.
 */
export function collectLoggedErrors(logger: AstroIntegrationLogger): string[] {
  const errors: string[] = [];
  wrapLogDestination(logger, (destination) => ({
    ...destination,
    write(event) {
      if (event.level === 'error') errors.push(`[${event.label ?? 'astro'}] ${event.message}`);
      return destination.write(event);
    },
  }));
  return errors;
}

// ── Assumption "page lines": how `astro build` logs each page it generates ──

const ANSI = /\u001b\[[0-9;]*m/g;
/** The end Astro writes on a page's open "├─ /path" line once the page is done: its render time, or that it came from the cache. */
const PAGE_LINE_END = /^\s*(\(\+[\d.]+\s*m?s\)|\((cached|restored)\))/;

/**
 * Astro writes "├─ /page/" with `newLine: false` when it starts a page, and ends that line with an
 * event labelled SKIP_FORMAT that holds the render time, "(cached)" or "(restored)".
 */
export function endsPageLine(event: LogEvent): boolean {
  return event.label === 'SKIP_FORMAT' && PAGE_LINE_END.test(event.message.replace(ANSI, ''));
}

// ── Assumption "content loader messages": how the glob loader names a page it dropped ──

/**
 * The docs-relative page a logged error names, and its reason: Astro's glob loader logs
 * "Error rendering <entry>: <message>" or "Error reading <entry>: <message>" and drops the page,
 * where the message of a Markdown render error starts "Failed to parse Markdown file "<path>":".
 */
export function droppedPage(loggedError: string): { entry?: string; reason: string } {
  const entry = /Error (?:rendering|reading) (.+?): /.exec(loggedError)?.[1];
  const reason = loggedError.split('\n')[0]!.replace(/Failed to parse Markdown file "[^"]*":?\s*/, '');
  return { entry, reason };
}

// ── Assumption "markdown parse errors": @astrojs/markdown-remark prints each one with console.error ──

export const MARKDOWN_PARSE_ERROR_PREFIX = 'Failed to parse Markdown file';

/**
 * @astrojs/markdown-remark prints a page's render error with its stack trace (console.error) and
 * then throws it; Astro's loader logs the same error again with the file name, and the build's
 * problem list names the cause. The stack trace would only push that list off the screen, so
 * exactly those errors are not printed a second time. Returns what puts console.error back.
 */
export function quietMarkdownParseErrors(): () => void {
  const original = console.error;
  const print = original.bind(console);
  const quiet = (...args: unknown[]) => {
    if (args.length === 1 && args[0] instanceof Error && args[0].message.startsWith(MARKDOWN_PARSE_ERROR_PREFIX)) return;
    print(...args);
  };
  console.error = quiet;
  return () => {
    // Someone who replaced it after us keeps theirs.
    if (console.error === quiet) console.error = original;
  };
}

// ── Assumption "integration config": what updateConfig is given is merged, not coerced ──

/**
 * A folder as the file URL Astro's resolved config holds. The user's config file goes through a
 * schema that turns paths into URLs; config an integration sets with updateConfig is only merged
 * and checked, so a folder must arrive as a URL already.
 */
export function folderUrl(folder: string): URL {
  return pathToFileURL(folder.endsWith('/') ? folder : `${folder}/`);
}

// ── Assumption "prerender environment": the Vite environment that compiles the pages to render ──

/** The name Astro gives the Vite environment of its static (prerender) build. */
export const PRERENDER_ENVIRONMENT = 'prerender';

/**
 * Whether a Vite plugin hook runs in Astro's prerender build: the one that compiles every page (MDX
 * included) and renders none, so its `buildEnd` is the last moment before anything is written.
 * Vite hands each hook its environment as `this.environment`.
 */
export function inPrerenderBuild(pluginContext: unknown): boolean {
  return (pluginContext as { environment?: { name?: string } }).environment?.name === PRERENDER_ENVIRONMENT;
}

// ── Assumption "page code shares the build's process": prerendered pages run beside the integrations ──

/**
 * A value the integrations hand to page code (middleware, compiled MDX) during `astro build`. The
 * page bundle is a different module instance from the integration, so they cannot share a module
 * variable; Astro's default prerenderer imports that bundle into the build's own process, so they
 * share `globalThis`, keyed by a registered symbol both sides can name.
 */
export function sharedWithPageCode<T>(name: string): { get(): T | undefined; set(value: T | undefined): void } {
  const key = Symbol.for(name);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    get: () => store[key],
    set: (value) => {
      if (value === undefined) delete store[key];
      else store[key] = value;
    },
  };
}

/**
 * The global the MDX expression guard (src/plugins/remark-mdx-expression-errors.ts) looks up from
 * compiled page code: a string key, since generated code names it as a literal.
 */
export const RENDER_ERROR_REPORTER = 'docs:mdx-expression-error';

/** An MDX expression that threw while its page rendered. */
export interface RenderErrorReport {
  /** As shown to the author: relative to the project folder. */
  file: string;
  line: number;
  message: string;
}

/** Installs the reporter compiled MDX calls when an expression throws; returns what removes it. */
export function installRenderErrorReporter(report: (failure: RenderErrorReport) => void): () => void {
  const store = globalThis as Record<string, unknown>;
  store[RENDER_ERROR_REPORTER] = report;
  return () => {
    if (store[RENDER_ERROR_REPORTER] === report) delete store[RENDER_ERROR_REPORTER];
  };
}

/**
 * Where the content layer keeps what it loaded and rendered, under the build's cacheDir. Astro
 * clears it when its own config or version changes, but a remark/rehype plugin is a function it
 * cannot compare, so a changed plugin left yesterday's HTML in place (render-cache.ts).
 */
export const CONTENT_STORE_FILE = 'data-store.json';
