import { builtinModules } from 'node:module';
import path from 'node:path';
import type {} from 'remark-mdx'; // brings the MDX node types into mdast
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { PolicyProblem } from './html-policy.ts';
import { isInside } from '../paths.ts';

/**
 * MDX is code: its imports and `{expressions}` run on the build machine when the site is built, and
 * a static check of JavaScript cannot win against names built at run time (`['constr' + 'uctor']`,
 * Reflect.get, a tag name taken from an exported string). So content MDX is declarative: Markdown,
 * HTML elements GitHub keeps, imported components written literally, and props that are literal
 * data. Anything that would compute is refused with its line, before any page is evaluated.
 * Components that need logic live in the repository's own code, reviewed as code.
 *
 * `mdx.trusted: true` in the site settings turns this off for maintainers who review every MDX
 * page as code; the output gate (src/core/security/output-gate.ts) still checks what is published.
 */

export type { PolicyProblem };

export interface MdxImportRules {
  /** The page, POSIX, relative to docsDir: 'guide/page.mdx'. */
  fileFromDocsDir: string;
  /** Absolute paths. */
  docsDir: string;
  contentDir: string;
  componentsDir: string;
  /** From the site settings (`mdx.allowedImports`); see allowedImportEntryProblem for the form of an entry. */
  allowedImports: readonly string[];
  /** `mdx.trusted`: pages are full MDX, reviewed as code; nothing here is checked. */
  trusted?: boolean;
}

const BUILD_TIME = 'MDX runs as code when the site is built';
const DECLARATIVE = 'MDX pages are declarative here: nothing in them may compute';
const IMPORT_ADVICE =
  'Use a component from src/components/, a file inside content/, an astro:* module, or ask a maintainer to add the package to mdx.allowedImports in src/site.config.ts.';
// Built-ins can never be allowed (the settings refuse them), so asking a maintainer would be a dead end.
const BUILTIN_ADVICE = 'Use a component from src/components/, a file inside content/ or an astro:* module; Node built-ins cannot be allowed.';

/**
 * Named rather than `astro:*`: `astro:env/server` exports getSecret(), which reads any environment
 * variable of the build (tokens included), and Astro has internal `astro:` virtual modules nobody
 * has reviewed for this. These are the public ones with nothing of the machine in them.
 */
const ASTRO_MODULES: ReadonlySet<string> = new Set([
  'astro:assets',
  'astro:content',
  'astro:i18n',
  'astro:transitions',
  'astro:transitions/client',
  'astro:prefetch',
  'astro:env/client',
  'astro:config/client',
  'astro:schema',
]);

/**
 * What may be imported from content/. An allowlist, because Vite parses a file of a type no plugin
 * claims (`.js`, but also `.csv` or `.JSON`) as JavaScript and runs it: a script committed next to
 * the page would escape this check. Case-sensitive for the same reason.
 */
const CONTENT_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.mdx', '.json', '.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif']);
/**
 * Markdown and MDX can carry code of their own (MDX imports; a Markdown `layout:` is imported as a
 * module), which is only safe where every file is checked: the pages under docs/, minus the dot
 * folders the content checks skip.
 */
const PAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.mdx']);
/** Vite reads the file as text or as a URL with these; other queries (`?worker`, `?inline`) change how it is loaded. */
const ALLOWED_QUERIES: ReadonlySet<string> = new Set(['', '?raw', '?url']);

/** `fs`, `fs/promises`, `node:test`: every way a built-in can be named. */
function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  return builtinModules.includes(specifier) || builtinModules.includes(specifier.split('/')[0]!);
}

const PACKAGE_ENTRY = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*(?:\/[A-Za-z0-9_~@+-][A-Za-z0-9._~@+-]*)*(?:\/\*)?$/;
/** A subpath segment may not be `.` or `..` (that could climb out of the package) nor carry a query. */
const SUBPATH_SEGMENT = /^[A-Za-z0-9_~@+-][A-Za-z0-9._~@+-]*$/;

/**
 * Why an `mdx.allowedImports` entry is unacceptable, or undefined when it is fine. An entry is a
 * package import path, matched exactly (`@astrojs/starlight/components`); one ending in `/*`
 * (`@example/widgets/*`) matches every subpath below it but not the bare name itself, so a
 * package's main module and its subpaths are allowed separately.
 */
export function allowedImportEntryProblem(entry: string): string | undefined {
  if (isNodeBuiltin(entry)) {
    return 'Node built-ins cannot be allowed: they give pages the build machine; put what pages need in a component in src/components/';
  }
  if (!PACKAGE_ENTRY.test(entry)) {
    return "expected a package import path such as '@astrojs/starlight/components', or one ending in '/*' for all its subpaths";
  }
  return undefined;
}

