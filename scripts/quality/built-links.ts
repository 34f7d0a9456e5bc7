import { readFileSync } from 'node:fs';
import { joinBase } from '../../src/core/urls.ts';
import { fileForSitePath, listPages, stripBase } from './dist.ts';
import { readReferences, type PageReferences } from './html-refs.ts';

export interface LinkProblem {
  /** Page the link is on, relative to dist. */
  page: string;
  line: number;
  /** e.g. '<a href>' */
  where: string;
  url: string;
  message: string;
}

export interface LinkCheckOptions {
  /** The build's base path, '/' or '/docker-learning'. */
  base: string;
  /** The build's site URL: absolute URLs on its origin (canonical, og:url) are internal too. */
  site?: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Only used to resolve relative URLs; never fetched.
const RESOLVER_ORIGIN = 'http://dist.invalid';

/**
 * Every internal href/src of every page must name a file of the build, inside the base path, and
 * every #fragment an element id on the target page: what a reader clicking around the deployed
 * site would hit as a 404 or a jump to nowhere.
 */
export function checkInternalLinks(distDir: string, options: LinkCheckOptions): LinkProblem[] {
  const siteOrigin = options.site ? new URL(options.site).origin : undefined;
  const cache = new Map<string, PageReferences>();
  const referencesOf = (file: string): PageReferences => {
    let references = cache.get(file);
    if (!references) {
      references = readReferences(readFileSync(file, 'utf8'));
      cache.set(file, references);
    }
    return references;
  };

  const problems: LinkProblem[] = [];
  for (const page of listPages(distDir)) {
    const own = referencesOf(page.file);
    const pageUrl = new URL(joinBase(options.base, page.sitePath), RESOLVER_ORIGIN);
    for (const reference of own.references) {
      const report = (message: string) =>
        problems.push({ page: page.relative, line: reference.line, where: `<${reference.tag} ${reference.attribute}>`, url: reference.url, message });
      const { url } = reference;
      if (url === '') {
        report('empty URL: it points back at the page itself');
        continue;
      }
      if (url === '#') {
        report('"#" links nowhere; link to an element id or use a <button>');
        continue;
      }
      let target: URL;
      try {
        target = new URL(url, pageUrl);
      } catch {
        report('not a valid URL');
        continue;
      }
      const external = (SCHEME.test(url) || url.startsWith('//')) && target.origin !== siteOrigin;
      // External, mailto:, data: ...: the link checker's business, not the build's.
      if (external) continue;

      const sitePath = stripBase(options.base, target.pathname);
      if (sitePath === undefined) {
        report(`points outside the base path ${options.base}: on the deployed site this is another site's page`);
        continue;
      }
      const file = fileForSitePath(distDir, sitePath);
      if (!file) {
        report(`no file in the build for ${target.pathname}`);
        continue;
      }
      if (target.hash.length > 1) {
        const id = decodeFragment(target.hash.slice(1));
        if (!file.endsWith('.html')) {
          report(`fragment #${id} on a file that is not a page`);
        } else if (!referencesOf(file).ids.has(id)) {
          report(`no element with id "${id}" on ${target.pathname}`);
        }
      }
    }
  }
  return problems;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export function formatLinkProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `${p.page}:${p.line} ${p.where} "${p.url}": ${p.message}`).join('\n');
}
