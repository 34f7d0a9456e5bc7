import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import type { Plugin } from 'vite';
import type { ContentSession } from '../core/content/session.ts';
import { renderTimeMessage, type RenderPool } from '../render-pool/pool.ts';
import { quietParseErrors } from '../plugins/quiet-parse-errors.ts';
import { describeParseError } from '../core/content/parse.ts';
import { LINKS_FILE_PROBLEMS_TITLE, validateLinksFile } from '../core/links-file.ts';
import { ContentProblemsError, formatProblems, type ContentProblem } from '../core/problems.ts';
import { problemAnnotations, problemsSummary } from '../core/github-report.ts';
import { takeInventory, validateBeforeLoading, validateContent } from '../core/validate/index.ts';
import type { Inventory } from '../core/content/inventory.ts';
import { checkPublishedPage } from '../core/security/output-gate.ts';
import { RENDER_ERROR_REPORTER, type RenderErrorReport } from '../plugins/remark-mdx-expression-errors.ts';
import { isInside } from '../core/paths.ts';

export interface ValidateContentIntegrationOptions {
  /** The build's content session (astro.config.mjs): the facts the renderer records go there. */
  session: ContentSession;
  /** content/links.yaml (or the fixture's): checked before Astro loads it. */
  linksFile: string;
  /** Renders pages on several cores while Astro loads the content; only `astro build` uses it. */
  renderPool?: RenderPool;
  /**
   * Ends a build the content stopped, after the problem lists are logged; the entry point decides
   * the exit code here. Astro prints "An unhandled error occurred" and a stack trace under any
   * error a hook or plugin throws, so an entry point that wants the list to be the last word exits
   * instead. When it is missing (or returns), the integration throws an AstroError.
   */
  onProblems?: (error: ContentProblemsError) => void;
  /**
   * In GitHub Actions: every problem is also printed as an `::error file=…,line=…` annotation, so
   * it shows on the pull request's diff, and listed in the job summary file when there is one.
   */
  github?: { stepSummary?: string };
}

const CONTENT_PROBLEMS_TITLE = 'The content has problems; fix them and build again';
const PUBLISHED_PROBLEMS_TITLE = 'Rendered pages hold markup the site never publishes; nothing was published';

/** Said once per build when pages are full MDX: what the maintainer gave up, in their own words. */
export const TRUSTED_MDX_NOTICE =
  'mdx.trusted is on: MDX pages run as code with the rights of the build (files, environment, network) and are not held to the declarative rule. Review every .mdx change as code; only the check of the published HTML still applies.';

/**
 * The output gate (src/core/security/output-gate.ts) over every page built from content/docs: what
 * is actually on disk, whatever produced it. The site's own pages (resources, 404) are not content.
 */
function publishedProblems(inventory: Inventory, outDir: string, display: (file: string) => string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const page of inventory.pages) {
    const html = path.join(outDir, page.slug, 'index.html');
    if (!existsSync(html)) continue; // a draft, left out of a production build
    const shownPath = page.slug === '' ? '/' : `/${page.slug}/`;
    for (const found of checkPublishedPage(readFileSync(html, 'utf8'))) {
      problems.push({
        file: display(page.file),
        message: `rendered to ${shownPath} with ${found}. Remove what produces it from the page${page.format === 'mdx' ? ' (in trusted MDX, also from the components it uses)' : ''}.`,
      });
    }
  }
  return problems;
}

// Saving a file in the editor fires several events in a row; check once they settle.
const DEV_RECHECK_DELAY_MS = 150;
/** Pages, and the images they point at (a deleted image breaks a page without touching it). */
const WATCHED_FILE = /\.(md|mdx|png|jpe?g|gif|svg|webp|avif)$/i;

type LogDestination = { write(event: { level: string; label: string | null; message: string }): boolean };

/**
 * Counts every error Astro logs. Its content loader logs a page it cannot read or render and goes
 * on without it; a build that logged an error must not finish as if nothing happened.
 */
function watchErrors(logger: AstroIntegrationLogger): string[] {
  const errors: string[] = [];
  const options = logger.options as unknown as { destination: LogDestination };
  const original = options.destination;
  options.destination = {
    ...original,
    write(event) {
      if (event.level === 'error') errors.push(`[${event.label ?? 'astro'}] ${event.message}`);
      return original.write(event);
    },
  } as LogDestination;
  return errors;
}

/** An error thrown while Vite compiled a page (MDX syntax, a bad import), as the author's problem. */
function compileProblem(error: unknown, docsDir: string, rootDir: string): ContentProblem | undefined {
  const candidate = error as { id?: unknown; loc?: { file?: unknown; line?: unknown } };
  const file = typeof candidate.loc?.file === 'string' ? candidate.loc.file : typeof candidate.id === 'string' ? candidate.id : undefined;
  if (!file) return undefined;
  const absolute = file.replace(/\?.*$/, '');
  if (!isInside(docsDir, absolute)) return undefined;
  const { line, message } = describeParseError(error, 0);
  const shown = path.relative(rootDir, absolute).split(path.sep).join('/');
  const loc = typeof candidate.loc?.line === 'number' ? candidate.loc.line : line;
  return { file: shown, line: loc, message: `could not be compiled: ${message.replace(/^\[[^\]]+\]\s*/, '')}. Fix the syntax there (in MDX, write { and < in text as \\{ and &lt;).` };
}