function isAllowedPackage(specifier: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    if (!entry.endsWith('/*')) return specifier === entry;
    const prefix = entry.slice(0, -1);
    return (
      specifier.startsWith(prefix) &&
      specifier
        .slice(prefix.length)
        .split('/')
        .every((segment) => SUBPATH_SEGMENT.test(segment))
    );
  });
}

/** Strictly below `dir`: the folder itself is not a file one can import. */
const isBelow = (dir: string, target: string): boolean => isInside(dir, target, { folderItself: 'outside' });

/** Why this specifier is refused, as the end of "imports X…", or undefined when it is allowed. */
function refusal(specifier: string, rules: MdxImportRules): { detail: string; advice: string } | undefined {
  const refused = (detail = '', advice = IMPORT_ADVICE) => ({ detail, advice });

  if (isNodeBuiltin(specifier)) return refused('', BUILTIN_ADVICE);
  if (specifier.startsWith('astro:')) {
    if (ASTRO_MODULES.has(specifier)) return undefined;
    return refused(
      '',
      `The astro: modules pages may use are ${[...ASTRO_MODULES].join(', ')} (astro:env/server is not one: it reads the build's secrets).`,
    );
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(specifier)) return refused(' (a URL)');
  if (specifier.startsWith('/')) return refused(' (an absolute path)');
  if (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../')) {
    return relativeRefusal(specifier, rules);
  }
  return isAllowedPackage(specifier, rules.allowedImports) ? undefined : refused();
}

