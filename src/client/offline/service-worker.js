/*
 * "Save for offline": the service worker, registered only when a reader asks (src/client/offline/).
 * The build copies this file as it is to the site root (src/integrations/offline.ts), next to
 * offline-manifest.json, which lists every built file with its hash.
 *
 * - Each build is stored in a cache of its own, named by the manifest's version. A new one is
 *   filled completely (files that did not change are copied from the old cache, every download is
 *   checked against its hash) before one write to the state cache switches readers to it: a page
 *   never gets a mix of two builds. A failed fill is deleted, the stored build stays.
 * - Requests are answered from the stored build, online or not, so a page and its assets always
 *   match; each navigation checks the manifest in the background and takes a new build when the
 *   site has changed. A page keeps the build it was opened with until it is reloaded.
 *
 * Plain JavaScript, not TypeScript: a service worker is a single classic script served as is.
 */
'use strict';

const scope = new URL(self.registration.scope);
const MANIFEST_URL = new URL('offline-manifest.json', scope).href;
const NOT_FOUND_URL = new URL('404.html', scope).href;
// Cache names carry the scope: two courses on one origin (GitHub Pages project sites) stay apart.
const PREFIX = `offline:${scope.pathname}:`;
const STATE_CACHE = `${PREFIX}state`;
const STATE_KEY = new URL('offline-state', scope).href;
/** Why the last update could not complete (the stored build stays): shown next to the saved line. */
const PROBLEM_KEY = new URL('offline-problem', scope).href;
const versionCache = (version) => `${PREFIX}v:${version}`;
/** Downloads at a time: enough to fill the connection, few enough not to starve the page. */
const PARALLEL = 6;

/** A failure the reader can act on, told in words (the page shows `message` as it is). */
class OfflineError extends Error {}

self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim().then(readState).then(dropUnusedVersions)));

self.addEventListener('message', (event) => {
  const port = event.ports[0];
  if (event.data?.type !== 'save' || !port) return;
  const progress = (done, total) => port.postMessage({ type: 'progress', done, total });
  event.waitUntil(
    update(progress).then(
      (state) => port.postMessage({ type: 'saved', state }),
      async (error) => port.postMessage({ type: 'failed', message: await describe(error) }),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (url.origin + url.pathname === MANIFEST_URL) return; // always the network: it is how updates are found
  event.respondWith(respond(event, url));
});

/** The stored state ({ version, previous, updated, bytes, files }), or undefined before a save completed. */
let stateLoaded;
function readState() {
  stateLoaded ??= caches
    .match(STATE_KEY, { cacheName: STATE_CACHE })
    .then((response) => (response ? response.json() : undefined))
    .catch(() => undefined);
  return stateLoaded;
}

/** Which build each open page was loaded from (lost when the worker sleeps; then the current one). */
const clientVersions = new Map();

async function respond(event, url) {
  const state = await readState();
  if (!state) return fetch(event.request);
  const navigate = event.request.mode === 'navigate';
  let version = state.version;
  if (navigate) {
    if (event.resultingClientId) clientVersions.set(event.resultingClientId, version);
    event.waitUntil(update().catch(reportUpdateProblem)); // the stored build stays either way
  } else {
    version = clientVersions.get(event.clientId) ?? version;
  }
  const key = url.origin + url.pathname; // query strings (Pagefind's ?ts=, search terms) do not pick files
  const stored = (await lookUp(key, version, navigate)) ?? (version !== state.version ? await lookUp(key, state.version, navigate) : undefined);
  if (stored) return stored;
  try {
    return await fetch(event.request);
  } catch (error) {
    const notFound = navigate && (await caches.match(NOT_FOUND_URL, { cacheName: versionCache(state.version) }));
    if (!notFound) throw error;
    return new Response(notFound.body, { status: 404, headers: notFound.headers });
  }
}

async function lookUp(key, version, navigate) {
  const options = { cacheName: versionCache(version) };
  return (await caches.match(key, options)) ?? (navigate && !key.endsWith('/') ? await caches.match(`${key}/`, options) : undefined);
}

/** An update that failed for a reason other than being offline is recorded and told to open pages. */
async function reportUpdateProblem(error) {
  if (error instanceof TypeError) return; // no network: nothing to update from, nothing to say
  const problem = { message: await describe(error), at: new Date().toISOString() };
  await caches
    .open(STATE_CACHE)
    .then((cache) => cache.put(PROBLEM_KEY, new Response(JSON.stringify(problem), { headers: { 'content-type': 'application/json' } })))
    .catch(() => {});
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage({ type: 'offline-update-failed', problem });
}

/** One check or download at a time; a second caller shares the running one. */
let running;
function update(onProgress = () => {}) {
  running ??= refresh(onProgress).finally(() => {
    running = undefined;
  });
  return running;
}

async function refresh(onProgress) {
  const response = await fetch(MANIFEST_URL, { cache: 'no-cache' });
  if (!response.ok) {
    throw new OfflineError(
      response.status === 404
        ? 'this site has no offline manifest (offline-manifest.json). Saving works on a built site (npm run build), not on the development server.'
        : `the list of files to save (offline-manifest.json) answered HTTP ${response.status}.`,
    );
  }
  const manifest = await response.json();
  const current = await readState();
  if (current?.version === manifest.version) return current;
  const name = versionCache(manifest.version);
  await fill(name, manifest, current, onProgress);
  const state = { version: manifest.version, previous: current?.version, updated: new Date().toISOString(), bytes: manifest.bytes, files: manifest.files.length };
  try {
    // The switch: one write. Until it lands, every reader is served the complete old build.
    const stateCache = await caches.open(STATE_CACHE);
    await stateCache.put(STATE_KEY, new Response(JSON.stringify(state), { headers: { 'content-type': 'application/json' } }));
  } catch (error) {
    await caches.delete(name);
    throw error;
  }
  stateLoaded = Promise.resolve(state);
  await caches.open(STATE_CACHE).then((cache) => cache.delete(PROBLEM_KEY));
  await dropUnusedVersions(state);
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage({ type: 'offline-updated', state });
  return state;
}

/** Stores every file of `manifest` in cache `name`, or deletes that cache and throws. */
async function fill(name, manifest, current, onProgress) {
  await caches.delete(name); // what an interrupted attempt at this build left behind
  const cache = await caches.open(name);
  const kept = current ? await storedFiles(current.version) : new Map();
  const queue = [...manifest.files];
  let done = 0;
  let failure;
  const work = async () => {
    for (let file = queue.shift(); file && !failure; file = queue.shift()) {
      try {
        await storeFile(cache, file, kept.get(file.url) === file.hash ? versionCache(current.version) : undefined);
        onProgress(++done, manifest.files.length);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, work));
  if (!failure) {
    // Kept with the build, so the next update knows which files it can copy instead of download.
    await cache.put(MANIFEST_URL, new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } })).catch((error) => {
      failure = error;
    });
  }
  if (failure) {
    await caches.delete(name);
    throw failure;
  }
}

