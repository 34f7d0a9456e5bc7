/**
 * `npm run offline:size`: what "Save for offline" stores in a reader's browser, from the offline
 * manifest of a built site (the list the service worker downloads), by kind of file.
 *
 *   npm run offline:size                        dist/ as built (run `npm run pdf` first to count the PDFs)
 *   npm run offline:size -- --dist DIR          another built folder
 *   npm run offline:size -- --corpus 1000       builds a generated corpus of that many pages first
 *                                               (scripts/generate-corpus.ts) in a temporary folder
 *
 * Figures are the bytes of the files as stored (the Cache API keeps decoded bodies; the browser
 * adds its own overhead per entry). Prints only; never fails on a size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { astroBuildEnv, BUILD_NODE_FLAGS, projectRoot } from '../src/core/env.ts';
import { offlineManifest, type OfflineFile } from '../src/core/offline-manifest.ts';
import { generateCorpus } from './generate-corpus.ts';

const KINDS: [string, (file: OfflineFile) => boolean][] = [
  ['pages (HTML)', (file) => file.url.endsWith('/') || file.url.endsWith('.html')],
  ['search index (Pagefind)', (file) => file.url.includes('/pagefind/')],
  ['PDFs', (file) => file.url.endsWith('.pdf')],
  ['scripts and styles', (file) => /\/_astro\/.+\.(js|css)$/.test(file.url)],
  ['images and the rest', () => true],
];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function report(distDir: string, label: string): Promise<void> {
  // The manifest as the service worker would get it; computed afresh so a stale file cannot mislead.
  const manifest = await offlineManifest(distDir, '/');
  const totals = new Map<string, { files: number; bytes: number }>();
  for (const file of manifest.files) {
    const [kind] = KINDS.find(([, matches]) => matches(file))!;
    const total = totals.get(kind) ?? { files: 0, bytes: 0 };
    total.files += 1;
    total.bytes += file.bytes;
    totals.set(kind, total);
  }
  const pages = totals.get(KINDS[0]![0])?.files ?? 0;
  console.log(`Saved for offline, ${label}: ${manifest.files.length} files, ${mb(manifest.bytes)} (${manifest.bytes} bytes), ${pages} pages`);
  for (const [kind] of KINDS) {
    const total = totals.get(kind);
    if (total) console.log(`  ${kind.padEnd(24)} ${String(total.files).padStart(6)} files  ${mb(total.bytes).padStart(10)}`);
  }
}

function buildCorpus(pages: number): { distDir: string; cleanUp: () => void } {
  const work = mkdtempSync(path.join(os.tmpdir(), 'offline-size-'));
  const contentDir = path.join(work, 'content');
  generateCorpus({ pages, outDir: contentDir });
  const distDir = path.join(work, 'dist');
  const astro = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  console.log(`Building a generated corpus of ${pages} pages in ${work} …`);
  const env = astroBuildEnv({ contentDir, cacheDir: path.join(work, 'astro-cache') });
  const run = spawnSync(process.execPath, [...BUILD_NODE_FLAGS, astro, 'build', '--outDir', distDir], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`The corpus build failed (exit ${run.status}):\n${`${run.stdout}${run.stderr}`.slice(-4000)}`);
  }
  return { distDir, cleanUp: () => rmSync(work, { recursive: true, force: true }) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, corpus: { type: 'string' } } });
  if (values.corpus !== undefined) {
    const pages = Number(values.corpus);
    if (!Number.isInteger(pages) || pages < 2) throw new Error(`--corpus takes a number of pages (at least 2), not "${values.corpus}".`);
    const { distDir, cleanUp } = buildCorpus(pages);
    try {
      await report(distDir, `a generated corpus of ${pages} pages (no PDFs)`);
    } finally {
      cleanUp();
    }
    return;
  }
  const distDir = path.resolve(values.dist ?? path.join(projectRoot, 'dist'));
  await report(distDir, path.relative(process.cwd(), distDir) || distDir);
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
