import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { joinBase, sitePathOfHtmlFile } from './urls.ts';

/**
 * "Save for offline" stores exactly the files this manifest lists: it is written from the built
 * folder itself (after Pagefind and again after `npm run pdf`, which adds the PDFs and edits pages),
 * so no list is kept by hand. The service worker downloads a build as a whole, checks every file
 * against its hash, and swaps to it only when all are stored.
 */

/** At the site root (under the base path), next to the worker, which finds it by its own scope. */
export const OFFLINE_MANIFEST_FILE = 'offline-manifest.json';
export const OFFLINE_WORKER_FILE = 'offline-sw.js';

export interface OfflineFile {
  /** The URL a reader's browser asks for, base path included: pages as their directory URL. */
  url: string;
  /** First 16 hex digits of the SHA-256 of the bytes served. */
  hash: string;
  bytes: number;
}

export interface OfflineManifest {
  /** Changes when any file does, and only then: the name of the cache this build is stored in. */
  version: string;
  /** Sum of `bytes`: what saving stores (before the browser's own overhead). */
  bytes: number;
  files: OfflineFile[];
}

/** Files never stored: the manifest and the worker are always fetched fresh to find updates. */
const NOT_STORED = new Set([OFFLINE_MANIFEST_FILE, OFFLINE_WORKER_FILE]);

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** The manifest of a built site folder (dist/), with URLs under `base`. */
export async function offlineManifest(distDir: string, base: string): Promise<OfflineManifest> {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  const files: OfflineFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (NOT_STORED.has(relative) || relative.startsWith('.')) continue;
    const content = await readFile(path.join(distDir, relative));
    // A page is asked for by its directory URL (/guide/page/), as every link writes it.
    const sitePath = relative.endsWith('.html') ? sitePathOfHtmlFile(relative) : `/${relative}`;
    files.push({ url: joinBase(base, sitePath), hash: sha256(content), bytes: content.length });
  }
  files.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const version = sha256(files.map((file) => `${file.url} ${file.hash}`).join('\n'));
  return { version, bytes: files.reduce((sum, file) => sum + file.bytes, 0), files };
}

/** Writes dist/offline-manifest.json for the folder as it is now; returns what it wrote. */
export async function writeOfflineManifest(distDir: string, base: string): Promise<OfflineManifest> {
  const manifest = await offlineManifest(distDir, base);
  await writeFile(path.join(distDir, OFFLINE_MANIFEST_FILE), JSON.stringify(manifest));
  return manifest;
}
