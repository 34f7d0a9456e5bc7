import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import type { Plugin } from 'vite';
import type { ContentSession } from '../core/content/session.ts';
import { renderTimeMessage, type RenderPool } from '../render-pool/pool.ts';
import { isInside } from '../core/paths.ts';
import { describeParseError } from '../core/content/parse.ts';
import { LINKS_FILE_PROBLEMS_TITLE, validateLinksFile } from '../core/links-file.ts';
import { ContentProblemsError, formatProblems, type ContentProblem } from '../core/problems.ts';
import { problemAnnotations, problemsSummary } from '../core/github-report.ts';
import { validateAfterRendering, validateBeforeLoading, validateContent, type BeforeLoading } from '../core/validate/index.ts';
import type { Inventory } from '../core/content/inventory.ts';
import { checkPublishedPage } from '../core/security/output-gate.ts';
import {
  collectLoggedErrors,
  droppedPage,
  inPrerenderBuild,
  installRenderErrorReporter,
  quietMarkdownParseErrors,
  type RenderErrorReport,
} from './astro-internals.ts';

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
const TRUSTED_MDX_NOTICE =
  'mdx.trusted is on: MDX pages run as code with the rights of the build (files, environment, network) and are not held to the declarative rule. Review every .mdx change as code; only the check of the published HTML still applies.';

// Saving a file in the editor fires several events in a row; check once they settle.
const DEV_RECHECK_DELAY_MS = 150;
/** Pages, and the images they point at (a deleted image breaks a page without touching it). */
const WATCHED_FILE = /\.(md|mdx|png|jpe?g|gif|svg|webp|avif)$/i;

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
  return {
    file: shown,
    line: loc,
    message: `could not be compiled: ${message.replace(/^\[[^\]]+\]\s*/, '')}. Fix the syntax there (in MDX, write { and < in text as \\{ and &lt;).`,
  };
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
function missingDescriptionsWarning(files: string[]): string {
  const count = files.length;
  return [
    `${count} page${count === 1 ? ' has' : 's have'} no description; each gets its first paragraph (at most 160 characters) for search and link previews:`,
    ...files.map((file) => `  - ${file}`),
    'Add "description: …" to their frontmatter to choose the words, or set requireDescriptions: true in src/site.config.ts to make this an error.',
  ].join('\n');
}

/** The integration's options and the project as Astro resolved it: what every stage reads. */
interface Gate extends ValidateContentIntegrationOptions {
  docsDir: string;
  rootDir: string;
  base: string;
}

/** One `astro build`: what the first stage found and set up, handed on to the later ones. */
interface BuildRun {
  /** The inventory and frontmatter read before loading; no later stage reads them again. */
  early: BeforeLoading;
  /** Errors Astro logged: its content loader logs a page it cannot read or render and goes on without it. */
  loggedErrors: string[];
  /** MDX expressions that threw while pages were rendered (trusted MDX), reported by the pages themselves. */
  renderErrors: RenderErrorReport[];
  /** Takes back what the build put on globals: the MDX expression reporter, the quieter console.error. */
  end: () => void;
}

const shown = (gate: Gate, absolute: string) => path.relative(gate.rootDir, absolute).split(path.sep).join('/');
const contentProblems = (problems: ContentProblem[]) => new ContentProblemsError(CONTENT_PROBLEMS_TITLE, problems);
const linksFileProblems = (gate: Gate) => new ContentProblemsError(LINKS_FILE_PROBLEMS_TITLE, validateLinksFile(gate.linksFile, gate.rootDir));
const productionCheck = (gate: Gate) => ({ docsDir: gate.docsDir, base: gate.base, rootDir: gate.rootDir, production: true, session: gate.session });

/** Logs each list under its own heading, then lets the entry point end the build, or throws. */
function stopBuild(gate: Gate, logger: AstroIntegrationLogger, run: BuildRun | undefined, ...lists: ContentProblemsError[]): never {
  run?.end();
  const stopping = lists.filter((list) => list.problems.length > 0);
  for (const list of stopping) logger.error(list.message);
  const error = stopping.length === 1 ? stopping[0]! : contentProblems(stopping.flatMap((list) => list.problems));
  if (gate.github) reportToGithub(gate.github, 'Content problem', error.problems, 'error');
  gate.onProblems?.(error);
  const count = error.problems.length;
  throw new AstroError(
    `The build stopped at ${count} content problem${count === 1 ? '' : 's'}, listed above; nothing was published.`,
    'Fix each one at the file and line it names, then build again.',
  );
}

