// Progressive enhancement: without JavaScript every resource is listed; with it, the filters appear.
// A plain group of selects rather than a form: nothing is ever submitted.
// Every option says how many resources it would show with the other filters as they are, and an
// option that would show none is disabled, so no choice leads to an empty page. Should one still
// come up (a browser restoring old selections), the page says so and offers to clear the filters.
export {};

const filters = document.querySelector<HTMLElement>('[data-resource-filters]');
const status = document.querySelector<HTMLElement>('[data-filter-status]');
const empty = document.querySelector<HTMLElement>('[data-filter-empty]');
const cards = [...document.querySelectorAll<HTMLElement>('.resource')];
const selects = [...(filters?.querySelectorAll('select') ?? [])];

const matches = (card: HTMLElement, name: string, value: string) =>
  !value || (name === 'tag' ? (card.dataset.tags ?? '').split(' ').includes(value) : card.dataset[name] === value);

/** Cards matching every select, or every select but `except` (for that select's option counts). */
const matching = (except?: HTMLSelectElement) =>
  cards.filter((card) => selects.every((select) => select === except || matches(card, select.name, select.value)));

function apply() {
  const shown = new Set(matching());
  for (const card of cards) card.hidden = !shown.has(card);
  for (const group of document.querySelectorAll<HTMLElement>('.resource-group')) {
    group.hidden = !group.querySelector('.resource:not([hidden])');
  }
  for (const select of selects) {
    const others = matching(select);
    for (const option of select.options) {
      if (!option.value) continue;
      const count = others.filter((card) => matches(card, select.name, option.value)).length;
      option.textContent = `${option.value} (${count})`;
      // The chosen option stays enabled, or the select could not show what it holds.
      option.disabled = count === 0 && !option.selected;
    }
  }
  if (status) status.textContent = `Showing ${shown.size} of ${cards.length} resources`;
  if (empty) {
    empty.hidden = shown.size > 0;
    const chosen = selects.filter((select) => select.value).map((select) => `${select.name} “${select.value}”`);
    empty.querySelector('[data-filter-summary]')!.textContent = chosen.join(' and ');
  }
}

if (filters) {
  filters.hidden = false;
  filters.addEventListener('change', apply);
  for (const clear of document.querySelectorAll('[data-filter-clear]')) {
    clear.addEventListener('click', () => {
      for (const select of selects) select.value = '';
      apply();
      selects[0]?.focus();
    });
  }
  apply();
}
