import { sharedWithPageCode } from '../../integrations/astro-internals.ts';

/**
 * Pages handed to the search indexer while `astro build` is still writing the others. Pagefind
 * indexes in a process of its own; fed page by page as each is rendered (src/middleware.ts), it
 * works on the second core during page generation instead of after it. The build's middleware runs
 * in bundled page code, a different module instance from the integration that owns the index, so
 * the two meet on a global (see sharedWithPageCode). Nothing is registered in `astro dev` or when
 * the build generates pages elsewhere: then the integration reads every page from disk, as before.
 */
export interface EarlySearchFeed {
  /** Takes one rendered page: its URL path as served (base included) and its HTML. */
  offer(urlPath: string, html: string): void;
}

const shared = sharedWithPageCode<EarlySearchFeed>('learning-site.early-search-feed');

export function registerEarlySearchFeed(feed: EarlySearchFeed | undefined): void {
  shared.set(feed);
}

export function earlySearchFeed(): EarlySearchFeed | undefined {
  return shared.get();
}
