import { defineMiddleware } from 'astro:middleware';
import { earlySearchFeed } from './search/build/early-feed.ts';

/** Hands each page rendered by `astro build` to the search indexer at once (see early-feed.ts). */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const feed = context.isPrerendered ? earlySearchFeed() : undefined;
  if (feed && response.ok && response.headers.get('content-type')?.startsWith('text/html')) {
    feed.offer(context.url.pathname, await response.clone().text());
  }
  return response;
});
