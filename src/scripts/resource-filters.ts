// Progressive enhancement: without JavaScript every resource is listed; with it, the form appears.
export {};
const form = document.querySelector<HTMLFormElement>('[data-resource-filters]');
const status = document.querySelector<HTMLElement>('[data-filter-status]');
const cards = [...document.querySelectorAll<HTMLElement>('.resource')];

function apply() {
  if (!form) return;
  const data = new FormData(form);
  const kind = String(data.get('kind') ?? '');
  const level = String(data.get('level') ?? '');
  const tag = String(data.get('tag') ?? '');
  let shown = 0;
  for (const card of cards) {
    const match =
      (!kind || card.dataset.kind === kind) &&
      (!level || card.dataset.level === level) &&
      (!tag || (card.dataset.tags ?? '').split(' ').includes(tag));
    card.hidden = !match;
    if (match) shown++;
  }
  for (const group of document.querySelectorAll<HTMLElement>('.resource-group')) {
    group.hidden = !group.querySelector('.resource:not([hidden])');
  }
  if (status) status.textContent = `Showing ${shown} of ${cards.length} resources`;
}

if (form) {
  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}
