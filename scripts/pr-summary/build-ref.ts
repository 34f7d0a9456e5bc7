import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { astroBuildEnv } from '../../src/core/env.ts';

const execFileAsync = promisify(execFile);

/** A ref that is not a commit here: the user's to fix. */
export class RefError extends Error {}
/** A build that did not finish: its own output (on stderr) says why. */
export class BuildFailedError extends Error {}

async function git(args: string[], cwd: string): Promise<string> {
  return (await execFileAsync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 })).stdout;
}

/**
 * Runs a command with its output on our stderr, so stdout carries only the summary; or, given a
 * log file, appended there (tests keep a whole Astro build log out of their own output).
 */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, logFile?: string): Promise<number> {
  const out = logFile ? openSync(logFile, 'a') : process.stderr;
  return new Promise<number>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  }).finally(() => typeof out === 'number' && closeSync(out));
}

/** Where a failed command's output is: above on stderr, or the log file's text. */
function outputOf(logFile: string | undefined): string {
  return logFile ? `its output (${logFile}):\n${readFileSync(logFile, 'utf8')}` : 'its output is above.';
}

/** The full commit id of a ref, or a RefError that says how to make it available. */
export async function resolveCommit(ref: string, root: string): Promise<string> {
  try {
    return (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root)).trim();
  } catch {
    throw new RefError(
      `--base: "${ref}" is not a commit, branch or tag in this repository (in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0).`,
    );
  }
}

export async function shortCommit(commit: string, root: string): Promise<string> {
  return (await git(['rev-parse', '--short', commit], root)).trim();
}

/** True when the commit's package-lock.json is byte for byte the one installed here. */
async function sameLockFile(commit: string, root: string): Promise<boolean> {
  const lockFile = path.join(root, 'package-lock.json');
  if (!existsSync(lockFile)) return false;
  try {
    return (await git(['show', `${commit}:package-lock.json`], root)) === readFileSync(lockFile, 'utf8');
  } catch {
    return false;
  }
}

async function removeWorktree(dir: string, root: string): Promise<void> {
  try {
    await git(['worktree', 'remove', '--force', dir], root);
  } catch {
    // Not registered (a run killed half-way): the folder alone is left to delete.
  }
  rmSync(dir, { recursive: true, force: true });
  await git(['worktree', 'prune'], root).catch(() => undefined);
}

export interface BuildCommitOptions {
  /** The checkout whose git repository holds the commit. */
  root: string;
  commit: string;
  /** Where the worktree is made and the build is kept (git-ignored, e.g. .cache/pr-summary). */
  workDir: string;
  log: (line: string) => void;
  /** Write the install and build output to this file instead of stderr; a failure then quotes it. */
  buildLog?: string;
}

/**
 * Builds a commit's site the way `npm run build` builds it there, in a temporary git worktree, and
 * returns the folder of that build (kept under workDir; the worktree is removed). The installed
 * node_modules are reused when the commit's lock file is the same; otherwise `npm ci` installs its own.
 */
export async function buildCommit({ root, commit, workDir, log, buildLog }: BuildCommitOptions): Promise<string> {
  mkdirSync(workDir, { recursive: true });
  const worktree = path.join(workDir, `worktree-${commit.slice(0, 12)}`);
  const output = path.join(workDir, `base-${commit.slice(0, 12)}`);
  await removeWorktree(worktree, root);
  await git(['worktree', 'add', '--detach', worktree, commit], root);
  try {
    if (await sameLockFile(commit, root)) {
      symlinkSync(path.join(root, 'node_modules'), path.join(worktree, 'node_modules'), 'dir');
    } else {
      log(`package-lock.json differs at ${commit.slice(0, 12)}: installing its packages (npm ci) in ${path.relative(root, worktree)}`);
      const status = await run('npm', ['ci', '--no-audit', '--no-fund'], worktree, process.env, buildLog);
      if (status !== 0) throw new BuildFailedError(`npm ci failed (exit ${status}) in the worktree of ${commit.slice(0, 12)}; ${outputOf(buildLog)}`);
    }
    log(`Building ${commit.slice(0, 12)} in ${path.relative(root, worktree)}`);
    const env = astroBuildEnv({ contentDir: path.join(worktree, 'content'), cacheDir: path.join(worktree, '.astro-cache') });
    const status = await run('npm', ['run', 'build'], worktree, env, buildLog);
    if (status !== 0) throw new BuildFailedError(`npm run build failed (exit ${status}) for ${commit.slice(0, 12)}; ${outputOf(buildLog)}`);
    rmSync(output, { recursive: true, force: true });
    renameSync(path.join(worktree, 'dist'), output);
    return output;
  } finally {
    await removeWorktree(worktree, root);
  }
}

/** Builds the current checkout into dist/, as `npm run build` does. */
export async function buildCheckout(root: string, log: (line: string) => void): Promise<string> {
  log('Building this checkout into dist/');
  const status = await run('npm', ['run', 'build'], root);
  if (status !== 0) throw new BuildFailedError(`npm run build failed (exit ${status}) for this checkout; its output is above.`);
  return path.join(root, 'dist');
}
