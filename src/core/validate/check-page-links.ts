import path from 'node:path';
import type { DocumentFacts } from '../content/facts.ts';
import type { LocalProblem } from './check-frontmatter.ts';
import { resolveLinkTarget, sectionIndexFiles, stripBase } from './link-target.ts';

/**
 * What the page-link check (links authors write in content, judged at build time) knows about the
 * whole site. Not to be confused with the built-site link gate (scripts/quality/built-links.ts),
 * which reads the HTML in dist/, or the external link checker (scripts/link-check/), which fetches URLs.
 */
export interface PageLinkIndex {
  /** Every content file by its path relative to the docs folder. */
  pages: Map<string, { anchors: ReadonlySet<string>; draft: boolean }>;
  /** Folders that hold at least one page, so `folder` without a slash can be told apart from a file. */
  folders: Set<string>;
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

// Browsers scroll to the top for `#top` and for an empty fragment, whether or not an element has that id.
const ALWAYS_VALID_FRAGMENTS = new Set(['', 'top']);

function listAnchors(anchors: ReadonlySet<string>): string {
  if (anchors.size === 0) return 'it has no headings';
  const shown = [...anchors].slice(0, 8).map((a) => `#${a}`);
  return `its anchors are ${shown.join(', ')}${anchors.size > 8 ? ', …' : ''}`;
}

function relativeHref(from: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), to);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** A file with the same path in another letter case: the usual cause of "works on my Mac". */
function sameNameOtherCase(index: PageLinkIndex, file: string): string | undefined {
  const lower = file.toLowerCase();
  for (const candidate of index.pages.keys()) if (candidate.toLowerCase() === lower) return candidate;
  return undefined;
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

  for (const { href, line } of doc.links) {
    const target = resolveLinkTarget(href, doc.file);
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
          message: `link "${href}" points to the resource "${target.id}", which is not an id in links.yaml. Use one of its ids (such as "${[...index.resourceIds][0] ?? 'docker-docs'}") or add the resource.`,
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
      const asFolder = sitePath.endsWith('/') || path.posix.extname(sitePath) !== '' ? sitePath : `${sitePath}/`;
      file = index.pagesByPath.get(asFolder);
      if (!file) {
        if (index.isOtherRoute(sitePath) || index.isOtherRoute(asFolder)) continue;
        problems.push({
          line,
          message: `link "${href}" points to ${sitePath}, which is not a page or file of this site. Fix the path (site-absolute links start at the site root: /guide/page/), or link relatively to the .md file.`,
        });
        continue;
      }
    } else if (target.kind === 'page') {
      if (index.pages.has(target.file)) {
        file = target.file;
      } else if (index.refused?.has(target.file)) {
        continue;
      } else {
        const other = sameNameOtherCase(index, target.file);
        const hint = other ? ` Did you mean "${relativeHref(doc.file, other)}"? File names are case-sensitive.` : '';
        problems.push({
          line,
          message: `link "${href}" points to ${index.display(target.file)}, which does not exist.${hint} Fix the path or create the page.`,
        });
        continue;
      }
    } else {
      if (!target.explicit && !index.folders.has(target.dir)) continue; // `Dockerfile`, `LICENSE`: not a page link
      file = sectionIndexFiles(target.dir).find((candidate) => index.pages.has(candidate));
      if (!file && sectionIndexFiles(target.dir).some((candidate) => index.refused?.has(candidate))) continue;
      if (!file) {
        const folder = index.display(target.dir);
        const why = index.folders.has(target.dir) ? `has no index.md landing page` : 'does not exist';
        problems.push({
          line,
          message: `link "${href}" points to the folder ${folder}/, which ${why}. Link to a page inside it, or add ${folder}/index.md.`,
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
