import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OFFLINE_MANIFEST_FILE, OFFLINE_WORKER_FILE, offlineManifest, writeOfflineManifest } from '../../src/core/offline-manifest.ts';

let dist: string;
const put = (file: string, content: string) => {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  writeFileSync(path.join(dist, file), content);
};

beforeEach(() => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'offline-manifest-'));
  put('index.html', '<h1>Home</h1>');
  put('guide/first/index.html', '<h1>First</h1>');
  put('404.html', '<h1>Not found</h1>');
  put('_astro/site.Ab12.css', 'body{}');
  put('pagefind/fragment/en_1.pf_fragment', 'fragment');
  put('docker-learning.pdf', '%PDF-1.7');
  put(OFFLINE_WORKER_FILE, 'self.addEventListener("fetch", () => {});');
  put(OFFLINE_MANIFEST_FILE, '{"stale":true}');
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('the offline manifest of a built site', () => {
  it('lists every built file by the URL a reader asks for, base path included, pages as folders', async () => {
    const manifest = await offlineManifest(dist, '/docker-learning');
    expect(manifest.files.map((file) => file.url)).toEqual([
      '/docker-learning/',
      '/docker-learning/404.html',
      '/docker-learning/_astro/site.Ab12.css',
      '/docker-learning/docker-learning.pdf',
      '/docker-learning/guide/first/',
      '/docker-learning/pagefind/fragment/en_1.pf_fragment',
    ]);
    // Not the worker nor the manifest: the worker fetches those fresh to find updates.
    const first = manifest.files.find((file) => file.url === '/docker-learning/guide/first/')!;
    expect(first).toEqual({
      url: '/docker-learning/guide/first/',
      bytes: 14,
      hash: createHash('sha256').update('<h1>First</h1>').digest('hex').slice(0, 16),
    });
    expect(manifest.bytes).toBe(manifest.files.reduce((sum, file) => sum + file.bytes, 0));
  });

  it('gets a new version when any file changes, and keeps it when nothing did', async () => {
    const before = await offlineManifest(dist, '/');
    expect((await offlineManifest(dist, '/')).version).toBe(before.version);
    put('guide/first/index.html', '<h1>First, revised</h1>');
    const after = await offlineManifest(dist, '/');
    expect(after.version).not.toBe(before.version);
    expect(after.files.filter((file, i) => file.hash !== before.files[i]!.hash).map((file) => file.url)).toEqual(['/guide/first/']);
  });

  it('writes itself into the site folder, replacing the one an earlier step wrote', async () => {
    const written = await writeOfflineManifest(dist, '/');
    expect(JSON.parse(readFileSync(path.join(dist, OFFLINE_MANIFEST_FILE), 'utf8'))).toEqual(written);
  });
});
