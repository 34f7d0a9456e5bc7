import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_STORE_FILE } from './astro-internals.ts';

/**
 * Astro reuses a page's rendered HTML while the page's text is unchanged. When the generator itself
 * changed (a plugin, the processor, a policy after `git pull`, or the settings), that HTML is stale:
 * a maintainer previewed pages built by the old code, with no sign of it. So the build notes a
 * digest of the generator beside the content store and drops the store when the digest differs.
 */
const DIGEST_FILE = 'learning-site-generator.sha256';

/** sha256 of every file under `folders` (sorted, path and bytes) and of `extra` (the settings, the lock file). */
export function generatorDigest(folders: string[], extra: string[] = []): string {
  const hash = createHash('sha256');
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    const files = (readdirSync(folder, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files)
      hash
        .update(`${path.relative(folder, file)}\0`)
        .update(readFileSync(file))
        .update('\0');
  }
  for (const text of extra) hash.update(text).update('\0');
  return hash.digest('hex');
}

/** Drops the content store when it was rendered by another generator; says whether it did. */
export function dropStaleContentStore(cacheDir: string, digest: string): boolean {
  const digestFile = path.join(cacheDir, DIGEST_FILE);
  const store = path.join(cacheDir, CONTENT_STORE_FILE);
  const previous = existsSync(digestFile) ? readFileSync(digestFile, 'utf8').trim() : undefined;
  // A store without a digest was written before this check existed: its generator is unknown.
  const stale = previous !== digest && existsSync(store);
  if (stale) rmSync(store, { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(digestFile, `${digest}\n`);
  return stale;
}
