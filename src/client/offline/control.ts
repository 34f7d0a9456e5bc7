// "Save for offline": the only part every page loads; it must stay tiny (0.5 KB gzip at most, and
// the pages' 2 KB JavaScript budget holds with it). The control is shown by CSS alone; this only
// loads the rest (./save.ts) when the reader clicks, or when a saved copy already serves this page
// (to show since when). Until then no service worker is registered and nothing is downloaded.
// As with search (../search/trigger.ts), the rest is a bundle of its own loaded by URL: a plain
// import('./save.ts') would add Vite's preload helper here, more than this whole budget.
import saveUrl from './save.ts?worker&url';

const load = () => import(/* @vite-ignore */ saveUrl);
for (const button of document.querySelectorAll<HTMLElement>('[data-offline-save]')) button.onclick = load;
if (navigator.serviceWorker?.controller) void load();
