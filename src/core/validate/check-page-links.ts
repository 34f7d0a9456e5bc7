import path from 'node:path';
import type { DocumentFacts } from '../content/facts.ts';
import type { LocalProblem } from './check-frontmatter.ts';
import { pagePath, slugFromContentPath, type SlugRules } from '../urls.ts';
import { fileLinkHint, nearest, relativeUrlHref, urlLinkHint } from './link-hints.ts';
import { resolveLinkTarget, stripBase } from './link-target.ts';

/**
 * What the page-link check (links authors write in content, judged at build time) knows about the
 * whole site. Not to be confused with the built-site link gate (scripts/quality/built-links.ts),
 * which reads the HTML in dist/, or the external link checker (scripts/link-check/), which fetches URLs.
 */
export interface PageLinkIndex {
  /** Every content file by its path relative to the docs folder. */
  pages: Map<string, { anchors: ReadonlySet<string>; draft: boolean }>;
  /** Folders that hold at least one page: a URL to a folder without a landing page gets advice. */
  folders: Set<string>;
  /** How file names become URLs: relative URL links are resolved against the page's URL. */
  slugRules: SlugRules;
  /** Whether a file (not only a page) exists, by its docs-relative path: for advice on broken links. */
  fileExists?: (pathFromDocsDir: string) => boolean;
  /** How file names are shown in messages (`content/docs/` + path). */
  display: (file: string) => string;
  /** Production builds leave drafts out, so links to them from published pages would break. */
  production: boolean;
  /** Ids in links.yaml; undefined when the file is absent. */
  resourceIds?: Set<string>;
  /** The site's base path, which site-absolute links may carry or leave out. */
  base: string;
  /** Site paths of the pages (`/guide/first/`) to their files, for site-absolute links. */
  pagesByPath: Map<string, string>;
  /** Page files that exist but were refused (named in problems of their own): links to them are not missing. */
  refused?: ReadonlySet<string>;
  /** Site paths the site serves that are not content pages: `/resources/`, files in public/. */
  isOtherRoute: (sitePath: string) => boolean;
}

export function buildFolderSet(files: Iterable<string>): Set<string> {
  const folders = new Set<string>(['']);
  for (const file of files) {
    for (let dir = path.posix.dirname(file); dir !== '.' && !folders.has(dir); dir = path.posix.dirname(dir)) folders.add(dir);
  }
  return folders;
}

const URL_LINK_ADVICE =
  " A link without a file extension is a URL, resolved against the page's URL as a browser does: fix the path, or link to the .md file.";

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// Browsers scroll to the top for `#top` and for an empty fragment, whether or not an element has that id.
const ALWAYS_VALID_FRAGMENTS = new Set(['', 'top']);

function listAnchors(anchors: ReadonlySet<string>): string {
  if (anchors.size === 0) return 'it has no headings';
  const shown = [...anchors].slice(0, 8).map((a) => `#${a}`);
  return `its anchors are ${shown.join(', ')}${anchors.size > 8 ? ', …' : ''}`;
}

/** `/a/b` and `/a/b/` name the same page: the server redirects the first to the second. */
function asFolder(sitePath: string): string {
  return sitePath.endsWith('/') || path.posix.extname(sitePath) !== '' ? sitePath : `${sitePath}/`;
}

/** Site paths of pages that exist but were refused (each has a problem of its own). */
function refusedRoutes(index: PageLinkIndex): Set<string> {
  return new Set([...(index.refused ?? [])].map((file) => pagePath(slugFromContentPath(file, index.slugRules))));
}

