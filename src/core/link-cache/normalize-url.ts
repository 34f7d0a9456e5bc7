/**
 * URL classification and normalization, shared by the link checker and by the site's resource
 * health (which must find a resource's cache entry under the same key). Kept free of Node APIs.
 */

export type ClassifiedHref =
  | { kind: 'external'; url: URL }
  | { kind: 'invalid'; reason: string }
  /** Relative links, mailto:, anchors and the like: not this checker's business. */
  | { kind: 'other' };

/** Decides whether an href is an external http(s) link, and parses it if so. */
export function classifyHref(raw: string): ClassifiedHref {
  const value = raw.trim();
  if (!/^https?:/i.test(value)) return { kind: 'other' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: 'invalid', reason: 'is not a valid URL (check for spaces, stray characters or a bad port in the host part)' };
  }
  if (!url.hostname) return { kind: 'invalid', reason: 'has no host name' };
  if (url.username || url.password) {
    // Never requested: the checker would send the credentials, and a published link leaks them.
    return {
      kind: 'invalid',
      reason: 'has a user name or password in it (user:pass@host); remove them: a published link must not carry credentials',
    };
  }
  if (!/^https?:\/\//i.test(value)) {
    // "https:example.com" parses, but browsers treat it as a relative link on the current site.
    return { kind: 'invalid', reason: 'is missing the "//" after the scheme (write https://host/path)' };
  }
  return { kind: 'external', url };
}

/**
 * The cache/dedupe key of a URL: WHATWG serialization (lower-case host, punycode, default port
 * dropped, dot segments resolved, non-ASCII percent-encoded). Path case, trailing slash and the
 * query are kept: servers may treat them differently, so they are different links.
 */
export function pageKey(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/** The fragment a link points at, decoded, or undefined for none. */
export function fragmentOf(url: URL): string | undefined {
  const hash = url.hash.slice(1);
  if (!hash) return undefined;
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

/** Cache/report key of a link with a fragment: the page key plus the fragment as the URL serializes it. */
export function fragmentKey(url: URL): string {
  return `${pageKey(url)}${url.hash}`;
}

/** Keys under which a URL's result may be cached: page+fragment first (when it has one), then the page. */
export function lookupKeys(raw: string): string[] {
  const classified = classifyHref(raw);
  if (classified.kind !== 'external') return [raw.trim()];
  const page = pageKey(classified.url);
  return fragmentOf(classified.url) === undefined ? [page] : [fragmentKey(classified.url), page];
}
