import type { DocumentFacts } from '../content/facts.ts';
import type { LocalProblem } from './check-frontmatter.ts';

/**
 * Absolute URLs in a page that carry a user name or password (`https://user:pass@host/`): the site
 * would publish them, a reader's browser and the link checker would send them, and they hide the
 * real host from a quick read (`https://docs.docker.com@evil.example/`). Refused wherever a page
 * writes a URL: links, images and other sources.
 */
export function checkLinkCredentials(doc: Pick<DocumentFacts, 'links' | 'images' | 'sources'>): LocalProblem[] {
  const written = [
    ...doc.links.map(({ href, line }) => ({ url: href, line, what: 'link' })),
    ...doc.images.map(({ src, line }) => ({ url: src, line, what: 'image' })),
    ...doc.sources.map(({ href, line }) => ({ url: href, line, what: 'URL' })),
  ];
  return written.flatMap(({ url, line, what }) => {
    const parsed = absoluteUrl(url);
    if (!parsed || (!parsed.username && !parsed.password)) return [];
    const without = new URL(parsed.href);
    without.username = '';
    without.password = '';
    return [
      {
        line,
        message: `${what} "${url}" has a user name or password in it (user:pass@host), which the site would publish and every reader's browser would send. Remove it: write ${without.href}`,
      },
    ];
  });
}

/** The URL when `href` names a host (`scheme://…` or `//…`); undefined for relative links and unparseable text. */
function absoluteUrl(href: string): URL | undefined {
  const value = href.trim();
  if (!/^([a-z][a-z0-9+.-]*:)?\/\//i.test(value)) return undefined;
  const full = value.startsWith('//') ? `https:${value}` : value;
  return URL.canParse(full) ? new URL(full) : undefined;
}
