// The site's only client script (besides the inline theme snippet): theme toggle, mobile menu and
// copy buttons. Everything works by keyboard because everything is a real <button>.

const THEMES = ['auto', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

function readTheme(): Theme {
  try {
    const stored = localStorage.getItem('theme');
    return stored === 'light' || stored === 'dark' ? stored : 'auto';
  } catch {
    return 'auto';
  }
}

function applyTheme(theme: Theme, button: HTMLButtonElement) {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  try {
    if (theme === 'auto') localStorage.removeItem('theme');
    else localStorage.setItem('theme', theme);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  button.dataset.current = theme;
  button.querySelector('.theme-toggle-text')!.textContent = `Theme: ${theme}`;
}

function setUpThemeToggle() {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  applyTheme(readTheme(), button);
  button.hidden = false;
  button.addEventListener('click', () => {
    const next = THEMES[(THEMES.indexOf(readTheme()) + 1) % THEMES.length]!;
    applyTheme(next, button);
  });
}

function setUpMenu() {
  const button = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
  const nav = document.getElementById('site-nav');
  if (!button || !nav) return;
  button.hidden = false;
  document.documentElement.classList.add('has-menu-button');
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
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
