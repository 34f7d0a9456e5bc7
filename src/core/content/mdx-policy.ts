import { builtinModules } from 'node:module';
import path from 'node:path';
import type {} from 'remark-mdx'; // brings the MDX node types into mdast
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { PolicyProblem } from './html-policy.ts';

/**
 * MDX is code: its imports and `{expressions}` run on the build machine when the site is built, so
 * a page from a stranger's pull request could otherwise read any file or variable of that machine
 * and publish it. This check keeps pages to our components, their own content files and a few
 * named modules, and refuses the usual ways to reach the machine without an import.
 *
 * It is a static check of a language that cannot be fully checked statically: it stops the direct
 * routes and the well-known tricks, not a determined attacker who builds names at run time. Builds
 * of untrusted pull requests still need to run without secrets.
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
}

const BUILD_TIME = 'MDX runs as code when the site is built';
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

/** Why each global is refused, after "MDX runs as code when the site is built, and …". */
const GLOBAL_REASONS: ReadonlyMap<string, string> = new Map([
  ['process', "process holds the build machine's environment and can start programs"],
  ['globalThis', 'globalThis leads to process and the other globals of the build machine'],
  ['global', 'global leads to process and the other globals of the build machine'],
  ['Buffer', 'Buffer is a Node API of the build machine'],
  ['eval', 'eval runs code this check cannot see'],
  ['Function', 'Function runs code this check cannot see'],
  ['require', 'require can load any module'],
  // Not in the brief's list, but as direct a route off the machine: a page could read internal
  // services (cloud metadata, the CI network) at build time and publish the answer.
  ['fetch', 'fetch reaches the network from the build machine'],
  ['WebSocket', 'WebSocket reaches the network from the build machine'],
]);
/** The dev server runs a page inside a function whose parameters are these loaders, import() among them. */
const VITE_SSR_PREFIX = '__vite_ssr_';
/** `(() => {}).constructor` is Function: the classic way to run code without naming anything above. */
const DANGEROUS_PROPERTIES: ReadonlySet<string> = new Set(['constructor', '__proto__']);

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
    return specifier.startsWith(prefix) && specifier.slice(prefix.length).split('/').every((segment) => SUBPATH_SEGMENT.test(segment));
  });
}

/** Strictly below `dir`: the folder itself is not a file one can import. */
function isInside(dir: string, target: string): boolean {
  const relative = path.relative(dir, target);
  return relative !== '' && !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}

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

  if (isInside(rules.componentsDir, target)) return undefined;
  if (!isInside(rules.contentDir, target)) return refused(' (outside content/ and src/components/)');

  // A folder (or `x.json/.`) would be resolved to an index.js inside it: name the file itself.
  const extension = lastSegment === '.' || lastSegment === '..' ? '' : path.extname(lastSegment);
  const contentAdvice = `Import only ${[...CONTENT_EXTENSIONS].join(', ')} files from content/, or use a component from src/components/.`;
  if (!CONTENT_EXTENSIONS.has(extension)) {
    return refused(' (a file type that would run as code, or a folder)', contentAdvice);
  }
  if (PAGE_EXTENSIONS.has(extension)) {
    const fromDocs = path.relative(rules.docsDir, target);
    const checked = isInside(rules.docsDir, target) && !fromDocs.split(path.sep).some((segment) => segment.startsWith('.'));
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

function useMessage(what: string, reason: string, advice: string): string {
  return `uses ${what}, which MDX pages may not use (${BUILD_TIME}, and ${reason}). ${advice}`;
}

const GLOBAL_ADVICE =
  'Remove it, or rename it if it is your own variable; if the page needs something from the build, ask a maintainer for a component in src/components/.';

// ---- walking the JavaScript -------------------------------------------------------------------

/** Just enough of an ESTree node to walk any of them; the checks narrow by `type`. */
interface EsNode {
  type: string;
  loc?: { start: { line: number } } | null;
  [key: string]: unknown;
}

function isEsNode(value: unknown): value is EsNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Depth-first over every node, with the parent and the key the node hangs from (an Identifier is a
 * reference or a mere name depending on those). A hand-written walk: the estree walkers in
 * node_modules come from MDX's own dependencies, not ours.
 */
function walk(node: EsNode, enter: (node: EsNode, parent: EsNode | undefined, key: string | undefined) => 'skip' | void, parent?: EsNode, key?: string): void {
  if (enter(node, parent, key) === 'skip') return;
  for (const [childKey, value] of Object.entries(node)) {
    if (childKey === 'loc' || childKey === 'range' || childKey === 'comments') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isEsNode(item)) walk(item, enter, node, childKey);
    } else if (isEsNode(value)) {
      walk(value, enter, node, childKey);
    }
  }
}

