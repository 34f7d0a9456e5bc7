import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroBuildEnv, projectRoot } from '../../src/core/env.ts';

export { projectRoot };
/** Set by tests/global-setup.ts for each run; a lone file run outside it gets a folder of its own. */
export const tmpRoot = process.env.TEST_RUN_DIR ?? path.join(projectRoot, 'tests', '.tmp', `run-${process.pid}`);

export interface BuildOptions {
  /** Content root (a folder with docs/ and optionally links.yaml). */
  contentDir: string;
  /** Output folder name under tests/.tmp/. */
  name: string;
  base?: string;
  /** Reuse a finished build with the same name (global setup builds shared sites once). */
  reuse?: boolean;
  env?: Record<string, string>;
}

export interface BuildResult {
  outDir: string;
  status: number;
  /** The build's whole log (also in logFile): tests quote it when a build fails, never print it otherwise. */
  output: string;
  logFile: string;
}

/** Where a build's log is kept for the run, next to its output folder. */
const logFileOf = (name: string) => path.join(tmpRoot, `${name}.log`);

/** Builds the site for a content folder in a child process, as `npm run build` would. */
export function buildSite(options: BuildOptions): BuildResult {
  // The unit tier is the quick inner loop: a file that builds belongs to the build or browser tier.
  if (process.env.TEST_TIER === 'unit') {
    throw new Error(
      `buildSite("${options.name}") ran in the unit tier: name the test file *.build.test.ts (or *.browser.test.ts when it also drives a browser); see vitest.config.ts`,
    );
  }
  if (!options.reuse) return runBuild(options);
  // Test files run in parallel workers: the first to ask builds, the others wait for its marker.
  const lock = path.join(tmpRoot, `${options.name}.lock`);
  const marker = path.join(tmpRoot, `${options.name}.built`);
  // A shared build that failed fails every file that asks for it, without building it again.
  const failed = path.join(tmpRoot, `${options.name}.failed`);
  mkdirSync(tmpRoot, { recursive: true });
  for (;;) {
    if (existsSync(marker))
      return { outDir: path.join(tmpRoot, options.name), status: 0, output: readFileSync(marker, 'utf8'), logFile: logFileOf(options.name) };
    if (existsSync(failed)) throw new Error(`Building ${options.name} failed (earlier in this run):\n${readFileSync(failed, 'utf8')}`);
    try {
      mkdirSync(lock);
    } catch {
      sleep(200);
      continue;
    }
    try {
      // Another file may have finished (or failed) between the checks above and taking the lock.
      if (existsSync(marker) || existsSync(failed)) continue;
      const result = runBuild(options);
      if (result.status !== 0) {
        writeFileSync(failed, result.output);
        throw new Error(`Building ${options.name} failed:\n${result.output}`);
      }
      return result;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` while holding the machine-wide Astro lock. Every Astro process writes the project's
 * .astro/ folder (content module maps, types) whatever its outDir or cacheDir, so two builds of
 * different content at once can render one site with the other's modules. A lock left by a process
 * that died is taken over.
 */
export function withAstroLock<T>(fn: () => T): T {
  const lock = path.join(projectRoot, 'tests', '.tmp', 'astro.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // Being created or removed right now.
      }
      if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else sleep(250);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function runBuild(options: BuildOptions): BuildResult {
  return withAstroLock(() => runBuildUnlocked(options));
}

/** One line per Astro build of this run, read by the global teardown to catch a site built twice. */
export const buildLogFile = (runDir: string) => path.join(runDir, 'builds.jsonl');

export interface BuildLogEntry {
  name: string;
  /** What makes two builds the same site: content, base path and extra environment. */
  key: string;
  testFile?: string;
}

function runBuildUnlocked({ contentDir, name, base, env = {} }: BuildOptions): BuildResult {
  const outDir = path.join(tmpRoot, name);
  const marker = path.join(tmpRoot, `${name}.built`);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(marker, { force: true });
  mkdirSync(tmpRoot, { recursive: true });
  const key = JSON.stringify([path.resolve(projectRoot, contentDir), base ?? '', Object.entries(env).sort()]);
  // The test file that asked, from the call stack, so a duplicate names where to look.
  const testFile = /[^\s(]+\.test\.ts/.exec(new Error().stack ?? '')?.[0];
  const entry: BuildLogEntry = { name, key, testFile: testFile && path.relative(projectRoot, testFile.replace(/^file:\/\//, '')) };
  appendFileSync(buildLogFile(tmpRoot), `${JSON.stringify(entry)}\n`);
  const result = spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...astroBuildEnv({ contentDir: path.resolve(projectRoot, contentDir), cacheDir: path.join(tmpRoot, `${name}.cache`) }, withoutVitest()),
      SITE_BASE: base ?? '',
      // A developer's own link-check cache must not leak into fixture pages; tests pass one explicitly.
      LINK_CHECK_CACHE: path.join(tmpRoot, 'no-link-cache.json'),
      // Nor a developer's lessons report; a test that wants the settings' own sets LESSONS_REPORT to ''.
      LESSONS_REPORT: path.join(tmpRoot, 'no-lessons-report.json'),
      ...env,
    },
    timeout: 300_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const status = result.status ?? 1;
  writeFileSync(logFileOf(name), output);
  if (status === 0) writeFileSync(marker, output);
  return { outDir, status, output, logFile: logFileOf(name) };
}

export function readPage(outDir: string, sitePath: string): string {
  const file = sitePath.endsWith('.html') ? sitePath : path.join(sitePath, 'index.html');
  return readFileSync(path.join(outDir, file), 'utf8');
}

/** Vitest's own variables (TEST, VITEST_*) mean nothing to a child build; astroBuildEnv drops Vite's mode ones. */
function withoutVitest(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.TEST;
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}
