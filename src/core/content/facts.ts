import GithubSlugger from 'github-slugger';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes, Parents, Root } from 'mdast';
import type {} from 'remark-mdx'; // brings the MDX node types into mdast
import type {} from 'mdast-util-directive'; // and the directive ones
import { ASIDE_NAMES, directiveProblems, isAsideName } from './directives.ts';
import { visit } from 'unist-util-visit';
import { checkJsxElement, checkRawHtml, checkUrl, type PolicyProblem } from '../security/html-policy.ts';
import { knowledgeCheckProblems } from './knowledge-check.ts';
import { layoutIdProblem } from './layout-ids.ts';
import { lessonAnnotationProblems } from '../lessons/steps.ts';
import { checkMdxTree, type MdxImportRules } from '../security/mdx-policy.ts';

/**
 * The one Markdown facts extractor. The rendering pipeline runs it on the tree it is about to turn
 * into HTML (src/plugins/remark-record-facts.ts); the validator, the dev server and the external
 * link checker read the facts it records, so what is checked is what is published.
 */

export interface LinkFact {
  href: string;
  line: number;
}

export interface ImageFact {
  src: string;
  /** undefined when the attribute is missing altogether (`<img src>`). */
  alt: string | undefined;
  line: number;
  /** How it was written, so the advice shows the author's own syntax. */
  syntax: 'markdown' | 'html';
}

/** Everything the checks need from one page. Plain data: it is cached on disk between builds. */
export interface DocumentFacts {
  /** POSIX path relative to the docs folder: `vms/hypervisors.md`. */
  file: string;
  /** Ids a `#fragment` can land on: GitHub heading slugs (with -1, -2 for repeats) and explicit ids. */
  anchors: string[];
  /** Links as written: Markdown links and definitions, `href` on HTML and JSX elements. */
  links: LinkFact[];
  /** Images: Markdown images (inline and by reference), `<img src>` in HTML and JSX. */
  images: ImageFact[];
  /** Other URLs a page loads (`src` on `<video>`, `<source>`, components): the link checker wants them. */
  sources: LinkFact[];
  /** What an .mdx page imports (`import x from './data.json'`): relative ones must exist. */
  imports: LinkFact[];
  /** What the page itself breaks: author HTML beyond GitHub's, unsafe URL schemes, MDX imports, nesting. */
  problems: PolicyProblem[];
}

export interface CollectFactsOptions {
  /** POSIX path relative to the docs folder. */
  file: string;
  format: 'md' | 'mdx';
  /** Lines the tree's positions are off by (Astro hands `.md` bodies over without their frontmatter). */
  lineOffset: number;
  /** For `.mdx` pages: which imports are allowed. Without it, imports are not judged (the link checker). */
  mdx?: Omit<MdxImportRules, 'fileFromDocsDir'>;
  /** The requirement names `needs=` may use (the site's lessonRequirements). Without it, they are not judged (the link checker). */
  lessonRequirements?: readonly string[];
}

/**
 * Deeper than this and the renderer's recursive tree walks run out of stack; no real page comes close
 * (ten levels of lists inside quotes is already unreadable).
 */
export const MAX_NESTING_DEPTH = 200;

export const NESTING_ADVICE = `is nested more than ${MAX_NESTING_DEPTH} levels deep (blockquotes, lists or HTML inside each other). Flatten the structure.`;

/** Depth of the deepest node, walked with an explicit stack so that a hostile tree cannot overflow it. */
function treeDepth(tree: Root, limit: number): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    if ('children' in node) for (const child of (node as Parents).children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The text rehype-slug slugs: text and code, not raw HTML tags or image alt text, as on GitHub. */
function headingText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  return 'children' in node ? node.children.map((child) => headingText(child as Nodes)).join('') : '';
}

function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : undefined;
}

// Most raw HTML (comments, closing tags, <details>) holds no URL or id: skip the HTML parser for it.
const HTML_WITH_FACTS = /\b(id|name|href|src)\s*=/i;

