import type { DocumentFacts } from '../content/facts.ts';
import type { LocalProblem } from './check-frontmatter.ts';
import { checkPageLinks, type PageLinkIndex } from './check-page-links.ts';
import { resolveLinkTarget } from './link-target.ts';

const PAGE_KINDS = new Set(['page', 'url', 'site-path']);

/**
 * The frontmatter's `prerequisites` are links to other pages of the course: each is judged by the
 * page-link rules (the page and its anchor must exist, no draft in production), and anything that
 * is not a page of this site (a URL, an anchor on the page itself, the resource list) is refused.
 */
export function checkPrerequisites(facts: DocumentFacts, prerequisites: { href: string; line: number }[], draft: boolean, index: PageLinkIndex): LocalProblem[] {
  const problems: LocalProblem[] = [];
  const pageLinks: { href: string; line: number }[] = [];
  for (const link of prerequisites) {
    if (PAGE_KINDS.has(resolveLinkTarget(link.href, facts.file, index.slugRules).kind)) pageLinks.push(link);
    else problems.push({ line: link.line, message: `"${link.href}" is not a page of this site. A prerequisite is the path of another page's .md file, such as ../concepts/containers.md.` });
  }
  for (const problem of checkPageLinks({ ...facts, links: pageLinks }, draft, index)) problems.push(problem);
  return problems.map((problem) => ({ ...problem, message: `prerequisites: ${problem.message}` })).sort((a, b) => a.line - b.line);
}
