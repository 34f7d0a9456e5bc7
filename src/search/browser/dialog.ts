// The search dialog, loaded on first open. Pattern: a modal <dialog> holding an editable combobox
// (the input keeps focus) that controls a listbox of links; aria-activedescendant marks the chosen
// one, a status region announces the count. Results come from pagefind.js, which fetches only the
// index chunks and page fragments the query needs. What to search for is decided in
// src/search/browser/query.ts (stop words, words no page has), how it is answered in engine.ts.
import { excerptParts } from './excerpt.ts';
import { applySuggestion, correctedQuery, planQuery, type QueryPlan } from './query.ts';
import { describeStatus, toResultView, type ResultView } from './results.ts';
import { answer, rankingLabel, SearchEngine, type LoadedSearch, type RankedResult } from './engine.ts';
import { correctionParts, element, loadFailureParts, suggestionParts } from './status.ts';
// As a string, applied as a constructable stylesheet: no second request and no unstyled flash, and
// the page's first view stays free of search CSS.
import dialogCss from './search.css?inline';

import { OPEN_SEARCH_EVENT, type OpenSearchDetail } from './events.ts';

type OpenOptions = OpenSearchDetail;

/** Results rendered per batch: each needs a fragment download, so more wait for "Show more". */
const PAGE_SIZE = 8;
/**
 * Short enough to keep keystroke-to-results under 100 ms (the budget, debounce included), long
 * enough to skip a search per keystroke while a fast typist types a burst.
 */
const DEBOUNCE_MS = 40;
/** Enter waits this long at most for the results of the query on screen, then does nothing. */
const ENTER_WAIT_MS = 3000;

const LOADING = 'Loading search…';
const DEV_MESSAGE = 'Search uses the index written by the production build. Run “npm run build && npm run preview” to try it.';

/** Excerpt text with <mark> around matched words, built from text nodes only (never innerHTML). */
function excerptElement(excerpt: string): HTMLElement {
  const span = element('span', 'search-result-excerpt');
  for (const part of excerptParts(excerpt)) span.append(part.mark ? element('mark', undefined, part.text) : part.text);
  return span;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A magnifying glass, lens and handle, drawn in the text colour so it reads in both themes. It is
 * decoration: the field's label says what it is for.
 */
function magnifier(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'search-field-icon');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const lens = document.createElementNS(SVG, 'circle');
  Object.entries({ cx: '10', cy: '10', r: '6.5' }).forEach(([name, value]) => {
    lens.setAttribute(name, value);
  });
  const handle = document.createElementNS(SVG, 'path');
  handle.setAttribute('d', 'M15 15l5.5 5.5');
  svg.append(lens, handle);
  return svg;
}

/** Where loading pagefind.js and the vocabulary stands; a failure waits for the reader to retry. */
type LoadState = 'idle' | 'loading' | 'ready' | 'failed';

class SearchDialog {
  readonly dialog = element('dialog', 'search-dialog');
  readonly input = element('input', 'search-input');
  readonly status = element('p', 'search-status');
  readonly listbox = element('div', 'search-results');
  readonly more = element('button', 'search-more');
  private opener: HTMLElement;
  private readonly engine: SearchEngine;
  private loadState: LoadState = 'idle';
  /** "Loading search…" was shown for this load attempt: once is enough. */
  private loadingAnnounced = false;
  private options: HTMLAnchorElement[] = [];
  private active = -1;
  private results: RankedResult[] = [];
  private shown = 0;
  /** The settled query whose answer is on screen, and what the status said about it. */
  private settledQuery = '';
  private plan: QueryPlan | undefined;
  private partial = false;
  /** The suggestions on screen; Enter takes the first when there are no results. */
  private suggestion: { word: string; suggestion: string } | undefined;
  private settleWaiters: (() => void)[] = [];
  /** The query on screen was corrected to this (and is shown as such). */
  private corrected: string | undefined;
  /** The reader asked for this query as typed, not corrected. */
  private literal: string | undefined;
  /** Bumped by every new query so answers to older ones are dropped. */
  private generation = 0;
  private optionCount = 0;
  private navigating = false;

  constructor({ opener, bundleUrl }: OpenOptions) {
    this.opener = opener;
    this.engine = new SearchEngine(bundleUrl);
    this.build();
  }