/** Astro's logged errors, by page where the message names one; a page with a problem of its own already says why. */
function loggedAsProblems(gate: Gate, loggedErrors: string[], named: ContentProblem[] = []): ContentProblem[] {
  return loggedErrors.flatMap((message) => {
    const { entry, reason } = droppedPage(message);
    const file = entry ? shown(gate, path.join(gate.docsDir, entry)) : 'astro build';
    if (entry && named.some((problem) => problem.file === file)) return [];
    return [{ file, message: `could not be loaded or rendered by Astro (${reason}); the build stops rather than publish the site without it.` }];
  });
}

/**
 * Stage 1, before Astro loads anything: what would make Astro drop a page, trip or run out of
 * memory (the inventory and the frontmatter), and links.yaml, so its loader never meets a bad list.
 * When these stop the build, the rest of the list comes from the same extractor, so it is still
 * complete. Also sets up what the later stages collect.
 */
function beforeLoading(gate: Gate, logger: AstroIntegrationLogger): BuildRun {
  const { session, renderPool } = gate;
  if (session.mdxRules.trusted) logger.warn(TRUSTED_MDX_NOTICE);
  // A throwing expression is reported here and the page renders on, so the build can list every
  // one at its line instead of dying at the first with Astro's stack traces.
  const renderErrors: RenderErrorReport[] = [];
  const removeReporter = installRenderErrorReporter((failure) => renderErrors.push(failure));
  if (renderPool) {
    renderPool.enabled = true;
    renderPool.warmUp();
  }
  const restoreConsole = quietMarkdownParseErrors();
  const loggedErrors = collectLoggedErrors(logger);
  const end = () => {
    removeReporter();
    restoreConsole();
  };
  const early = validateBeforeLoading({
    docsDir: gate.docsDir,
    rootDir: gate.rootDir,
    slugRules: session.slugRules,
    requireDescriptions: session.requireDescriptions,
    lessonRequirements: session.lessonRequirements,
  });
  const run: BuildRun = { early, loggedErrors, renderErrors, end };
  const links = linksFileProblems(gate);
  if (early.problems.length > 0 || links.problems.length > 0) {
    stopBuild(gate, logger, run, links, contentProblems([...early.problems, ...validateAfterRendering(early, productionCheck(gate))]));
  }
  if (early.withoutDescription.length > 0) {
    logger.warn(missingDescriptionsWarning(early.withoutDescription));
    const pages = early.withoutDescription.map((file) => ({
      file,
      line: 1,
      message: 'has no description; the first paragraph is used for search and link previews. Add "description: …" to choose the words.',
    }));
    if (gate.github) reportToGithub(gate.github, 'No description', pages, 'warning');
  }
  return run;
}

/**
 * Stage 2, after rendering: the prerender build has compiled every page (MDX included) and rendered
 * none, the last moment to stop before anything is written and the first at which every page's
 * facts are recorded. A failed compile (an image that is not there, MDX that does not parse) usually
 * has its cause in the content: the list names it. When it does not, Astro's own error stands.
 */
function afterRendering(gate: Gate, logger: AstroIntegrationLogger, run: BuildRun, error: Error | undefined): void {
  const { renderPool, session } = gate;
  const compile = error ? compileProblem(error, gate.docsDir, gate.rootDir) : undefined;
  const slow = (renderPool?.timedOut ?? []).map((file) => ({ file: shown(gate, file), message: renderTimeMessage(renderPool!.timeLimitMs) }));
  const found = [...(compile ? [compile] : []), ...slow, ...validateAfterRendering(run.early, productionCheck(gate))];
  const problems = [...found, ...loggedAsProblems(gate, run.loggedErrors, found)];
  try {
    session.store.save(session.cacheFile);
  } catch {
    // A read-only cache folder only costs the next build time.
  }
  if (problems.length > 0) stopBuild(gate, logger, run, contentProblems(problems));
}

