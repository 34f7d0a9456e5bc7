import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files that sit together only at the top of this project. */
const ROOT_MARKERS = ['astro.config.mjs', 'package.json'];

const isProjectRoot = (dir: string) => ROOT_MARKERS.every((file) => existsSync(path.join(dir, file)));

function nearestRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (isProjectRoot(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The project folder: the nearest folder above this module that holds astro.config.mjs and
 * package.json. Read from source, this module sits in src/core/. Bundled into Astro's page code,
 * it sits in a chunk that Astro writes inside the working directory (in outDir when outDir is
 * there, otherwise in ./.astro/), which is the project when a build runs, so the same walk finds
 * it. Nothing has to be set up before the import. The working directory is the last resort.
 */
export function findProjectRoot(moduleUrl: string = import.meta.url, cwd: string = process.cwd()): string {
  const fromModule = moduleUrl.startsWith('file:') ? nearestRoot(path.dirname(fileURLToPath(moduleUrl))) : undefined;
  const root = fromModule ?? nearestRoot(path.resolve(cwd));
  if (!root) {
    throw new Error(
      `Cannot find the project folder (the one with ${ROOT_MARKERS.join(' and ')}) above ${moduleUrl} or ${cwd}. Run the command from the project folder.`,
    );
  }
  return root;
}

export const projectRoot = findProjectRoot();

/**
 * The only place the environment is read. DOCS_CONTENT_DIR points the build at another content
 * folder (fixtures in tests, generated corpora in benchmarks) without touching the normal build.
 */
export function readEnv(env: NodeJS.ProcessEnv = process.env) {
  const contentDir = env.DOCS_CONTENT_DIR ? path.resolve(env.DOCS_CONTENT_DIR) : path.join(projectRoot, 'content');
  return {
    contentDir,
    docsDir: path.join(contentDir, 'docs'),
    linksFile: path.join(contentDir, 'links.yaml'),
    /** Files served as they are at the site root (`/favicon.svg`); a fixture course brings its own. */
    publicDir: env.DOCS_PUBLIC_DIR ? path.resolve(env.DOCS_PUBLIC_DIR) : path.join(projectRoot, 'public'),
    astroCacheDir: env.ASTRO_CACHE_DIR ? path.resolve(env.ASTRO_CACHE_DIR) : path.join(projectRoot, 'node_modules', '.astro'),
    /** The course's settings file; another course (a fixture, a second course) names its own. */
    siteConfigFile: path.resolve(projectRoot, env.DOCS_SITE_CONFIG || 'src/site.config.ts'),
    siteUrl: env.SITE_URL || undefined,
    siteBase: env.SITE_BASE || undefined,
    /** Overrides the `lessonReport` setting (the lessons report the pages show their status from). */
    lessonReport: env.LESSONS_REPORT || undefined,
    /** Link-check cache to show resource health from (issue: resource health on the site). */
    linkCacheFile: env.LINK_CHECK_CACHE ? path.resolve(env.LINK_CHECK_CACHE) : path.join(projectRoot, '.cache', 'link-check.json'),
    /** In GitHub Actions, problems are also printed as annotations on the pull request's diff. */
    githubActions: env.GITHUB_ACTIONS === 'true',
    /** Set by GitHub Actions: the build and the link checker append their Markdown reports to the job summary there. */
    githubStepSummary: env.GITHUB_STEP_SUMMARY || undefined,
    /** Debian's browser and web server, which the tools and tests drive; overridable for other systems. */
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    nginx: {
      binary: env.NGINX_BIN || '/usr/sbin/nginx',
      mimeTypesFile: env.NGINX_MIME_TYPES || '/etc/nginx/mime.types',
      modulesDir: env.NGINX_MODULES_DIR || '/usr/lib/nginx/modules',
    },
  };
}

/**
 * Variables a Vite or Vitest parent exposes to its own code (DEV=1, MODE=test, NODE_ENV=test…):
 * a child build that inherited them would build in development mode, drafts included.
 */
const PARENT_MODE_VARIABLES = ['DEV', 'PROD', 'MODE', 'BASE_URL', 'SSR', 'NODE_ENV'];

/**
 * The environment for a tool's `astro build` child process (the benchmarks): the variables
 * readEnv() reads, written here so their names live in one module, and the project's pinned Node
 * first on PATH so the child runs Node 24 whatever started the tool.
 */
/**
 * How `npm run build` starts Node (package.json says the same; a test holds them together): with
 * V8's defaults. --optimize-for-size saved a third of the memory but doubled the build time on
 * pages of about 850 words, so it is not worth it by default.
 */
export const BUILD_NODE_FLAGS: readonly string[] = [];

export function astroBuildEnv(options: { contentDir: string; cacheDir: string }, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const child = { ...env };
  for (const key of PARENT_MODE_VARIABLES) delete child[key];
  const bin = path.join(projectRoot, 'node_modules', '.bin');
  return {
    ...child,
    PATH: `${bin}${path.delimiter}${env.PATH ?? ''}`,
    DOCS_CONTENT_DIR: options.contentDir,
    ASTRO_CACHE_DIR: options.cacheDir,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}
