import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readEnv } from '../lib/env.ts';
import { formatProblems, type ContentProblem } from '../lib/format-issues.ts';
import { Worker } from 'node:worker_threads';
import { validateContent, validateFrontmatterOnly, type FactsCache, type ValidateContentOptions } from '../lib/validate/index.ts';

export interface ValidateContentIntegrationOptions {
  /** The docs folder to check (default: the one readEnv() names, so DOCS_CONTENT_DIR applies). */
  docsDir?: string;
}

// Saving a file in the editor fires several events in a row; check once they settle.
const DEV_RECHECK_DELAY_MS = 150;
/** Pages, and the images they point at (a deleted image breaks a page without touching it). */
const WATCHED_FILE = /\.(md|mdx|png|jpe?g|gif|svg|webp|avif)$/i;

/** The full validation on a worker thread; falls back to this thread if a worker cannot start. */
function validateInWorker(options: ValidateContentOptions): Promise<ContentProblem[]> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./validate-worker.ts', import.meta.url), { workerData: options });
    } catch {
      resolve(validateContent(options));
      return;
    }
    worker.once('message', (problems: ContentProblem[]) => {
      resolve(problems);
      void worker.terminate();
    });
    worker.once('error', () => resolve(validateContent(options)));
  });
}

/**
 * Checks every page before anything is built (frontmatter, links, anchors, images, alt text,
 * duplicate URLs). `astro build` stops with the full list and no stack trace: each problem is the
 * author's to fix, and a trace would push the list off screen. `astro dev` warns and keeps serving,
 * and checks again whenever a page changes.
 */
export default function validateContentIntegration(options: ValidateContentIntegrationOptions = {}): AstroIntegration {
  const docsDir = path.resolve(options.docsDir ?? readEnv().docsDir);
  let check: (() => ContentProblem[]) | undefined;
  // Kept for the life of the dev server: a re-check after a save only parses the files that changed.
  const cache: FactsCache = new Map();
  let problemCount = 0;
  let pending: Promise<ContentProblem[]> | undefined;

  const stopBuild = (logger: { error(message: string): void }, problems: ContentProblem[]): never => {
    logger.error(formatProblems('The content has problems; fix them and build again', problems));
    // Throwing would make Astro add "An unhandled error occurred" and a stack trace under the list.
    process.exit(1);
  };

  return {
    name: 'validate-content',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return; // `astro sync`/`check`/`preview` build nothing from content
        const options: ValidateContentOptions = { docsDir, base: config.base, rootDir: fileURLToPath(config.root), production: command === 'build' };
        if (command === 'build') {
          // Links, anchors and images need every page parsed: that runs on another core while Astro
          // loads the content, and the build waits for it before rendering anything (astro:build:start).
          // Frontmatter is checked now, because Astro's own loading would trip over it first.
          pending = validateInWorker(options);
          if (validateFrontmatterOnly(options).length > 0) stopBuild(logger, await pending);
          return;
        }
        check = () => validateContent({ ...options, cache });
        const problems = check();
        problemCount = problems.length;
        if (problems.length > 0) logger.warn(formatProblems('The content has problems (a production build would stop here)', problems));
      },
      'astro:build:start': async ({ logger }) => {
        const problems = (await pending) ?? [];
        if (problems.length > 0) stopBuild(logger, problems);
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
          if (path.relative(docsDir, file).startsWith('..') || !WATCHED_FILE.test(file)) return;
          clearTimeout(timer);
          timer = setTimeout(recheck, DEV_RECHECK_DELAY_MS);
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onFileEvent);
      },
    },
  };
}