/**
 * Stage 3, the report once Astro has written the pages: errors Astro logged and carried on after
 * (an image it could not process), MDX expressions that threw, and the output gate over what is on
 * disk. Any of them deletes the whole output. The build ends here, so its globals go back.
 */
function report(gate: Gate, logger: AstroIntegrationLogger, run: BuildRun, outDir: string): void {
  const refuse = (list: ContentProblemsError) => {
    rmSync(outDir, { recursive: true, force: true });
    stopBuild(gate, logger, run, list);
  };
  try {
    if (run.loggedErrors.length > 0) refuse(contentProblems(loggedAsProblems(gate, run.loggedErrors)));
    if (run.renderErrors.length > 0) {
      refuse(
        contentProblems(
          run.renderErrors.map(({ file, line, message }) => ({
            file,
            line,
            message: `${message}. Fix the expression, or write the value into the page.`,
          })),
        ),
      );
    }
    const published = publishedProblems(run.early.inventory, outDir, (file) => shown(gate, path.join(gate.docsDir, file)));
    if (published.length > 0) refuse(new ContentProblemsError(PUBLISHED_PROBLEMS_TITLE, published));
  } finally {
    run.end();
  }
}

/** `astro sync` (and `astro check`, which syncs) loads links.yaml too: checked before its loader runs. */
function beforeSync(gate: Gate, logger: AstroIntegrationLogger): void {
  const links = linksFileProblems(gate);
  if (links.problems.length > 0) stopBuild(gate, logger, undefined, links);
}

/** `astro dev` warns about the whole list, keeps serving, and checks again whenever a page changes. */
class DevCheck {
  private problemCount = 0;
  private timer: NodeJS.Timeout | undefined;

  private readonly gate: Gate;

  constructor(gate: Gate) {
    this.gate = gate;
  }

  run(logger: AstroIntegrationLogger, heading: string): void {
    const { docsDir, base, rootDir, session } = this.gate;
    const problems = validateContent({ docsDir, base, rootDir, production: false, session });
    if (problems.length > 0) logger.warn(formatProblems(heading, problems));
    else if (this.problemCount > 0) logger.info('The content problems are fixed.');
    this.problemCount = problems.length;
  }

  onFileEvent(file: string, logger: AstroIntegrationLogger): void {
    if (!isInside(this.gate.docsDir, file) || !WATCHED_FILE.test(file)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(logger, 'The content has problems'), DEV_RECHECK_DELAY_MS);
  }
}

/**
 * Checks every page and publishes nothing unchecked, in three stages for `astro build`: before
 * loading (beforeLoading), after rendering and before anything is written (afterRendering), and
 * the report on what was written (report). Each hands what it found to the next. `astro build`
 * logs the full list and stops, ending as onProblems decides; `astro dev` warns, keeps serving and
 * checks again whenever a page changes.
 */
export default function validateContentIntegration(options: ValidateContentIntegrationOptions): AstroIntegration {
  let gate: Gate = { ...options, docsDir: options.session.docsDir, rootDir: process.cwd(), base: '/' };
  let build: BuildRun | undefined;
  let dev: DevCheck | undefined;

  return {
    name: 'validate-content',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        gate = { ...gate, rootDir: fileURLToPath(config.root), base: config.base };
        if (command === 'sync') beforeSync(gate, logger);
        if (command === 'build') {
          const run = beforeLoading(gate, logger);
          build = run;
          const afterRenderingPlugin: Plugin = {
            name: 'docs:content-gate',
            buildEnd(error) {
              if (inPrerenderBuild(this)) afterRendering(gate, logger, run, error);
            },
          };
          updateConfig({ vite: { plugins: [afterRenderingPlugin] } });
        }
        if (command === 'dev') {
          dev = new DevCheck(gate);
          dev.run(logger, 'The content has problems (a production build would stop here)');
        }
        // `astro sync`/`check`/`preview` build nothing from content.
      },
      // Every page is rendered by now (Astro loads the content before this hook).
      'astro:build:start': async () => {
        await options.renderPool?.close();
      },
      'astro:build:done': ({ logger, dir }) => {
        if (build) report(gate, logger, build, fileURLToPath(dir));
      },
      'astro:server:setup': ({ server, logger }) => {
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, (file) => dev?.onFileEvent(file, logger));
      },
    },
  };
}
