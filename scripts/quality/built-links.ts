import { readFileSync } from 'node:fs';
import { joinBase } from '../../src/core/urls.ts';
import { fileForSitePath, listPages, sitePathUnderBase } from './dist.ts';
import { readReferences, type PageReferences } from './html-refs.ts';

/** A link or asset reference in the built HTML that a reader of the deployed site would find broken. */
export interface BuiltLinkProblem {
  /** Page the link is on, relative to dist. */
  page: string;
  line: number;
  /** e.g. '<a href>' */
  where: string;
  url: string;
  message: string;
}

export interface BuiltLinkGateOptions {
  /** The build's base path, '/' or '/docker-learning'. */
  base: string;
  /** The build's site URL: absolute URLs on its origin (canonical, og:url) are internal too. */
  site?: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Only used to resolve relative URLs; never fetched.
const RESOLVER_ORIGIN = 'http://dist.invalid';

/**
 * The built-site link gate: every same-site href/src of every page in dist/ must name a file of the
 * build, inside the base path, and every #fragment an element id on the target page: what a reader
 * clicking around the deployed site would hit as a 404 or a jump to nowhere. It reads the HTML the
 * build wrote, so it also catches links made by layouts and components, which the content check of
 * links written in pages (src/core/validate/) never sees.
 */
export function findBrokenBuiltLinks(distDir: string, options: BuiltLinkGateOptions): BuiltLinkProblem[] {
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

  const problems: BuiltLinkProblem[] = [];
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
      // External, mailto:, data: ...: the external link checker's business (npm run links), not the build's.
      if (external) continue;

      const sitePath = sitePathUnderBase(options.base, target.pathname);
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

/** One line: `page:line <tag attribute> "url": what is wrong`. */
export function describeBuiltLinkProblem(problem: BuiltLinkProblem): string {
  return `${problem.page}:${problem.line} ${problem.where} "${problem.url}": ${problem.message}`;
}

export function formatBuiltLinkProblems(problems: BuiltLinkProblem[]): string {
  return problems.map(describeBuiltLinkProblem).join('\n');
}