/** Annotations on stdout (GitHub reads workflow commands there), and a table in the job summary. */
function reportToGithub(github: { stepSummary?: string }, title: string, problems: ContentProblem[], level: 'error' | 'warning'): void {
  if (problems.length === 0) return;
  process.stdout.write(`${problemAnnotations(problems, title, level).join('\n')}\n`);
  if (!github.stepSummary) return;
  try {
    appendFileSync(github.stepSummary, `${problemsSummary(level === 'error' ? 'Content problems' : 'Pages without a description', problems)}\n`);
  } catch {
    // The annotations are out; a summary file that cannot be written only loses the table.
  }
}

/** One warning for every page whose description the build derives: each is worth writing by hand. */
export function missingDescriptionsWarning(files: string[]): string {
  const count = files.length;
  return [
    `${count} page${count === 1 ? ' has' : 's have'} no description; each gets its first paragraph (at most 160 characters) for search and link previews:`,
    ...files.map((file) => `  - ${file}`),
    'Add "description: …" to their frontmatter to choose the words, or set requireDescriptions: true in src/site.config.ts to make this an error.',
  ].join('\n');
}

/**
 * Checks every page and publishes nothing unchecked. Before Astro reads anything: the inventory
 * (names, URLs, encodings, symlinks, sizes) and the frontmatter. After Astro has rendered every
 * page, and before it writes a single one: the facts the renderer recorded (links, anchors, images,
 * author HTML, MDX imports). After Astro has written the pages: the output gate, which reads each
 * content page back and deletes the whole output if its body holds script, and any MDX expression
 * that threw while rendering. `astro build` logs the full list and stops, ending as onProblems
 * decides; `astro dev` warns, keeps serving and checks again whenever a page changes.
 */