/** url → hash of the files stored for `version`, from the manifest kept with it. */
async function storedFiles(version) {
  const response = await caches.match(MANIFEST_URL, { cacheName: versionCache(version) });
  const files = response ? (await response.json()).files : [];
  return new Map(files.map((file) => [file.url, file.hash]));
}

async function storeFile(cache, file, unchangedIn) {
  if (unchangedIn) {
    const stored = await caches.match(file.url, { cacheName: unchangedIn });
    if (stored) return cache.put(file.url, stored);
  }
  const response = await fetch(file.url, { cache: 'no-cache' });
  if (!response.ok) throw new OfflineError(`${file.url} answered HTTP ${response.status}; the site may be in the middle of being published. Try again in a minute.`);
  const body = await response.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  const hash = Array.from(digest.slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
  // A file of another build (the site was published meanwhile) must not join this one.
  if (hash !== file.hash) throw new OfflineError(`${file.url} changed while the course was being saved (a new version is being published). Try again in a minute.`);
  // A fresh response with the body as stored: only the type is kept (the body is already decoded).
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  await cache.put(file.url, new Response(body, { status: 200, headers: { 'content-type': type } }));
}

/** Deletes stored builds other than the current one and the one before it (pages still open may use it). */
async function dropUnusedVersions(state) {
  const keep = new Set([STATE_CACHE, state && versionCache(state.version), state?.previous && versionCache(state.previous)]);
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && !keep.has(name)) await caches.delete(name);
  }
}

/** The failure in words a reader can act on. */
async function describe(error) {
  if (error instanceof OfflineError) return error.message;
  if (error?.name === 'QuotaExceededError') {
    const { quota, usage } = await navigator.storage.estimate().catch(() => ({}));
    const manifest = await fetch(MANIFEST_URL).then((response) => response.json()).catch(() => undefined);
    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const needs = manifest ? ` The course needs ${mb(manifest.bytes)}` : '';
    const allows = quota ? `${needs ? ';' : ''} this browser lets the site keep ${mb(quota)}, of which ${mb(usage ?? 0)} is in use.` : needs && '.';
    return `there is not enough storage space.${needs}${allows} Free some space (or leave private browsing) and try again.`;
  }
  if (error instanceof TypeError) return `the network failed while saving (${error.message}). Try again when you are online.`;
  return `${error?.message ?? error}`;
}
