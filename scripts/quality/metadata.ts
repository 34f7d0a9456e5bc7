import { Page } from '../support/html-page.ts';

export interface MetadataExpectations {
  /** The absolute URL the page is published at; the canonical link must name exactly it. */
  canonical?: string;
}

/**
 * What search engines, link previews and screen readers read before the content: one <h1> naming
 * the page, a non-empty <title> and meta description, an absolute canonical URL, and the language.
 * Returns one message per problem, empty when the page is fine.
 */
export function checkPageMetadata(html: string, expectations: MetadataExpectations = {}): string[] {
  const page = new Page(html);
  const problems: string[] = [];

  const lang = page.attr('html', 'lang');
  if (!lang?.trim()) problems.push('<html> has no lang attribute: screen readers cannot pick the pronunciation');

  const headings = page.texts('h1');
  if (headings.length !== 1) problems.push(`expected exactly one <h1>, found ${headings.length}`);
  else if (!headings[0]) problems.push('the <h1> is empty');

  const titles = page.all('head title');
  if (titles.length !== 1) problems.push(`expected exactly one <title> in <head>, found ${titles.length}`);
  else if (!page.text('head title')) problems.push('the <title> is empty');

  const descriptions = page.all('head meta[name="description"]');
  if (descriptions.length !== 1) problems.push(`expected exactly one meta description, found ${descriptions.length}`);
  else if (!page.attr('head meta[name="description"]', 'content')?.trim()) problems.push('the meta description is empty');

  const canonicals = page.all('head link[rel~="canonical"]');
  if (canonicals.length !== 1) {
    problems.push(`expected exactly one canonical link, found ${canonicals.length}`);
  } else {
    const href = page.attr('head link[rel~="canonical"]', 'href') ?? '';
    if (!/^https?:\/\//.test(href)) problems.push(`the canonical URL "${href}" is not absolute`);
    else if (expectations.canonical && href !== expectations.canonical) {
      problems.push(`the canonical URL is "${href}", expected "${expectations.canonical}"`);
    }
  }
  return problems;
}

/** Pages that ask not to be indexed (404, noindex) belong neither in the sitemap nor in search. */
export function isIndexable(html: string): boolean {
  const robots = new Page(html).attr('head meta[name="robots"]', 'content') ?? '';
  return !/\bnoindex\b/i.test(robots);
}
