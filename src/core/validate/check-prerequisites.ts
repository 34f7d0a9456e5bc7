import type { DocumentFacts } from '../content/facts.ts';
import type { LocalProblem } from './check-frontmatter.ts';
import { checkPageLinks, type PageLinkIndex } from './check-page-links.ts';
import { resolveLinkTarget, stripBase } from './link-target.ts';

const PAGE_KINDS = new Set(['page', 'url', 'site-path']);

/**
 * The frontmatter's `prerequisites` are links to other pages of the course: each is judged by the
 * page-link rules (the page and its anchor must exist, no draft in production), and anything that
 * is not a page of this site (a URL, an anchor on the page itself, the resource list) is refused.
 */
export function checkPrerequisites(
  facts: DocumentFacts,
  prerequisites: { href: string; line: number }[],
  draft: boolean,
  index: PageLinkIndex,
): LocalProblem[] {
  const problems: LocalProblem[] = [];
  const pageLinks: { href: string; line: number }[] = [];
  for (const link of prerequisites) {
    if (PAGE_KINDS.has(resolveLinkTarget(link.href, facts.file, index.slugRules).kind)) pageLinks.push(link);
    else
      problems.push({
        line: link.line,
        message: `"${link.href}" is not a page of this site. A prerequisite is the path of another page's .md file, such as ../concepts/containers.md.`,
      });
  }
  for (const problem of checkPageLinks({ ...facts, links: pageLinks }, draft, index)) problems.push(problem);
  return problems.map((problem) => ({ ...problem, message: `prerequisites: ${problem.message}` })).sort((a, b) => a.line - b.line);
}

/** The page a prerequisite names, when it names one of the site's pages (else the link checks above report it). */
function prerequisitePage(href: string, fromFile: string, index: PageLinkIndex): string | undefined {
  const target = resolveLinkTarget(href, fromFile, index.slugRules);
  if (target.kind === 'page') return index.pages.has(target.file) ? target.file : undefined;
  if (target.kind === 'url' || target.kind === 'site-path') {
    if (target.kind === 'url' && target.aboveRoot) return undefined;
    const sitePath = target.kind === 'url' ? target.path : stripBase(target.path, index.base);
    return index.pagesByPath.get(sitePath.endsWith('/') ? sitePath : `${sitePath}/`);
  }
  return undefined;
}

/**
 * Prerequisites that lead back to the page that lists them: the page itself, or a chain
 * (a needs b, b needs a). A reader following "Before you start" would go round for ever, and the
 * course has no first lesson. Each link that closes a loop is named, at its line, with the loop.
 */
export function prerequisiteCycles(
  pages: { file: string; prerequisites: { href: string; line: number }[] }[],
  index: PageLinkIndex,
): Map<string, LocalProblem[]> {
  const edges = new Map<string, { target: string; href: string; line: number }[]>();
  for (const page of pages) {
    const targets = page.prerequisites.flatMap(({ href, line }) => {
      const target = prerequisitePage(href, page.file, index);
      return target ? [{ target, href, line }] : [];
    });
    edges.set(page.file, targets);
  }
  /** The shortest chain of prerequisites from `from` to `to`, both included, or undefined. */
  const pathBetween = (from: string, to: string): string[] | undefined => {
    const cameFrom = new Map<string, string | undefined>([[from, undefined]]);
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
      const current = queue[i]!;
      if (current === to) {
        const chain: string[] = [];
        for (let at: string | undefined = current; at !== undefined; at = cameFrom.get(at)) chain.unshift(at);
        return chain;
      }
      for (const { target } of edges.get(current) ?? []) {
        if (!cameFrom.has(target)) {
          cameFrom.set(target, current);
          queue.push(target);
        }
      }
    }
    return undefined;
  };
  const problems = new Map<string, LocalProblem[]>();
  for (const [file, targets] of edges) {
    for (const { target, href, line } of targets) {
      let message: string;
      if (target === file) message = `prerequisites: "${href}" is this page itself, so a reader could never start it. Remove it.`;
      else {
        const back = pathBetween(target, file);
        if (!back) continue;
        message = loopMessage(href, [file, ...back], index);
      }
      problems.set(file, [...(problems.get(file) ?? []), { line, message }]);
    }
  }
  return problems;
}

function loopMessage(href: string, loop: string[], index: PageLinkIndex): string {
  const chain = loop.map((file) => index.display(file)).join(' → ');
  return `prerequisites: "${href}" makes a loop (${chain}): each page waits for the other, so a reader could never start any of them. Remove the prerequisite from one of these pages.`;
}
