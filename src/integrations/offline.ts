import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { OFFLINE_WORKER_FILE, writeOfflineManifest } from '../core/offline-manifest.ts';

/** Plain JavaScript, copied as it is: a service worker is one classic script at the site root. */
const WORKER_SOURCE = fileURLToPath(new URL('../client/offline/service-worker.js', import.meta.url));

/**
 * "Save for offline": puts the service worker at the root of the built site (under the base path,
 * so its scope is the whole course) and lists every built file in the offline manifest. Listed
 * after Pagefind among the integrations, so its build:done hook runs once the search index exists;
 * `npm run pdf` writes the manifest again after it adds the PDFs.
 */
export default function offlineIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'learning-site:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        await copyFile(WORKER_SOURCE, path.join(outDir, OFFLINE_WORKER_FILE));
        const manifest = await writeOfflineManifest(outDir, base);
        logger.info(
          `Offline manifest: ${manifest.files.length} files, ${(manifest.bytes / 1024).toFixed(0)} KB to store when a reader saves the course`,
        );
      },
    },
  };
}