function relativeRefusal(specifier: string, rules: MdxImportRules): { detail: string; advice: string } | undefined {
  const refused = (detail: string, advice = IMPORT_ADVICE) => ({ detail, advice });
  const [, filePart = '', suffix = ''] = /^([^?#]*)(.*)$/s.exec(specifier) ?? [];
  if (!ALLOWED_QUERIES.has(suffix)) return refused(` (with ${suffix}; only ?raw and ?url may follow a file)`);
  // Backslashes are separators on Windows and %2e%2e may be decoded to `..` on the way: either could
  // make the file that is loaded differ from the one checked here.
  if (/[\\%\u0000-\u001f\u007f]/.test(filePart)) return refused(' (a backslash, % or control character in the path)');
  const lastSegment = filePart.split('/').at(-1) ?? '';
  const pageDir = path.dirname(path.resolve(rules.docsDir, rules.fileFromDocsDir));
  const target = path.resolve(pageDir, filePart);

  if (isBelow(rules.componentsDir, target)) return undefined;
  if (!isBelow(rules.contentDir, target)) return refused(' (outside content/ and src/components/)');

  // A folder (or `x.json/.`) would be resolved to an index.js inside it: name the file itself.
  const extension = lastSegment === '.' || lastSegment === '..' ? '' : path.extname(lastSegment);
  const contentAdvice = `Import only ${[...CONTENT_EXTENSIONS].join(', ')} files from content/, or use a component from src/components/.`;
  if (!CONTENT_EXTENSIONS.has(extension)) {
    return refused(' (a file type that would run as code, or a folder)', contentAdvice);
  }
  if (PAGE_EXTENSIONS.has(extension)) {
    const fromDocs = path.relative(rules.docsDir, target);
    const checked = isBelow(rules.docsDir, target) && !fromDocs.split(path.sep).some((segment) => segment.startsWith('.'));
    if (!checked) {
      return refused(
        ' (a Markdown or MDX file outside the checked pages in content/docs/, whose own code would run unchecked)',
        'Move it into content/docs/, outside any folder whose name starts with a dot.',
      );
    }
  }
  return undefined;
}

function importMessage(verb: string, specifier: string, rules: MdxImportRules): string | undefined {
  const why = refusal(specifier, rules);
  if (!why) return undefined;
  return `${verb} ${specifier}${why.detail}, which MDX pages may not import (${BUILD_TIME}). ${why.advice}`;
}

// ---- the declarative rule ---------------------------------------------------------------------

/** Just enough of an ESTree node to read the shapes the rule allows; anything else is refused by type. */
interface EsNode {
  type: string;
  loc?: { start: { line: number } } | null;
  [key: string]: unknown;
}

function isEsNode(value: unknown): value is EsNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Names Astro's MDX integration reads from a page's exports: `components` maps HTML elements to
 * anything (`{ p: 'script' }` would turn every paragraph into a script), the rest replace what
 * Astro generates for the page.
 */
const RESERVED_EXPORTS: ReadonlySet<string> = new Set(['components', 'frontmatter', 'url', 'file', 'getHeadings', 'Content', 'default']);

/** Astro puts Fragment in scope of every MDX page; it renders its children and nothing else (set:html is refused with the attributes). */
const BUILT_IN_COMPONENTS: ReadonlySet<string> = new Set(['Fragment']);

/** Attribute name prefixes that are Astro directives: `client:load` ships a script, `set:html` raw HTML, `is:raw` skips escaping. */
const DIRECTIVE = /^(client|server|set|is|define|class|transition):/;

const LITERAL_ADVICE = 'Write the value itself: "text", a number, true/false, or [ … ] and { … } of those.';

/**
 * A human name for what an expression does, for "… computes (a call)". Every expression that is
 * not literal data gets one; the list only picks the words.
 */
function describeExpression(node: EsNode): string {
  switch (node.type) {
    case 'Identifier':
      return `it reads the variable ${String(node.name)}`;
    case 'MemberExpression': {
      let object = node.object as EsNode;
      while (object.type === 'MemberExpression') object = object.object as EsNode;
      return object.type === 'MetaProperty' ? 'it reads import.meta' : 'it reads a property, as in a.b or a[b]';
    }
    case 'CallExpression':
    case 'NewExpression':
      return 'it calls a function';
    case 'TemplateLiteral':
    case 'TaggedTemplateExpression':
      return 'it is a template literal';
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return 'it defines a function';
    case 'BinaryExpression':
    case 'LogicalExpression':
    case 'UnaryExpression':
    case 'ConditionalExpression':
    case 'UpdateExpression':
      return 'it computes a value with an operator';
    case 'AssignmentExpression':
      return 'it assigns a variable';
    case 'SpreadElement':
      return 'it spreads a value with ...';
    case 'ImportExpression':
      return 'it imports a module with import()';
    case 'MetaProperty':
      return 'it reads import.meta';
    case 'JSXElement':
    case 'JSXFragment':
      return 'it is JSX inside an expression';
    default:
      return `it is JavaScript (${node.type})`;
  }
}

/**
 * The first part of `node` that is not literal data, or undefined when all of it is: strings,
 * numbers, booleans, null, a minus sign on a number, and arrays and objects of those with plain
 * keys. No holes, spreads, getters, methods, computed or shorthand keys.
 */
function nonLiteral(node: EsNode): EsNode | undefined {
  switch (node.type) {
    case 'Literal':
      // A regular expression or BigInt literal is an object or a type JSX does not render; neither is data here.
      return 'regex' in node || 'bigint' in node ? node : undefined;
    case 'UnaryExpression': {
      const argument = node.argument;
      return node.operator === '-' && isEsNode(argument) && argument.type === 'Literal' && typeof argument.value === 'number' ? undefined : node;
    }
    case 'ArrayExpression': {
      for (const element of node.elements as unknown[]) {
        if (!isEsNode(element)) return node; // a hole: [1, , 2]
        const found = nonLiteral(element);
        if (found) return found;
      }
      return undefined;
    }
    case 'ObjectExpression': {
      for (const property of node.properties as EsNode[]) {
        if (property.type !== 'Property') return property;
        const key = property.key as EsNode;
        if (property.computed || property.method || property.shorthand || property.kind !== 'init') return property;
        if (key.type !== 'Identifier' && !(key.type === 'Literal' && typeof key.value === 'string')) return property;
        if (key.type === 'Identifier' ? key.name === '__proto__' : key.value === '__proto__') return property;
        const found = nonLiteral(property.value as EsNode);
        if (found) return found;
      }
      return undefined;
    }
    default:
      return node;
  }
}

/** The single expression of an MDX expression or attribute program; null for `{/* a comment *\/}`; 'other' for anything else. */
function onlyExpression(program: unknown): EsNode | null | 'other' {
  if (!isEsNode(program) || program.type !== 'Program') return 'other';
  const body = program.body as EsNode[];
  if (body.length === 0) return null;
  const [statement] = body;
  return body.length === 1 && statement!.type === 'ExpressionStatement' ? (statement!.expression as EsNode) : 'other';
}

type Report = (line: number, message: string) => void;

interface Bindings {
  /** Names an import brought in: the only names a tag may use. */
  imported: Set<string>;
  /** Names an `export const` binds: data, never a tag. */
  exported: Set<string>;
}

function checkEsm(
  node: { position?: { start: { line: number } }; data?: { estree?: unknown } },
  rules: MdxImportRules,
  bindings: Bindings,
  report: Report,
): void {
  const fallback = node.position?.start.line ?? 1;
  const program = node.data?.estree;
  if (!isEsNode(program)) {
    report(fallback, UNCHECKED);
    return;
  }
  for (const statement of program.body as EsNode[]) {
    const line = statement.loc?.start.line ?? fallback;
    if (statement.type === 'ImportDeclaration') checkImport(statement, line, rules, bindings, report);
    else if (statement.type === 'ExportNamedDeclaration' && !statement.source && isEsNode(statement.declaration))
      checkExport(statement.declaration, line, bindings, report);
    else if (
      typeof (statement.source as EsNode | undefined)?.value === 'string' &&
      importMessage('re-exports from', String((statement.source as EsNode).value), rules)
    ) {
      report(line, importMessage('re-exports from', String((statement.source as EsNode).value), rules)!);
    } else {
      const what =
        statement.type === 'ExportDefaultDeclaration'
          ? 'export default'
          : statement.type.startsWith('Export')
            ? 're-exports or exports a name'
            : 'has a statement';
      report(
        line,
        `${what}, which MDX pages may not (${DECLARATIVE}). Only \`import Name from '…'\` of a component and \`export const name = <literal data>\` are allowed.`,
      );
    }
  }
}

function checkImport(statement: EsNode, line: number, rules: MdxImportRules, bindings: Bindings, report: Report): void {
  const source = statement.source as EsNode;
  const specifier = typeof source.value === 'string' ? source.value : '';
  const message = importMessage('imports', specifier, rules);
  if (message) {
    report(source.loc?.start.line ?? line, message); // the line of the specifier, in a multi-line import
    return;
  }
  // Content files other than pages are data (an image, JSON, text): their value could only be used
  // in an expression, and expressions are refused; an SVG would even become inline markup.
  if (isRelative(specifier)) {
    const target = path.resolve(path.dirname(path.resolve(rules.docsDir, rules.fileFromDocsDir)), specifier);
    if (!isBelow(rules.componentsDir, target) && !/^[^?#]*\.mdx?$/.test(specifier)) {
      report(
        line,
        `imports ${specifier}, which is data rather than a component; MDX pages use imports only as tags (<Name />). Show an image with Markdown instead: ![what it shows](./image.png), and write text into the page.`,
      );
      return;
    }
  }
  for (const imported of statement.specifiers as EsNode[]) {
    const local = String((imported.local as EsNode).name);
    if (imported.type === 'ImportNamespaceSpecifier') {
      report(
        line,
        `imports * as ${local}, whose parts could only be used as <${local}.Name>, a tag MDX pages may not compute. Import each component by name: import { Name } from '${specifier}'.`,
      );
      continue;
    }
    bindings.imported.add(local);
  }
}

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

function checkExport(declaration: EsNode, line: number, bindings: Bindings, report: Report): void {
  if (declaration.type !== 'VariableDeclaration') {
    report(
      line,
      `exports a ${declaration.type === 'FunctionDeclaration' ? 'function' : declaration.type === 'ClassDeclaration' ? 'class' : 'declaration'}, which MDX pages may not (${DECLARATIVE}). Only \`export const name = <literal data>\` is allowed; put logic in a component in src/components/.`,
    );
    return;
  }
  for (const declarator of declaration.declarations as EsNode[]) {
    const at = declarator.loc?.start.line ?? line;
    const id = declarator.id as EsNode;
    if (id.type !== 'Identifier') {
      report(at, `exports a destructured name, which MDX pages may not (${DECLARATIVE}). Write \`export const name = <literal data>\`.`);
      continue;
    }
    const name = String(id.name);
    bindings.exported.add(name);
    if (RESERVED_EXPORTS.has(name)) {
      report(at, `exports ${name}, a name Astro reads to render the page (\`components\` would swap HTML elements for anything). Rename it.`);
      continue;
    }
    const init = declarator.init;
    const found = isEsNode(init) ? nonLiteral(init) : declarator;
    if (found)
      report(
        found.loc?.start.line ?? at,
        `exports ${name} with a value that is not literal data: ${describeExpression(found)} (${DECLARATIVE}). ${LITERAL_ADVICE}`,
      );
  }
}

/** `{…}` in the text: a comment, or a literal (`{'{'}` is how MDX writes a brace), and nothing else. */
function checkExpression(node: { position?: { start: { line: number } }; value: string; data?: { estree?: unknown } }, report: Report): void {
  const line = node.position?.start.line ?? 1;
  const expression = onlyExpression(node.data?.estree);
  if (expression === null) return;
  if (expression !== 'other' && expression.type === 'Literal' && !('regex' in expression) && !('bigint' in expression)) return;
  const why = expression === 'other' ? 'it is JavaScript' : describeExpression(expression);
  report(
    expression !== 'other' ? (expression.loc?.start.line ?? line) : line,
    `has the expression {${shortCode(node.value)}}, which MDX pages may not use: ${why} (${DECLARATIVE}). Write the text itself; to show a brace, write \\{.`,
  );
}

function shortCode(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 37)}…` : flat;
}

type JsxNode = Extract<RootContent, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

function checkJsx(node: JsxNode, bindings: Bindings, report: Report): void {
  const line = node.position?.start.line ?? 1;
  const name = node.name;
  const isHtml = name !== null && /^[a-z]/.test(name) && !/[.:]/.test(name);
  if (name !== null && !isHtml) {
    const problem = tagProblem(name, bindings);
    if (problem) report(line, problem);
  }
  // Lower-case names are HTML elements: the HTML policy (checkJsxElement, run by the facts) judges them.
  for (const attribute of node.attributes) {
    const at = attribute.position?.start.line ?? line;
    if (attribute.type === 'mdxJsxExpressionAttribute') continue; // the facts refuse every spread, in trusted mode too
    if (DIRECTIVE.test(attribute.name) && !/^set:html$/.test(attribute.name)) {
      report(
        at,
        `<${name}> has ${attribute.name}, an Astro directive (scripts, raw HTML or unescaped text), which MDX pages may not use. Remove it.`,
      );
      continue;
    }
    const value = attribute.value;
    if (value === null || value === undefined || typeof value === 'string') continue;
    if (isHtml) {
      // HTML attributes are text on the page: a plain string is what GitHub and the HTML policy read.
      report(
        at,
        `<${name} ${attribute.name}={${shortCode(value.value)}}> gives an HTML attribute an expression, which MDX pages may not use (${DECLARATIVE}). Write it as a plain string: ${attribute.name}="…".`,
      );
      continue;
    }
    const expression = onlyExpression(value.data?.estree);
    if (expression === 'other' || expression === null) {
      report(at, `<${name} ${attribute.name}={${shortCode(value.value)}}> is not a single value (${DECLARATIVE}). ${LITERAL_ADVICE}`);
      continue;
    }
    const found = nonLiteral(expression);
    if (found)
      report(
        found.loc?.start.line ?? at,
        `<${name} ${attribute.name}={${shortCode(value.value)}}> is not literal data: ${describeExpression(found)} (${DECLARATIVE}). ${LITERAL_ADVICE}`,
      );
  }
}

/** Why a component tag is refused, or undefined for an imported component written literally. */
function tagProblem(name: string, bindings: Bindings): string | undefined {
  if (name.includes('.') || name.includes(':')) {
    return `uses the tag <${name}>, whose element is computed from a value, which MDX pages may not do (${DECLARATIVE}). Import the component by name and write <Name />.`;
  }
  if (bindings.exported.has(name) && !bindings.imported.has(name)) {
    return `uses the tag <${name}>, whose element comes from \`export const ${name}\`: a tag MDX pages may not compute (it could be any element, <script> included). Write the HTML element itself (e.g. <img>), or import a component.`;
  }
  if (bindings.imported.has(name) || BUILT_IN_COMPONENTS.has(name)) return undefined;
  if (/^[a-z]/.test(name)) return undefined;
  return `uses the component <${name}>, which the page does not import. Import it (from src/components/ or a package on mdx.allowedImports), or write an HTML element.`;
}

const UNCHECKED =
  'has JavaScript that could not be checked (the parser attached no syntax tree to it), and MDX runs as code when the site is built. Parse MDX with remark-mdx, which attaches one.';

/**
 * Everything in one MDX page that is not declarative, sorted by line; nothing in trusted mode.
 * Imports come first in the walk: a tag is only known to be a component once its import is seen,
 * and MDX allows imports anywhere in the page.
 */
export function checkMdxTree(tree: Root, rules: MdxImportRules): PolicyProblem[] {
  if (rules.trusted) return [];
  const problems: PolicyProblem[] = [];
  const seen = new Set<string>();
  const report: Report = (line, message) => {
    const id = `${line}\n${message}`;
    if (seen.has(id)) return;
    seen.add(id);
    problems.push({ line, message });
  };
  const bindings: Bindings = { imported: new Set(), exported: new Set() };
  visit(tree, 'mdxjsEsm', (node) => checkEsm(node, rules, bindings, report));
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        checkExpression(node, report);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkJsx(node, bindings, report);
        break;
      default:
        break;
    }
  });
  return problems.sort((a, b) => a.line - b.line);
}
