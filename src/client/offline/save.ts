// "Save for offline", the part loaded on demand (./control.ts loads it): registers the service
// worker (./service-worker.js), asks it to store the course, shows progress and the outcome, and
// removes everything again on request. A first save that fails leaves nothing behind: no worker,
// no cache. The worker does the storing, so that later visits can update the copy on their own.

/** What the worker records once a build is completely stored (see service-worker.js). */
interface OfflineState {
  version: string;
  updated: string;
  bytes: number;
  files: number;
}

/** Why the worker's latest update failed (the build saved before is still served). */
interface UpdateProblem {
  message: string;
}

type WorkerReply = { type: 'progress'; done: number; total: number } | { type: 'saved'; state: OfflineState } | { type: 'failed'; message: string };

function setUp(boxes: NodeListOf<HTMLElement>, saveNow: boolean): void {
  const { worker: workerUrl, scope } = boxes[0]!.dataset as { worker: string; scope: string };
  const scopeUrl = new URL(scope, location.href);
  // The same names as the worker's (service-worker.js): the scope keeps two courses on one origin apart.
  const prefix = `offline:${scopeUrl.pathname}:`;
  const stateKey = new URL('offline-state', scopeUrl).href;
  const problemKey = new URL('offline-problem', scopeUrl).href;
  const parts = [...boxes].map((box) => ({
    save: box.querySelector<HTMLButtonElement>('[data-offline-save]')!,
    state: box.querySelector<HTMLElement>('[data-offline-state]')!,
    remove: box.querySelector<HTMLButtonElement>('[data-offline-remove]')!,
  }));

  const show = (text: string, saved: boolean, busy = false) => {
    for (const part of parts) {
      part.state.textContent = text;
      part.save.hidden = saved;
      part.save.disabled = busy;
      part.remove.hidden = !saved;
    }
  };
  const showSaved = (state: OfflineState, problem?: UpdateProblem) => {
    const date = new Date(state.updated).toLocaleDateString(document.documentElement.lang || undefined, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    const failed = problem ? ` (the latest update could not be saved: ${problem.message})` : '';
    show(`Saved for offline · updated ${date}${failed} · `, true);
    for (const part of parts) part.state.title = `${state.files} files, ${(state.bytes / 1024 / 1024).toFixed(1)} MB, build ${state.version}`;
  };
  const read = async <T>(key: string): Promise<T | undefined> => (await caches.match(key, { cacheName: `${prefix}state` }))?.json();
  const readState = () => read<OfflineState>(stateKey);
  const deleteCaches = async () => {
    for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
  };

  const save = async () => {
    show('Saving for offline…', false, true);
    let registration: ServiceWorkerRegistration | undefined;
    try {
      registration = await navigator.serviceWorker.register(workerUrl, { scope }).catch((error: Error) => {
        // The build puts the worker there (src/integrations/offline.ts); the dev server has none.
        throw new Error(
          `the offline service worker (${workerUrl}) could not be loaded (${error.message}). Saving works on the built site (npm run build), not on the development server.`,
        );
      });
      const worker = await activeWorker(registration);
      // Asks the browser not to evict the copy under storage pressure; it may say no, the copy still works.
      void navigator.storage?.persist?.().catch(() => false);
      showSaved(await askToSave(worker, (done, total) => show(`Saving for offline: ${done} of ${total} files…`, false, true)));
    } catch (error) {
      const saved = await readState().catch(() => undefined);
      if (!saved) {
        // Nothing half-saved: without a complete copy, the worker and any partial cache go too.
        await registration?.unregister().catch(() => false);
        await deleteCaches().catch(() => {});
      }
      show(`Could not save for offline: ${(error as Error).message}${saved ? ' The copy saved earlier is kept.' : ' Nothing was saved.'}`, false);
    }
  };
  const remove = async () => {
    const registration = await navigator.serviceWorker.getRegistration(scope);
    await registration?.unregister();
    await deleteCaches();
    show('Removed: this browser no longer keeps a copy of the course.', false);
  };

  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    // Service workers need a secure (https) page, and some browsers or private windows have none.
    show('This browser cannot keep the course for offline reading here: that needs service workers on an https page.', false);
    for (const part of parts) part.save.disabled = true;
    return;
  }
  for (const part of parts) {
    part.save.onclick = save;
    part.remove.onclick = remove;
  }
  // The worker took a newer build, or could not, in the background (a changed site, on a later visit).
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string; state?: OfflineState; problem?: UpdateProblem }>) => {
    if (event.data?.type === 'offline-updated' && event.data.state) showSaved(event.data.state);
    if (event.data?.type === 'offline-update-failed') void readState().then((state) => state && showSaved(state, event.data.problem));
  });
  if (saveNow) void save();
  else void Promise.all([readState(), read<UpdateProblem>(problemKey)]).then(([state, problem]) => state && showSaved(state, problem));
}

/** The registration's worker once it is running (a first registration installs and activates it). */
function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  const pending = registration.installing ?? registration.waiting;
  if (!pending) return Promise.resolve(registration.active!);
  return new Promise((resolve, reject) => {
    pending.addEventListener('statechange', () => {
      if (pending.state === 'activated') resolve(pending);
      else if (pending.state === 'redundant') reject(new Error('the offline service worker failed to start.'));
    });
  });
}

/** Asks the worker to store the course; resolves with what it stored, or rejects with its words. */
function askToSave(worker: ServiceWorker, onProgress: (done: number, total: number) => void): Promise<OfflineState> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
      if (data.type === 'progress') onProgress(data.done, data.total);
      else if (data.type === 'saved') resolve(data.state);
      else reject(new Error(data.message));
    };
    worker.postMessage({ type: 'save' }, [channel.port2]);
  });
}

// Loaded by URL as a bundle of its own (./control.ts), so it starts itself. A page a saved copy
// serves loads it at once, to show the state; any other page loads it only when the reader clicks
// Save, so then it saves.
const boxes = document.querySelectorAll<HTMLElement>('[data-offline]');
if (boxes.length > 0) setUp(boxes, !navigator.serviceWorker?.controller);