  private build() {
    const { dialog, input, status, listbox, more } = this;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(dialogCss);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    dialog.setAttribute('aria-label', 'Search');
    const panel = element('div', 'search-panel');
    const field = element('div', 'search-field');
    const label = element('label', 'visually-hidden', 'Search pages and curated resources');
    label.htmlFor = input.id = 'search-input';
    Object.assign(input, { type: 'search', placeholder: 'Search pages and resources', autocomplete: 'off', spellcheck: false });
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', (listbox.id = 'search-listbox'));
    input.setAttribute('aria-describedby', 'search-help');
    input.setAttribute('autocapitalize', 'off');
    input.setAttribute('enterkeyhint', 'go');
    const close = element('button', 'search-close', 'Close');
    close.type = 'button';
    field.append(magnifier(), label, input, close);
    status.setAttribute('role', 'status');
    listbox.setAttribute('role', 'listbox');
    listbox.setAttribute('aria-label', 'Search results');
    listbox.hidden = true;
    more.type = 'button';
    more.hidden = true;
    const help = element('p', 'search-help', '↑ ↓ choose · Enter open · Esc close');
    help.id = 'search-help';
    panel.append(field, status, listbox, more, help);
    dialog.append(panel);
    document.body.append(dialog);

    input.addEventListener('input', () => void this.search(input.value));
    input.addEventListener('keydown', (event) => this.onKeydown(event));
    close.addEventListener('click', () => this.close());
    more.addEventListener('click', () => void this.showMore());
    // A click on the dialog itself (not its panel) is a click on the backdrop.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) this.close();
    });
    // Esc pressed on the Close button, or the browser closing the dialog, ends up here too.
    dialog.addEventListener('close', () => this.restoreFocus());
    listbox.addEventListener('click', (event) => {
      // The link navigates by itself; closing first lets a same-page #anchor scroll into view.
      if ((event.target as Element).closest('[role="option"]')) {
        this.navigating = true;
        this.close();
      }
    });
    listbox.addEventListener('pointermove', (event) => {
      const option = (event.target as Element).closest<HTMLAnchorElement>('[role="option"]');
      if (option) this.setActive(this.options.indexOf(option), false);
    });
  }

  open(opener: HTMLElement) {
    this.opener = opener;
    this.navigating = false;
    if (!this.dialog.open) this.dialog.showModal();
    this.input.focus();
    this.input.select();
    if (import.meta.env.DEV) {
      this.status.textContent = DEV_MESSAGE;
      return;
    }
    if (this.loadState === 'idle') void this.load().catch(() => {});
  }

  close() {
    if (this.dialog.open) this.dialog.close();
    // At once, not on the 'close' event: a "/" typed right after Esc must reach the page, not the
    // hidden field that would otherwise still hold focus until the event runs.
    this.restoreFocus();
  }

  private restoreFocus() {
    // After choosing a result the page is navigating: focus belongs to where the link leads.
    if (!this.navigating && document.activeElement !== this.opener) this.opener.focus();
  }

  /** Loads search; the status says "Loading" once per attempt and a failure once, with a retry button. */
  private async load(): Promise<LoadedSearch> {
    if (this.loadState !== 'ready') this.loadState = 'loading';
    try {
      const loaded = await this.engine.load();
      this.loadState = 'ready';
      // For tests and the benchmark: the moment queries stop waiting for pagefind.js and its wasm.
      this.dialog.dataset.searchReady = '';
      return loaded;
    } catch (error) {
      if (this.loadState === 'loading') {
        this.loadState = 'failed';
        this.loadingAnnounced = false;
        this.showLoadFailure();
      }
      throw error;
    }
  }

  private showLoadFailure() {
    this.clearResults();
    this.setPending(false);
    this.status.replaceChildren(...loadFailureParts(() => this.retry()));
    this.status.classList.add('search-empty');
  }

  private retry() {
    this.loadState = 'idle';
    this.input.focus();
    this.status.classList.remove('search-empty');
    this.status.textContent = LOADING;
    this.loadingAnnounced = true;
    if (this.input.value.trim()) return void this.search(this.input.value, true);
    void this.load().then(
      () => {
        if (!this.input.value.trim()) this.status.textContent = '';
      },
      () => {},
    );
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void this.activate();
    } else if (event.key === 'Escape') {
      // A search field would clear itself on Esc; here Esc always means "close".
      event.preventDefault();
      this.close();
    }
  }

  private move(delta: number) {
    if (this.options.length === 0) return;
    const next = this.active < 0 ? (delta > 0 ? 0 : this.options.length - 1) : this.active + delta;
    this.setActive(Math.max(0, Math.min(this.options.length - 1, next)), true);
  }

  private setActive(index: number, scroll: boolean) {
    if (index < 0 || index === this.active) return;
    this.options[this.active]?.setAttribute('aria-selected', 'false');
    const option = this.options[index]!;
    option.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', option.id);
    this.active = index;
    if (scroll) option.scrollIntoView({ block: 'nearest' });
  }

  private clearResults() {
    this.listbox.replaceChildren();
    this.listbox.hidden = true;
    this.more.hidden = true;
    this.options = [];
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.input.setAttribute('aria-expanded', 'false');
  }

  /**
   * Enter acts on the answer to the query in the field: when that answer is still on its way, it
   * waits for it (up to ENTER_WAIT_MS), so a fast "type, Enter" never opens the previous query's
   * first result. With no results, Enter takes the suggestion; after a load failure, it retries.
   */
  private async activate() {
    if (this.loadState === 'failed') return this.retry();
    const typed = this.input.value.trim();
    if (!typed) return;
    if (this.settledQuery !== typed || this.dialog.hasAttribute('data-search-pending')) await this.settledOrTimeout(ENTER_WAIT_MS);
    if (this.settledQuery !== typed || this.input.value.trim() !== typed) return;
    const option = this.options[this.active];
    if (option) {
      this.navigating = true;
      option.click();
    } else if (this.suggestion) {
      this.takeSuggestion(this.suggestion.word, this.suggestion.suggestion);
    }
  }

  private settledOrTimeout(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      const check = () => {
        if (this.settledQuery === this.input.value.trim() && !this.dialog.hasAttribute('data-search-pending')) {
          clearTimeout(timer);
          resolve();
        } else this.settleWaiters.push(check);
      };
      check();
    });
  }

  private setPending(pending: boolean) {
    this.dialog.toggleAttribute('data-search-pending', pending);
    if (pending) return;
    const waiters = this.settleWaiters;
    this.settleWaiters = [];
    for (const waiter of waiters) waiter();
  }

  private takeSuggestion(word: string, suggestion: string) {
    this.input.value = applySuggestion(this.input.value, word, suggestion);
    this.input.focus();
    void this.search(this.input.value);
  }

  private async search(raw: string, retrying = false) {
    const typed = raw.trim();
    const generation = ++this.generation;
    if (import.meta.env.DEV) return;
    if (!typed) {
      this.clearResults();
      this.status.textContent = '';
      this.settledQuery = '';
      this.setPending(false);
      return;
    }
    // The failure was announced once; typing does not retry and announce it again: the button does.
    if (this.loadState === 'failed' && !retrying) return;
    this.setPending(true);
    if (this.loadState !== 'ready' && !this.loadingAnnounced) {
      this.status.textContent = LOADING;
      this.loadingAnnounced = true;
    }
    let loaded: LoadedSearch;
    try {
      loaded = await this.load();
    } catch {
      return;
    }
    if (generation !== this.generation) return;
    let plan = planQuery(typed, loaded.complete ? loaded.words : undefined);
    // A sure correction of a query that cannot have results shows the corrected results at once.
    const corrected = plan.unknown.length > 0 && loaded.words && this.literal !== typed ? correctedQuery(plan, loaded.words) : undefined;
    if (corrected) plan = { ...planQuery(corrected, loaded.words), typed };
    const found = await answer(loaded, plan, DEBOUNCE_MS);
    if (!found || generation !== this.generation) return;
    // A vocabulary cut for size cannot rule a word out; it still helps when nothing was found.
    if (!loaded.complete && loaded.words && found.results.length === 0) {
      const words = loaded.words;
      plan.unknown = plan.terms.filter((term) => !words.knows(term)).map((word) => ({ word, suggestions: words.suggest(word) }));
    }
    this.plan = plan;
    this.corrected = corrected;
    this.partial = found.partial;
    this.results = found.results;
    this.shown = 0;
    await this.render(generation, true);
  }

  private async showMore() {
    const firstNew = this.options.length;
    await this.render(this.generation, false);
    this.input.focus();
    this.setActive(Math.min(firstNew, this.options.length - 1), true);
  }

  /** Renders the next batch of results; `replace` starts a new list for a new query. */
  private async render(generation: number, replace: boolean) {
    const batch = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    const views = (await Promise.all(batch.map((result) => result.data()))).map(toResultView);
    const rankings = batch.map((result) => rankingLabel(result.ranking));
    if (generation !== this.generation || !this.plan) return;
    if (replace) this.clearResults();
    this.shown += batch.length;
    const fragment = document.createDocumentFragment();
    for (const [i, view] of views.entries()) fragment.append(...this.resultOptions(view, rankings[i]!));
    this.listbox.append(fragment);
    this.options = [...this.listbox.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
    const total = this.results.length;
    this.listbox.hidden = total === 0;
    this.input.setAttribute('aria-expanded', String(total > 0));
    const remaining = total - this.shown;
    this.more.hidden = remaining <= 0;
    const next = Math.min(remaining, PAGE_SIZE);
    this.more.textContent = `Show ${next} more ${next === 1 ? 'result' : 'results'}`;
    if (replace && this.options.length > 0) {
      this.setActive(0, false);
      this.listbox.scrollTop = 0;
    }
    // Written once per settled query (and again only when the reader asks for more): the live region
    // announces what was found, never the steps on the way.
    this.writeStatus(this.plan, total);
    this.settledQuery = this.plan.typed;
    this.setPending(false);
  }

  private writeStatus(plan: QueryPlan, total: number) {
    this.status.classList.toggle('search-empty', total === 0);
    if (this.corrected) {
      this.suggestion = undefined;
      const literal = () => this.searchLiteral(plan.typed);
      return this.status.replaceChildren(...correctionParts({ corrected: this.corrected, typed: plan.typed, shown: this.shown, total }, literal));
    }
    const unknown = plan.unknown.map((entry) => entry.word);
    const offer = plan.unknown.find((entry) => entry.suggestions.length > 0);
    const sentence = describeStatus({ typed: plan.typed, shown: this.shown, total, unknown, partial: this.partial, suggesting: !!offer });
    this.suggestion = offer ? { word: offer.word, suggestion: offer.suggestions[0]! } : undefined;
    this.status.replaceChildren(
      sentence,
      ...(offer ? suggestionParts(offer, total === 0, (word, suggestion) => this.takeSuggestion(word, suggestion)) : []),
    );
  }

  /** "Search for hypervisr instead": the query as typed, uncorrected, until the field changes. */
  private searchLiteral(typed: string) {
    this.literal = typed;
    this.input.focus();
    void this.search(typed);
  }

  private option(url: string, className: string): HTMLAnchorElement {
    const link = element('a', className);
    link.href = url;
    link.id = `search-option-${++this.optionCount}`;
    link.tabIndex = -1;
    link.setAttribute('role', 'option');
    link.setAttribute('aria-selected', 'false');
    return link;
  }

  /** A page result and its matching headings, or a curated resource, as listbox options. */
  private resultOptions(view: ResultView, ranking: string): HTMLAnchorElement[] {
    const main = this.option(view.url, view.resource ? 'search-result search-resource' : 'search-result');
    main.dataset.ranking = ranking;
    if (view.context) main.append(element('span', 'search-result-context', view.context));
    main.append(element('span', 'search-result-title', view.title), excerptElement(view.excerpt));
    const subs = view.subResults.map((sub) => {
      const option = this.option(sub.url, 'search-result search-sub-result');
      const title = element('span', 'search-result-title', sub.title);
      // Read aloud alone, a heading needs its page: "Publishing ports, in Container networking".
      title.append(element('span', 'visually-hidden', `, in ${view.title}`));
      option.append(title, excerptElement(sub.excerpt));
      return option;
    });
    return [main, ...subs];
  }
}

let instance: SearchDialog | undefined;

// This file is loaded as a script bundle of its own (see trigger.ts), so it answers an event rather
// than exporting a function. Creating the dialog on first use; repeated shortcuts refocus the field.
document.addEventListener(OPEN_SEARCH_EVENT, (event) => {
  const options = (event as CustomEvent<OpenOptions>).detail;
  instance ??= new SearchDialog(options);
  instance.open(options.opener);
});