/** Identifiers that name a property, label or export rather than read a variable. */
function isMereName(parent: EsNode | undefined, key: string | undefined): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case 'MemberExpression':
      return key === 'property' && !parent.computed;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return key === 'key' && !parent.computed;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key === 'label';
    case 'ImportSpecifier':
      return key === 'imported';
    case 'ExportSpecifier':
      return key === 'exported';
    case 'MetaProperty':
      return true;
    default:
      return false;
  }
}

function stringValue(node: unknown): string | undefined {
  return isEsNode(node) && node.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
}

function propertyName(member: EsNode): string | undefined {
  const property = member.property;
  if (!member.computed) return isEsNode(property) && property.type === 'Identifier' ? (property.name as string) : undefined;
  return stringValue(property);
}

/**
 * Checks one program MDX attached (ESM block, expression or attribute). Locally declared names
 * such as `const process = 1` are reported too: following scopes would add code whose mistakes
 * become bypasses, and renaming the variable costs the author nothing.
 */
function checkProgram(program: EsNode, fallbackLine: number, rules: MdxImportRules, report: (line: number, message: string) => void): void {
  const lineOf = (node: EsNode) => node.loc?.start.line ?? fallbackLine;

  walk(program, (node, parent, key) => {
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration': {
        const source = node.source;
        const specifier = stringValue(source);
        if (specifier !== undefined) {
          const verb = node.type === 'ImportDeclaration' ? 'imports' : 're-exports from';
          const message = importMessage(verb, specifier, rules);
          if (message) report(lineOf(source as EsNode), message);
          // `export { process } from '…'` names the other module's export, not the global.
          if (node.type !== 'ImportDeclaration') return 'skip';
        }
        return;
      }
      case 'ImportExpression': {
        const specifier = stringValue(node.source);
        const what = specifier === undefined ? 'import(…)' : `import('${specifier}')`;
        report(
          lineOf(node),
          useMessage(what, 'import() can load any module', 'Use a static import at the top of the page instead, of a component from src/components/, a file inside content/ or an astro:* module.'),
        );
        return;
      }
      case 'MetaProperty': {
        const meta = node.meta;
        if (isEsNode(meta) && meta.name === 'import') {
          report(lineOf(node), useMessage('import.meta', "import.meta exposes the build's environment and file paths", 'Remove it; if the page needs something from the build, ask a maintainer for a component in src/components/.'));
        }
        return;
      }
      case 'MemberExpression': {
        const name = propertyName(node);
        if (name !== undefined && DANGEROUS_PROPERTIES.has(name)) {
          report(lineOf(node), useMessage(`.${name}`, `${name} leads to Function, which runs code this check cannot see`, 'Remove it.'));
        }
        return;
      }
      case 'Identifier': {
        const name = node.name as string;
        const reason = GLOBAL_REASONS.get(name) ?? (name.startsWith(VITE_SSR_PREFIX) ? `${name} is the dev server's module loader` : undefined);
        if (reason === undefined || isMereName(parent, key)) return;
        let what = name;
        // require('x') says which module it was after; other calls' arguments add nothing.
        if (name === 'require' && parent?.type === 'CallExpression' && key === 'callee') {
          const argument = Array.isArray(parent.arguments) ? stringValue(parent.arguments[0]) : undefined;
          if (argument !== undefined) what = `${name}('${argument}')`;
        }
        report(lineOf(node), useMessage(what, reason, GLOBAL_ADVICE));
        return;
      }
      default:
        return;
    }
  });
}

const UNCHECKED =
  'has JavaScript that could not be checked (the parser attached no syntax tree to it), and MDX runs as code when the site is built. Parse MDX with remark-mdx, which attaches one.';

/** Every import and expression of one MDX page that could reach the build machine, sorted by line. */
export function checkMdxTree(tree: Root, rules: MdxImportRules): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const seen = new Set<string>();
  const report = (line: number, message: string) => {
    // `{process.env.A} {process.env.B}` is one thing to fix, not two.
    const id = `${line}\n${message}`;
    if (seen.has(id)) return;
    seen.add(id);
    problems.push({ line, message });
  };
  const check = (estree: unknown, line: number) => {
    if (isEsNode(estree)) checkProgram(estree, line, rules, report);
    else report(line, UNCHECKED);
  };

  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        check(node.data?.estree, line);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        for (const attribute of node.attributes) {
          const attributeLine = attribute.position?.start.line ?? line;
          if (attribute.type === 'mdxJsxExpressionAttribute') check(attribute.data?.estree, attributeLine);
          else if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
            check(attribute.value.data?.estree, attributeLine);
          }
        }
        break;
      default:
        break;
    }
  });

  return problems.sort((a, b) => a.line - b.line);
}
