// The 404 page offers search for the words of the address that was not found: search is the
// quickest way back to what the reader wanted. It presses the header's search button (which loads
// and opens the dialog) and types the words into the field once the dialog is there.
export {};

const offer = document.querySelector<HTMLElement>('[data-not-found-search]');
const opener = document.querySelector<HTMLButtonElement>('[data-search-open]');
const button = offer?.querySelector('button');

/** `/docker-learning/hands-on/volume_guide/` under base `/docker-learning` → "hands on volume guide". */
function wordsOf(pathname: string, base: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // A malformed escape: the raw path still has words.
  }
  if (base !== '/' && path.startsWith(base)) path = path.slice(base.length);
  return path
    .replace(/\.html?$/, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && word !== 'index')
    .join(' ')
    .slice(0, 80);
}

if (offer && opener && button) {
  const words = wordsOf(location.pathname, offer.dataset.base ?? '/');
  if (words) button.textContent = `Search for “${words}”`;
  offer.hidden = false;
  button.addEventListener('click', () => {
    opener.click();
    if (!words) return;
    let tries = 0;
    const fill = () => {
      const input = document.querySelector<HTMLInputElement>('#search-input');
      if (input && document.activeElement === input) {
        input.value = words;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      } else if (++tries < 100) setTimeout(fill, 50);
    };
    fill();
  });
}
