/** The trigger asks the separately loaded dialog bundle to open through this document event. */
export const OPEN_SEARCH_EVENT = 'docs:open-search';

export interface OpenSearchDetail {
  /** Focus returns here when the dialog closes. */
  opener: HTMLElement;
  /** URL of pagefind.js with the base path. */
  bundleUrl: string;
}
