import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the sandbox keeps what is slow to make: the Debian unstable trees and the engine's data
 * (its images, so stand-ins survive from one run to the next). First match wins: the option, the
 * LESSONS_CACHE_DIR environment variable, $XDG_CACHE_HOME/docker-learning/lessons,
 * ~/.cache/docker-learning/lessons.
 */
export function resolveCacheDir(option?: string, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (option) return path.resolve(option);
  if (env.LESSONS_CACHE_DIR) return path.resolve(env.LESSONS_CACHE_DIR);
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(home, '.cache');
  return path.join(base, 'docker-learning', 'lessons');
}

/** A short, stable hash of everything a build depends on: same recipe, same hash, nothing rebuilt. */
export function recipeHash(...parts: Array<string | Buffer | object>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(typeof part === 'string' || Buffer.isBuffer(part) ? part : JSON.stringify(part));
    // A separator, so ["ab", "c"] and ["a", "bc"] differ.
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Makes `finalDir` with `build` unless it is there already. The build writes into a temporary
 * sibling that is renamed into place only when it succeeded, so an interrupted build never leaves
 * a half-made tree that a later run would take for finished.
 */
export async function buildOnce(finalDir: string, build: (tempDir: string) => Promise<void>): Promise<boolean> {
  if (existsSync(finalDir)) return false;
  mkdirSync(path.dirname(finalDir), { recursive: true });
  const tempDir = `${finalDir}.building-${process.pid}`;
  rmSync(tempDir, { recursive: true, force: true });
  try {
    await build(tempDir);
    renameSync(tempDir, finalDir);
  } catch (error) {
    rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
  return true;
}

/**
 * Removes the trees of earlier recipes (`prefix-<other hash>`) and builds left half-made by an
 * interrupted run, keeping `keep`. They are hundreds of megabytes each.
 */
export function removeOutdated(cacheDir: string, prefix: string, keep: string): void {
  if (!existsSync(cacheDir)) return;
  for (const entry of readdirSync(cacheDir)) {
    if (!entry.startsWith(`${prefix}-`) || entry === path.basename(keep)) continue;
    const building = /\.building-(\d+)$/.exec(entry);
    if (building && isAlive(Number(building[1]))) continue;
    rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
