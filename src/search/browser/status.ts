// What the status line holds besides its sentence: suggestions and the retry, as buttons inside the
// live region, so a screen reader hears them with the sentence and one click acts on them.
import type { UnknownWord } from './query.ts';

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function button(className: string, text: string, onClick: () => void): HTMLButtonElement {
  const node = element('button', className, text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/** " Did you mean [namespace] or [namespaces]? Enter searches for the first." as text and buttons. */
export function suggestionParts(
  offer: UnknownWord,
  enterTakesIt: boolean,
  take: (word: string, suggestion: string) => void,
): (string | HTMLElement)[] {
  const parts: (string | HTMLElement)[] = [' Did you mean '];
  offer.suggestions.forEach((suggestion, index) => {
    if (index > 0) parts.push(index === offer.suggestions.length - 1 ? ' or ' : ', ');
    parts.push(button('search-suggestion', suggestion, () => take(offer.word, suggestion)));
  });
  parts.push(enterTakesIt ? '? Enter searches for the first.' : '?');
  return parts;
}

/**
 * "Showing 5 results for “hypervisor” · [Search for “hypervisr” instead]": a sure correction, said
 * with the way back to the query as typed (the button), as web search engines do.
 */
export function correctionParts(
  facts: { corrected: string; typed: string; shown: number; total: number },
  searchTyped: () => void,
): (string | HTMLElement)[] {
  const { corrected, typed, shown, total } = facts;
  const count =
    total === 0 ? 'No results' : shown < total ? `Showing ${shown} of ${total} results` : `Showing ${total} ${total === 1 ? 'result' : 'results'}`;
  return [`${count} for “${corrected}” · `, button('search-literal', `Search for “${typed}” instead`, searchTyped)];
}

/** Said once when pagefind.js cannot be loaded; the button (or Enter) tries again. */
export function loadFailureParts(retry: () => void): (string | HTMLElement)[] {
  return ['Search could not be loaded. Check your connection, then ', button('search-retry', 'Try again', retry), '.'];
}
