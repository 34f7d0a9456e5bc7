// Progressive enhancement: without JavaScript every resource is listed; with it, the filters appear.
// A plain group of selects rather than a form: nothing is ever submitted.
export {};

const filters = document.querySelector<HTMLElement>('[data-resource-filters]');
const status = document.querySelector<HTMLElement>('[data-filter-status]');
const cards = [...document.querySelectorAll<HTMLElement>('.resource')];

function selected(name: string): string {
  return filters?.querySelector<HTMLSelectElement>(`select[name="${name}"]`)?.value ?? '';
}

function apply() {
  const kind = selected('kind');
  const level = selected('level');
  const tag = selected('tag');
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

if (filters) {
  filters.hidden = false;
  filters.addEventListener('change', apply);
  filters.querySelector('[data-filter-clear]')?.addEventListener('click', () => {
    for (const select of filters.querySelectorAll('select')) select.value = '';
    apply();
  });
  apply();
}