export default function validateContentIntegration({ session, linksFile, renderPool, onProblems, github }: ValidateContentIntegrationOptions): AstroIntegration {
  const { docsDir } = session;
  let rootDir = process.cwd();
  let base = '/';
  let loggedErrors: string[] = [];
  let check: (() => ContentProblem[]) | undefined;
  let problemCount = 0;
  /** Taken once per build before Astro loads anything, and reused by the gate. */
  let inventory: Inventory | undefined;
  /** MDX expressions that threw while pages were rendered (trusted MDX), reported by the pages themselves. */
  const renderErrors: RenderErrorReport[] = [];

  /** Logs each list under its own heading, then lets the entry point end the build, or throws. */
  const stopBuild = (logger: AstroIntegrationLogger, ...lists: ContentProblemsError[]): never => {
    const stopping = lists.filter((list) => list.problems.length > 0);
    for (const list of stopping) logger.error(list.message);
    const error = stopping.length === 1 ? stopping[0]! : new ContentProblemsError(CONTENT_PROBLEMS_TITLE, stopping.flatMap((list) => list.problems));
    if (github) reportToGithub(github, 'Content problem', error.problems, 'error');
    onProblems?.(error);
    const count = error.problems.length;
    throw new AstroError(
      `The build stopped at ${count} content problem${count === 1 ? '' : 's'}, listed above; nothing was published.`,
      'Fix each one at the file and line it names, then build again.',
    );
  };
  const contentProblems = (problems: ContentProblem[]) => new ContentProblemsError(CONTENT_PROBLEMS_TITLE, problems);
  const linksFileProblems = () => new ContentProblemsError(LINKS_FILE_PROBLEMS_TITLE, validateLinksFile(linksFile, rootDir));
  const everyProblem = (extra: ContentProblem[] = []) => {
    const seen = new Set<string>();
    const all = [...extra, ...validateContent({ docsDir, base, rootDir, production: true, session, inventory })];
    return all.filter((problem) => {
      const key = `${problem.file}:${problem.line ?? ''}:${problem.message}`;
      return !seen.has(key) && seen.add(key);
    });
  };
  /** Astro's logged errors, by page where the message names one; a page with a problem of its own already says why. */
  const loggedAsProblems = (named: ContentProblem[] = []): ContentProblem[] =>
    loggedErrors.flatMap((message) => {
      const entry = /Error (?:rendering|reading) (.+?): /.exec(message)?.[1];
      const file = entry ? path.relative(rootDir, path.join(docsDir, entry)).split(path.sep).join('/') : 'astro build';
      if (entry && named.some((problem) => problem.file === file)) return [];
      const reason = message.split('\n')[0]!.replace(/Failed to parse Markdown file "[^"]*":?\s*/, '');
      return [{ file, message: `could not be loaded or rendered by Astro (${reason}); the build stops rather than publish the site without it.` }];
    });

  const gate = (logger: AstroIntegrationLogger): Plugin => ({
    name: 'docs:content-gate',
    // The prerender build has compiled every page (MDX included) and rendered none: the last moment
    // to stop before anything is written, and the first at which every page's facts are recorded.
    buildEnd(error) {
      const environment = (this as unknown as { environment?: { name?: string } }).environment?.name;
      if (environment !== 'prerender') return;
      // A failed compile (an image that is not there, MDX that does not parse) usually has its cause
      // in the content: the list names it. When it does not, Astro's own error stands.
      const compile = error ? compileProblem(error, docsDir, rootDir) : undefined;
      const slow = (renderPool?.timedOut ?? []).map((file) => ({ file: path.relative(rootDir, file).split(path.sep).join('/'), message: renderTimeMessage(renderPool!.timeLimitMs) }));
      const found = everyProblem([...(compile ? [compile] : []), ...slow]);
      const problems = [...found, ...loggedAsProblems(found)];
      try {
        session.store.save(session.cacheFile);
      } catch {
        // A read-only cache folder only costs the next build time.
      }
      if (problems.length > 0) stopBuild(logger, contentProblems(problems));
    },
  });

  return {
    name: 'validate-content',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        rootDir = fileURLToPath(config.root);
        base = config.base;
        // `astro sync` (and `astro check`, which syncs) loads links.yaml too: the loader is not a
        // place to stop from without a stack trace, so the list is checked before it runs.
        if (command === 'sync') {
          const links = linksFileProblems();
          if (links.problems.length > 0) stopBuild(logger, links);
        }
        if (command !== 'build' && command !== 'dev') return; // `astro sync`/`check`/`preview` build nothing from content
        if (command === 'build') {
          if (session.mdxRules.trusted) logger.warn(TRUSTED_MDX_NOTICE);
          // A throwing expression is reported here and the page renders on, so the build can list
          // every one at its line instead of dying at the first with Astro's stack traces.
          (globalThis as Record<string, unknown>)[RENDER_ERROR_REPORTER] = (report: RenderErrorReport) => renderErrors.push(report);
          if (renderPool) {
            renderPool.enabled = true;
            renderPool.warmUp();
          }
          quietParseErrors();
          loggedErrors = watchErrors(logger);
          // What would make Astro drop a page, trip or run out of memory is stopped before it loads
          // anything; the rest of the list comes from the same extractor, so it is still complete.
          // links.yaml is checked here too, so its loader never meets a bad list in a build.
          inventory = takeInventory({ docsDir, rootDir, slugRules: session.slugRules });
          const early = validateBeforeLoading({ docsDir, rootDir, inventory, requireDescriptions: session.requireDescriptions });
          const links = linksFileProblems();
          if (early.problems.length > 0 || links.problems.length > 0) stopBuild(logger, links, contentProblems(everyProblem(early.problems)));
          if (early.withoutDescription.length > 0) {
            logger.warn(missingDescriptionsWarning(early.withoutDescription));
            const pages = early.withoutDescription.map((file) => ({ file, line: 1, message: 'has no description; the first paragraph is used for search and link previews. Add "description: …" to choose the words.' }));
            if (github) reportToGithub(github, 'No description', pages, 'warning');
          }
          updateConfig({ vite: { plugins: [gate(logger)] } });
          return;
        }
        check = () => validateContent({ docsDir, base, rootDir, production: false, session });
        const problems = check();
        problemCount = problems.length;
        if (problems.length > 0) logger.warn(formatProblems('The content has problems (a production build would stop here)', problems));
      },
      // Every page is rendered by now (Astro loads the content before this hook).
      'astro:build:start': async () => {
        await renderPool?.close();
      },
      'astro:build:done': ({ logger, dir }) => {
        const outDir = fileURLToPath(dir);
        // Astro logs some failures (an image it could not process) and carries on: never ship that.
        if (loggedErrors.length > 0) {
          rmSync(outDir, { recursive: true, force: true });
          stopBuild(logger, contentProblems(loggedAsProblems()));
        }
        if (renderErrors.length > 0) {
          rmSync(outDir, { recursive: true, force: true });
          const problems = renderErrors.map(({ file, line, message }) => ({ file, line, message: `${message}. Fix the expression, or write the value into the page.` }));
          stopBuild(logger, contentProblems(problems));
        }
        if (!inventory) return;
        const published = publishedProblems(inventory, outDir, (file) => path.relative(rootDir, path.join(docsDir, file)).split(path.sep).join('/'));
        if (published.length > 0) {
          rmSync(outDir, { recursive: true, force: true });
          stopBuild(logger, new ContentProblemsError(PUBLISHED_PROBLEMS_TITLE, published));
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        let timer: NodeJS.Timeout | undefined;
        const recheck = () => {
          if (!check) return;
          const problems = check();
          if (problems.length > 0) logger.warn(formatProblems('The content has problems', problems));
          else if (problemCount > 0) logger.info('The content problems are fixed.');
          problemCount = problems.length;
        };
        const onFileEvent = (file: string) => {
          if (!isInside(docsDir, file) || !WATCHED_FILE.test(file)) return;
          clearTimeout(timer);
          timer = setTimeout(recheck, DEV_RECHECK_DELAY_MS);
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onFileEvent);
      },
    },
  };
}
