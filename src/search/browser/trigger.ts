// The only search code a page loads up front: it shows the button and listens for the shortcuts.
// Everything else (dialog, styles, pagefind.js, the index) arrives with the first open.
//
// The dialog is bundled on its own (Vite's `?worker&url` builds a file and hands back its URL) and
// loaded with a plain import() of that URL. A regular `import('./dialog.ts')` would make Vite add
// its preload helper to this file: about 1 KB gzipped, half the JavaScript budget of a page.
import dialogUrl from './dialog.ts?worker&url';
import { OPEN_SEARCH_EVENT, type OpenSearchDetail } from './events.ts';

const root = document.querySelector<HTMLElement>('[data-search]');
const button = root?.querySelector<HTMLButtonElement>('[data-search-open]');
let dialogLoaded: Promise<unknown> | undefined;

function loadDialog(): Promise<unknown> {
  dialogLoaded ??= import(/* @vite-ignore */ dialogUrl).catch((error: unknown) => {
    dialogLoaded = undefined; // offline for a moment: the next press tries again
    throw error;
  });
  return dialogLoaded;
}

function openSearch(detail: OpenSearchDetail) {
  loadDialog().then(
    () => document.dispatchEvent(new CustomEvent(OPEN_SEARCH_EVENT, { detail })),
    (error: unknown) => console.error('Search could not be loaded:', error),
  );
}

/** Typing "/" into a field must type a slash, not open search. */
function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

if (root && button) {
  const detail: OpenSearchDetail = { opener: button, bundleUrl: root.dataset.bundle ?? '/pagefind/pagefind.js' };
  button.hidden = false;
  button.addEventListener('click', () => openSearch(detail));
  // Tabbing to the button is a strong hint: fetch the dialog code so opening feels instant.
  button.addEventListener('focus', () => void loadDialog().catch(() => {}), { once: true });
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || event.altKey) return;
    const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey;
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTypingTarget(event.target);
    if (!commandK && !slash) return;
    event.preventDefault();
    openSearch(detail);
  });
}
