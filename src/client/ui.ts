// The site's only client script (besides the inline theme snippet): theme toggle, mobile menu and
// copy buttons. Everything works by keyboard because everything is a real <button>.

type Choice = 'light' | 'dark' | 'auto';
const systemDark = matchMedia('(prefers-color-scheme: dark)');
const system = () => (systemDark.matches ? 'dark' : 'light');

function readChoice(): Choice {
  try {
    const stored = localStorage.getItem('theme');
    return stored === 'light' || stored === 'dark' ? stored : 'auto';
  } catch {
    return 'auto';
  }
}

/**
 * One press switches between light and dark. Choosing the system's own theme stores nothing
 * ("auto"): the page then follows the system again, so auto needs no third state to reach.
 * aria-pressed says whether the dark theme is on; the small text says whether it is the system's.
 */
function showTheme(button: HTMLButtonElement) {
  const choice = readChoice();
  const shown = choice === 'auto' ? system() : choice;
  button.setAttribute('aria-pressed', String(shown === 'dark'));
  button.dataset.current = shown;
  button.querySelector('.theme-toggle-state')!.textContent = choice === 'auto' ? 'auto' : '';
  button.title = choice === 'auto' ? `Following your system (${shown}). Press for ${shown === 'dark' ? 'light' : 'dark'}.` : `Press for ${shown === 'dark' ? 'light' : 'dark'}; that is your system's theme, which is then followed again.`;
}

function choose(choice: Choice, button: HTMLButtonElement) {
  if (choice === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
  try {
    if (choice === 'auto') localStorage.removeItem('theme');
    else localStorage.setItem('theme', choice);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  showTheme(button);
}

function setUpThemeToggle() {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  showTheme(button);
  button.hidden = false;
  button.addEventListener('click', () => {
    const next = button.dataset.current === 'dark' ? 'light' : 'dark';
    choose(next === system() ? 'auto' : next, button);
  });
  systemDark.addEventListener('change', () => showTheme(button));
}

function setUpMenu() {
  const button = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
  const nav = document.getElementById('site-nav');
  if (!button || !nav) return;
  button.hidden = false;
  document.documentElement.classList.add('has-menu-button');
  // The button's label says what a press does: "Menu" opens, "Close" (with ✕, from CSS) closes.
  const label = button.querySelector('.menu-label')!;
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    label.textContent = open ? 'Close' : 'Menu';
    document.documentElement.classList.toggle('menu-open', open);
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      button.focus();
    }
  });
}

function setUpCopyButtons() {
  if (!navigator.clipboard) return;
  for (const pre of document.querySelectorAll<HTMLPreElement>('.prose pre')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    const status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      const code = pre.querySelector('code') ?? pre;
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
        button.textContent = status.textContent = 'Copied';
      } catch {
        button.textContent = status.textContent = 'Copy failed';
      }
      setTimeout(() => {
        button.textContent = 'Copy';
        status.textContent = '';
      }, 2000);
    });
    const wrapper = document.createElement('div');
    wrapper.className = 'code-wrapper';
    pre.replaceWith(wrapper);
    wrapper.append(pre, button, status);
  }
}

setUpThemeToggle();
setUpMenu();
setUpCopyButtons();