/** Links in one page to pages, sections and heading anchors that do not exist (or will not exist in production). */
export function checkPageLinks(doc: DocumentFacts, draft: boolean, index: PageLinkIndex): LocalProblem[] {
  const problems: LocalProblem[] = [];
  const missingAnchor = (fragment: string | undefined, target: string, line: number, href: string) => {
    if (fragment === undefined || ALWAYS_VALID_FRAGMENTS.has(fragment.toLowerCase())) return;
    const anchors = index.pages.get(target)?.anchors ?? new Set<string>();
    if (anchors.has(fragment)) return;
    const where = target === doc.file ? 'this page' : index.display(target);
    const lower = fragment.toLowerCase();
    const hint = lower !== fragment && anchors.has(lower) ? ` Heading anchors are lower case: use #${lower}.` : '';
    problems.push({
      line,
      message: `link "${href}" points to #${fragment}, which is not a heading or id on ${where} (${listAnchors(anchors)}).${hint} Fix the anchor, or add the heading it refers to.`,
    });
  };

  let refused: Set<string> | undefined;
  for (const { href, line } of doc.links) {
    const target = resolveLinkTarget(href, doc.file, index.slugRules);
    if (target.kind === 'other') continue;
    if (target.kind === 'outside') {
      problems.push({
        line,
        message: `link "${href}" points to ${path.posix.normalize(index.display(target.path))}, outside ${index.display('').replace(/\/+$/, '')}/, which the site does not publish. Link to a page inside it, or to the file on GitHub with a full https:// URL.`,
      });
      continue;
    }
    if (target.kind === 'resource') {
      if (!index.resourceIds) {
        problems.push({ line, message: `link "${href}" points to links.yaml, which does not exist. Add the resource list or remove the link.` });
      } else if (target.id !== undefined && !index.resourceIds.has(target.id)) {
        problems.push({
          line,
          message: `link "${href}" points to the resource "${target.id}", which is not an id in links.yaml. Use one of its ids (such as "${[...index.resourceIds][0] ?? 'official-docs'}") or add the resource.`,
        });
      }
      continue;
    }
    if (target.kind === 'same-page') {
      missingAnchor(target.fragment, doc.file, line, href);
      continue;
    }

    let file: string | undefined;
    if (target.kind === 'site-path') {
      const sitePath = stripBase(target.path, index.base);
      file = index.pagesByPath.get(asFolder(sitePath));
      if (!file) {
        if (index.isOtherRoute(sitePath) || index.isOtherRoute(asFolder(sitePath))) continue;
        const close = nearest(asFolder(sitePath), index.pagesByPath.keys());
        problems.push({
          line,
          message: `link "${href}" points to ${sitePath}, which is not a page or file of this site.${close ? ` Did you mean ${close}?` : ''} Fix the path (site-absolute links start at the site root: /guide/page/), or link relatively to the .md file.`,
        });
        continue;
      }
    } else if (target.kind === 'url') {
      const route = asFolder(target.path);
      const written = href.trim().replace(/[?#].*$/, '');
      if (target.aboveRoot) {
        const close = index.pagesByPath.has(route) ? route : nearest(route, index.pagesByPath.keys());
        const hint = close ? ` Did you mean ${close} ("${relativeUrlHref(target.from, close)}${target.suffix}")?` : '';
        problems.push({
          line,
          message: `link "${href}" resolves above the site root: from this page's URL ${target.from} it climbs past /, out of the site (a browser would open ${route} at the server's root, outside any base path).${hint || URL_LINK_ADVICE}`,
        });
        continue;
      }
      file = index.pagesByPath.get(route);
      if (!file) {
        if (index.isOtherRoute(target.path) || index.isOtherRoute(route)) continue;
        refused ??= refusedRoutes(index);
        if (refused.has(route)) continue;
        problems.push({
          line,
          message: `link "${href}" resolves to ${route} (from this page's URL ${target.from}), which is not a page of this site.${urlLinkHint(index, doc.file, safeDecode(written), route, target.from, target.suffix) || URL_LINK_ADVICE}`,
        });
        continue;
      }
    } else {
      if (index.pages.has(target.file)) {
        file = target.file;
      } else if (index.refused?.has(target.file)) {
        continue;
      } else {
        problems.push({
          line,
          message: `link "${href}" points to ${index.display(target.file)}, which does not exist.${fileLinkHint(index, doc.file, target.file)} Fix the path or create the page.`,
        });
        continue;
      }
    }

    const page = index.pages.get(file)!;
    if (index.production && page.draft && !draft) {
      problems.push({
        line,
        message: `link "${href}" points to ${index.display(file)}, a draft, which production builds leave out. Publish that page (remove "draft: true") or remove the link.`,
      });
      continue;
    }
    missingAnchor(target.fragment, file, line, href);
  }
  return problems;
}