/** Walks one page's mdast and collects its facts. Pure: no file system, no clock. */
export function collectFacts(tree: Root, options: CollectFactsOptions): DocumentFacts {
  const facts: DocumentFacts = { file: options.file, anchors: [], links: [], images: [], sources: [], imports: [], problems: [] };
  const lineOf = (node: { position?: { start: { line: number } } }): number => (node.position?.start.line ?? 1) + options.lineOffset;

  if (treeDepth(tree, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH) {
    facts.problems.push({ line: 1 + options.lineOffset, message: NESTING_ADVICE });
    return facts;
  }

  const anchors = new Set<string>();
  const slugger = new GithubSlugger();
  // Definitions may come after the image references that use them: resolve those after the walk.
  const definitions = new Map<string, string>();
  const imageReferences: { identifier: string; alt: string; line: number }[] = [];

  visit(tree, (node) => {
    switch (node.type) {
      case 'heading': {
        const slug = slugger.slug(headingText(node));
        anchors.add(slug);
        const clash = layoutIdProblem(slug, headingText(node).trim());
        if (clash) facts.problems.push({ line: lineOf(node), message: clash });
        break;
      }
      case 'definition':
        definitions.set(node.identifier, node.url);
        facts.links.push({ href: node.url, line: lineOf(node) });
        addUrlProblem(facts, checkUrl(node.url, 'href', lineOf(node), 'link'));
        break;
      case 'link':
        facts.links.push({ href: node.url, line: lineOf(node) });
        addUrlProblem(facts, checkUrl(node.url, 'href', lineOf(node), 'link'));
        break;
      case 'image':
        facts.images.push({ src: node.url, alt: node.alt ?? '', line: lineOf(node), syntax: 'markdown' });
        addUrlProblem(facts, checkUrl(node.url, 'src', lineOf(node), 'image'));
        break;
      case 'imageReference':
        imageReferences.push({ identifier: node.identifier, alt: node.alt ?? '', line: lineOf(node) });
        break;
      case 'html':
        collectHtml(node.value, lineOf(node), facts, anchors);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        collectJsx(node, lineOf(node), facts, anchors);
        break;
      case 'containerDirective':
        if (!isAsideName(node.name)) facts.problems.push({ line: lineOf(node), message: unknownAside(`:::${node.name}`) });
        break;
      case 'leafDirective':
        facts.problems.push({ line: lineOf(node), message: unknownAside(`::${node.name}`) });
        break;
      case 'mdxjsEsm':
        for (const statement of node.data?.estree?.body ?? []) {
          const source = 'source' in statement ? statement.source : undefined;
          // MDX's estree carries file lines already (frontmatter included), so no offset applies.
          if (source && typeof source.value === 'string') facts.imports.push({ href: source.value, line: statement.loc?.start.line ?? lineOf(node) });
        }
        break;
    }
  });
  for (const reference of imageReferences) {
    const src = definitions.get(reference.identifier);
    if (src !== undefined) facts.images.push({ src, alt: reference.alt, line: reference.line, syntax: 'markdown' });
  }
  for (const problem of [...knowledgeCheckProblems(tree), ...directiveProblems(tree)])
    facts.problems.push({ line: problem.line + options.lineOffset, message: problem.message });
  facts.problems.push(...lessonAnnotationProblems(tree, options.lineOffset, options.lessonRequirements));
  if (options.format === 'mdx' && options.mdx) {
    const shift = (problem: PolicyProblem) => ({ ...problem, line: problem.line + options.lineOffset });
    facts.problems.push(...checkMdxTree(tree, { ...options.mdx, fileFromDocsDir: options.file }).map(shift));
  }
  facts.anchors = [...anchors];
  facts.problems.sort((a, b) => a.line - b.line);
  return facts;
}

function unknownAside(written: string): string {
  const names = ASIDE_NAMES.map((name) => `:::${name}`).join(', ');
  return `"${written}" is not an aside this site knows, so it would not render. Use one of ${names}; to show the colons as text, write \\${written.slice(0, 1)}${written.slice(1)}.`;
}

function addUrlProblem(facts: DocumentFacts, problem: PolicyProblem | undefined): void {
  if (problem) facts.problems.push(problem);
}

function collectHtml(html: string, line: number, facts: DocumentFacts, anchors: Set<string>): void {
  facts.problems.push(...checkRawHtml(html, line));
  if (!HTML_WITH_FACTS.test(html)) return;
  // verbose: each attribute keeps its own position, so a link in multi-line HTML gets its own line.
  const tree: HastRoot = fromHtml(html, { fragment: true, verbose: true });
  visit(tree, 'element', (element) => {
    const elementLine = element.position?.start.line ?? 1;
    const attributeLines = (element.data as { position?: { properties?: Record<string, { start: { line: number } } | undefined> } } | undefined)
      ?.position?.properties;
    const lineOfAttribute = (name: string) => line + (attributeLines?.[name]?.start.line ?? elementLine) - 1;
    const id = stringProperty(element, 'id');
    if (id) anchors.add(id);
    const name = element.tagName === 'a' ? stringProperty(element, 'name') : undefined;
    if (name) anchors.add(name);
    const href = stringProperty(element, 'href');
    if (href !== undefined) {
      facts.links.push({ href, line: lineOfAttribute('href') });
      refuseUnrewrittenPath(facts, element.tagName, 'href', href, lineOfAttribute('href'));
    }
    const src = stringProperty(element, 'src');
    if (src === undefined) return;
    if (element.tagName === 'img') facts.images.push({ src, alt: stringProperty(element, 'alt'), line: lineOfAttribute('src'), syntax: 'html' });
    else facts.sources.push({ href: src, line: lineOfAttribute('src') });
    refuseUnrewrittenPath(facts, element.tagName, 'src', src, lineOfAttribute('src'));
  });
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Paths in raw HTML reach the page untouched: `./page.md` is not turned into the page's URL, an
 * image beside the page is not copied into the site, and `/path/` does not get the base path. They
 * would work in GitHub's preview and break on the site, so they are refused with the Markdown that
 * does work in both places.
 */
function refuseUnrewrittenPath(facts: DocumentFacts, tag: string, attribute: 'href' | 'src', url: string, line: number): void {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || HAS_SCHEME.test(trimmed)) return;
  const instead = tag === 'img' ? `![what it shows](${trimmed})` : attribute === 'href' ? `[text](${trimmed})` : 'a Markdown image or link';
  facts.problems.push({
    line,
    message: `<${tag} ${attribute}="${trimmed}"> in raw HTML points at a path, which the site cannot rewrite inside HTML (it would break on the published site). Write it as Markdown instead: ${instead}.`,
  });
}

type JsxElement = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

/** Attributes whose value is a URL the browser follows or loads. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'background', 'data', 'xlink:href', 'xlinkHref']);
/** Ways to put unescaped HTML into the page from JSX: Astro's directive and React's prop. */
const RAW_HTML_PROPS = new Set(['set:html', 'dangerouslySetInnerHTML']);

/** The string a JSX attribute expression always evaluates to (`{'x'}`, `{`x`}`), if it is that simple. */
function constantString(attribute: Extract<JsxElement['attributes'][number], { type: 'mdxJsxAttribute' }>): string | undefined {
  const value = attribute.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const program = value.data?.estree;
  const statement = program?.body[0];
  if (statement?.type !== 'ExpressionStatement') return undefined;
  const expression = statement.expression;
  if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) return expression.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function collectJsx(node: JsxElement, line: number, facts: DocumentFacts, anchors: Set<string>): void {
  const lineOfNode = (position: { start: { line: number } } | undefined) =>
    position ? line + position.start.line - (node.position?.start.line ?? position.start.line) : line;
  const isHtmlElement = !!node.name && /^[a-z]/.test(node.name) && !node.name.includes('.');
  for (const attribute of node.attributes) {
    const at = lineOfNode(attribute.position);
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      // `{...props}` can carry event handlers or set:html past every check below.
      facts.problems.push({
        line: at,
        message: `<${node.name ?? ''}> spreads attributes ({...}), which cannot be checked. Write each attribute out.`,
      });
      continue;
    }
    if (RAW_HTML_PROPS.has(attribute.name)) {
      facts.problems.push({
        line: at,
        message: `<${node.name ?? ''}> uses ${attribute.name}, which puts unchecked HTML into the page. Write the content as Markdown instead.`,
      });
      continue;
    }
    if (!isHtmlElement && (attribute.name === 'href' || attribute.name === 'src')) {
      // A component passes href/src on to an element: a written-out javascript: URL is refused there too.
      const written = typeof attribute.value === 'string' ? attribute.value : constantString(attribute);
      if (written !== undefined) addUrlProblem(facts, checkUrl(written, attribute.name, at, attribute.name === 'href' ? 'link' : 'URL'));
      continue;
    }
    if (isHtmlElement && URL_ATTRIBUTES.has(attribute.name) && typeof attribute.value === 'object' && attribute.value !== null) {
      const constant = constantString(attribute);
      if (constant === undefined) {
        facts.problems.push({
          line: at,
          message: `<${node.name}> computes its ${attribute.name} with an expression, so the URL cannot be checked. Write it as a plain string: ${attribute.name}="https://…".`,
        });
      } else {
        addUrlProblem(facts, checkUrl(constant, attribute.name === 'href' ? 'href' : 'src', at, attribute.name === 'href' ? 'link' : 'URL'));
      }
    }
  }
  const attributes = node.attributes.flatMap((attribute) =>
    attribute.type === 'mdxJsxAttribute'
      ? [
          {
            name: attribute.name,
            value: typeof attribute.value === 'string' ? attribute.value : attribute.value ? null : undefined,
            expression: typeof attribute.value === 'object' && attribute.value !== null,
            line: lineOfNode(attribute.position),
          },
        ]
      : [],
  );
  if (node.name) facts.problems.push(...checkJsxElement(node.name, attributes, line));
  const literal = (name: string) =>
    attributes.find((attribute) => attribute.name === name && typeof attribute.value === 'string')?.value ?? undefined;

  const id = literal('id');
  if (id) anchors.add(id);
  const lineOf = (name: string) => attributes.find((attribute) => attribute.name === name)?.line ?? line;
  const href = literal('href');
  if (href !== undefined) facts.links.push({ href, line: lineOf('href') });
  const src = literal('src');
  if (node.name === 'img') {
    if (src === undefined) return; // src={import}: a JavaScript value we cannot see
    const alt = attributes.find((attribute) => attribute.name === 'alt');
    // alt={expression}: the author computes it; trust that it is there.
    const altValue = alt === undefined ? undefined : typeof alt.value === 'string' ? alt.value : 'expression';
    facts.images.push({ src, alt: altValue, line, syntax: 'html' });
  } else if (src !== undefined) {
    facts.sources.push({ href: src, line: lineOf('src') });
  }
}
