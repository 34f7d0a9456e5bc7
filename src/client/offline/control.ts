// "Save for offline": the only part every page loads (budget: 0.5 KB gzip). It shows the control and
// loads the rest (./save.ts) when the reader clicks, or when this browser has saved the course
// already (to show since when). Until then no service worker is registered and nothing downloaded.
// As with search (../search/trigger.ts), the rest is a bundle of its own loaded by URL: a plain
// import('./save.ts') would add Vite's preload helper here, more than this whole budget.
import saveUrl from './save.ts?worker&url';

const boxes = document.querySelectorAll<HTMLElement>('[data-offline]');
if (boxes.length > 0 && 'serviceWorker' in navigator && 'caches' in window) {
  // data-offline="save" tells the loaded code that the reader asked to save, not just to see the state.
  const load = (save: boolean) => {
    if (save) boxes[0]!.dataset.offline = 'save';
    return import(/* @vite-ignore */ saveUrl);
  };
  for (const box of boxes) {
    box.dataset.ready = '';
    box.querySelector<HTMLButtonElement>('[data-offline-save]')!.onclick = () => load(true);
  }
  void navigator.serviceWorker.getRegistration(boxes[0]!.dataset.scope).then((registration) => registration && load(false));
}
