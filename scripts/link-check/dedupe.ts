import { classifyHref, fragmentKey, fragmentOf, pageKey } from '../../src/core/link-cache/normalize-url.ts';
import type { InvalidUrl, LinkPlace, PageToFetch, UrlToCheck } from './types.ts';

/**
 * Groups places by the page they point at, so each page is fetched once and its verdict reported
 * at every place. Non-http links are dropped; unparseable http(s) URLs become `invalid` targets.
 * With fragment checking on, the distinct fragments are gathered so one fetch answers them all.
 */
export function dedupeLinks(places: readonly LinkPlace[], options: { checkFragments: boolean }): UrlToCheck[] {
  const pages = new Map<string, PageToFetch>();
  const invalid = new Map<string, InvalidUrl>();
  for (const place of places) {
    const classified = classifyHref(place.raw);
    if (classified.kind === 'other') continue;
    if (classified.kind === 'invalid') {
      const key = place.raw.trim();
      const target = invalid.get(key) ?? { kind: 'invalid', key, reason: classified.reason, places: [] };
      target.places.push(place);
      invalid.set(key, target);
      continue;
    }
    const key = pageKey(classified.url);
    let target = pages.get(key);
    if (!target) {
      target = { kind: 'page', key, url: new URL(key), fragments: [], places: [] };
      pages.set(key, target);
    }
    target.places.push(place);
    const fragment = options.checkFragments ? fragmentOf(classified.url) : undefined;
    if (fragment !== undefined && !target.fragments.includes(fragment)) target.fragments.push(fragment);
  }
  return [...pages.values(), ...invalid.values()];
}

/**
 * How a page's places are reported: all together under the page URL, or, with fragment checking,
 * one group per fragment (a page can be fine while one of its anchors is gone) plus one for the
 * places without a fragment. The cache stores one entry per group.
 */
export function resultGroups(target: PageToFetch, checkFragments: boolean): { url: string; fragment?: string; places: LinkPlace[] }[] {
  if (!checkFragments || target.fragments.length === 0) return [{ url: target.key, places: target.places }];
  const groups = new Map<string, { url: string; fragment?: string; places: LinkPlace[] }>();
  for (const place of target.places) {
    const classified = classifyHref(place.raw);
    const fragment = classified.kind === 'external' ? fragmentOf(classified.url) : undefined;
    const url = fragment === undefined || classified.kind !== 'external' ? target.key : fragmentKey(classified.url);
    const group = groups.get(url) ?? { url, ...(fragment !== undefined && { fragment }), places: [] };
    group.places.push(place);
    groups.set(url, group);
  }
  return [...groups.values()];
}
