// The site's only client script (besides the inline theme snippet): theme toggle, mobile menu and
// copy buttons. Everything works by keyboard because everything is a real <button>.

/**
 * One press switches between light and dark. Choosing the system's own theme stores nothing
 * ("auto"): the page then follows the system again, so auto needs no third state to reach.
 * aria-pressed says whether the dark theme is on, the small "auto" that it follows the system.
 * The inline snippet (ThemeScript.astro) has already put a stored choice on <html data-theme>.
 */
function setUpThemeToggle() {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const root = document.documentElement;
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  const show = () => {
    const chosen = root.dataset.theme;
    button.setAttribute('aria-pressed', String((chosen ?? (systemDark.matches ? 'dark' : 'light')) === 'dark'));
    button.querySelector('.theme-toggle-state')!.textContent = chosen ? '' : 'auto';
  };
  show();
  button.hidden = false;
  button.onclick = () => {
    const next = button.getAttribute('aria-pressed') === 'true' ? 'light' : 'dark';
    const auto = next === (systemDark.matches ? 'dark' : 'light');
    if (auto) delete root.dataset.theme;
    else root.dataset.theme = next;
    try {
      if (auto) localStorage.removeItem('theme');
      else localStorage.setItem('theme', next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    show();
  };
  systemDark.onchange = show;
}

function setUpMenu() {
  const button = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
  const nav = document.getElementById('site-nav');
  if (!button || !nav) return;
  button.hidden = false;
  document.documentElement.classList.add('has-menu-button');
  // The label follows aria-expanded in CSS: "☰ Menu" opens, "✕ Close" closes.
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
