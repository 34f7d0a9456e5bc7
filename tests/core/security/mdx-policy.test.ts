import path from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { allowedImportEntryProblem, checkMdxTree, type MdxImportRules } from '../../../src/core/security/mdx-policy.ts';

const root = path.resolve('/site');
const rules: MdxImportRules = {
  fileFromDocsDir: 'guide/page.mdx',
  docsDir: path.join(root, 'content', 'docs'),
  contentDir: path.join(root, 'content'),
  componentsDir: path.join(root, 'src', 'components'),
  allowedImports: ['@astrojs/starlight/components', '@example/widgets/*'],
};

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx);
const parse = (source: string): Root => parser.parse(source);
const check = (source: string, overrides: Partial<MdxImportRules> = {}) => checkMdxTree(parse(source), { ...rules, ...overrides });

/** Puts `body` on line 5, under frontmatter, so every line asserted below also proves the offset. */
const page = (body: string) => `---\ntitle: x\n---\n\n${body}\n`;

describe('checkMdxTree: allowed (declarative MDX)', () => {
  it.each([
    ['a component, written relatively', "import Card from '../../../src/components/ResourceCard.astro'"],
    ['a component without extension, in a subfolder', "import Card from '../../../src/components/cards/Card'"],
    ['astro:assets', "import { Image } from 'astro:assets'"],
    ['a Markdown snippet among the pages', "import Snippet from '../shared/snippet.md'"],
    ['an MDX snippet among the pages', "import Part from './part.mdx'"],
    ['an exactly listed package', "import { Card } from '@astrojs/starlight/components'"],
    ['a subpath of a package listed with /*', "import Chart from '@example/widgets/chart'"],
    ['a deeper subpath of a package listed with /*', "import Chart from '@example/widgets/charts/line.js'"],
    ['literal data exported', 'export const layers = [{ name: "base", size: 3, cached: true, parent: null }, { "name": "app", size: -1.5 }]'],
    ['a comment', '{/* a note for the next author */}'],
    ['a brace written as a string', "Write {'{'} to open a block."],
  ])('%s', (_, code) => {
    expect(check(page(code))).toEqual([]);
  });

  it('keeps imported components written literally, with literal props, and HTML elements with string attributes', () => {
    const source = page(
      [
        "import Card from '../../../src/components/ResourceCard.astro'",
        "import { Image } from 'astro:assets'",
        '',
        '<Card title="Layers" count={3} open tags={["a", "b"]} meta={{ level: "beginner", minutes: 5, draft: false, note: null }} />',
        '',
        '<Image src="https://example.com/a.png" alt="A picture" width={40} height={40} />',
        '',
        '<details open>',
        '  <summary>More</summary>',
        '  <kbd>Enter</kbd> and <a href="https://docs.docker.com/">the docs</a>.',
        '</details>',
        '',
        '<>A fragment</>',
        '',
        'Text that mentions process, require, {"{"} and globalThis is just text.',
      ].join('\n'),
    );
    expect(check(source)).toEqual([]);
  });
});

describe('checkMdxTree: refused imports', () => {
  it.each([
    ["import { readFileSync } from 'node:fs'", 'node:fs'],
    ["import fs from 'fs'", 'fs'],
    ["import fsp from 'fs/promises'", 'fs/promises'],
    ["import { exec } from 'child_process'", 'child_process'],
    ["import _ from 'lodash'", 'lodash'],
    ["import secret from '/etc/passwd'", '/etc/passwd'],
    ["import pkg from '../../../package.json'", '../../../package.json'],
    ["import x from '../../../../etc/passwd.json'", '../../../../etc/passwd.json'],
    ["import x from '../../../src/components/../../package.json'", '../../../src/components/../../package.json'],
    ["import x from 'file:///etc/passwd'", 'file:///etc/passwd'],
    ["import x from 'https://example.org/x.js'", 'https://example.org/x.js'],
    ["import x from 'data:text/javascript,export default 1'", 'data:text/javascript,export default 1'],
    ["import x from 'virtual:anything'", 'virtual:anything'],
    ["import { getSecret } from 'astro:env/server'", 'astro:env/server'],
    ["import x from 'astro:data-layer-content'", 'astro:data-layer-content'],
    ["import x from '@astrojs/starlight/components/Card.astro'", '@astrojs/starlight/components/Card.astro'],
    ["import x from '@example/widgets'", '@example/widgets'],
    ["import x from '@example/widgets/../../evil'", '@example/widgets/../../evil'],
    ["import x from '#internal'", '#internal'],
    ["export { x } from 'node:os'", 'node:os'],
    ["export * from 'node:fs'", 'node:fs'],
  ])('%s', (code, specifier) => {
    const problems = check(page(code));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(5);
    expect(problems[0]!.message).toContain(` ${specifier}`);
    expect(problems[0]!.message).toContain('MDX runs as code when the site is built');
  });

  it('says what to do, in the words of the rule', () => {
    const [lodash] = check("import _ from 'lodash'");
    expect(lodash).toEqual({
      line: 1,
      message:
        'imports lodash, which MDX pages may not import (MDX runs as code when the site is built). Use a component from src/components/, a file inside content/, an astro:* module, or ask a maintainer to add the package to mdx.allowedImports in src/site.config.ts.',
    });
    // A built-in cannot be allowed, so the advice does not send the author to a maintainer for it.
    const [fs] = check("import fs from 'node:fs'");
    expect(fs!.message).toMatch(/^imports node:fs, which MDX pages may not import \(MDX runs as code when the site is built\)\. /);
    expect(fs!.message).toContain('Node built-ins cannot be allowed');
    expect(check("export * from 'node:fs'")[0]!.message).toMatch(/^re-exports from node:fs, /);
  });

  it.each([
    ['a script next to the page', './helper.js'],
    ['a script type Vite has no plugin for', './table.csv'],
    ['an extension in capitals', './data.JSON'],
    ['a folder, which resolves to its index.js', './widgets'],
    ['a folder with a trailing slash', './data.json/'],
    ['a folder named like a file', './data.json/.'],
    ['Markdown outside the checked pages', '../../shared/snippet.md'],
    ['MDX in a dot folder the checks skip', './.hidden/part.mdx'],
    ['a query that changes how the file loads', './d.svg?worker'],
    ['a fragment', './d.svg#/../../../../etc/passwd'],
    ['a percent-encoded climb', './%2e%2e/%2e%2e/%2e%2e/package.json'],
    ['a backslash', './..\\..\\..\\package.json'],
  ])('refuses %s inside content/', (_, specifier) => {
    const problems = check(page(`import x from ${JSON.stringify(specifier)}`));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(5);
    expect(problems[0]!.message).toContain(`imports ${specifier} (`);
  });

  it('resolves relative paths from the page, wherever it sits', () => {
    const top = { fileFromDocsDir: 'index.mdx' };
    expect(check("import c from '../../src/components/ResourceCard.astro'", top)).toEqual([]);
    expect(check("import d from '../links.json'", top)[0]!.message).toContain('which is data rather than a component');
    // One level short lands in content/src/components/, where an .astro file is a page's own code.
    expect(check("import c from '../src/components/ResourceCard.astro'", top)[0]!.message).toContain('would run as code');
    expect(check("import c from '../../src/components/ResourceCard.astro'")[0]!.message).toContain('would run as code');
  });

  it('reports each refused specifier of a multi-line block on its own line', () => {
    const source = ["import a from 'node:fs'", "import b from './b.svg'", 'import {', '  c', "} from 'lodash'"].join('\n');
    expect(check(source).map((p) => [p.line, p.message.split(',')[0]])).toEqual([
      [1, 'imports node:fs'],
      [2, 'imports ./b.svg'],
      [5, 'imports lodash'],
    ]);
  });
});

describe('checkMdxTree: imports are components only', () => {
  it.each([
    ['an image', "import d from './d.png'"],
    ['an SVG, which Astro would inline as markup', "import d from './d.svg'"],
    ['JSON inside content/', "import data from '../../data.json'"],
    ['a file as text', "import text from './notes.md?raw'"],
  ])('refuses %s: its value could only be used in an expression', (_, code) => {
    const problems = check(page(code));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 5, message: expect.stringContaining('which is data rather than a component') });
  });

  it('refuses a namespace import, whose parts could only be computed tags', () => {
    expect(check(page("import * as ui from '@example/widgets/ui'"))[0]!.message).toContain('imports * as ui');
  });
});

/** Puts `code` on line 5 and returns the lines and first words of what is refused. */
const refusedAt = (code: string) => check(page(code)).map((problem) => problem.line);

describe('checkMdxTree: stored XSS through tags (issue 24)', () => {
  // Each published a live handler, link or script before: the tag was an exported string.
  it.each([
    ['img with onError', 'I', '<I src="https://example.com/x.png" alt="" onError="alert(document.cookie)" />'],
    ['a with a javascript: href', 'A', '<A href="javascript:alert(document.cookie)">x</A>'],
    ['script', 'S', '<S>alert(document.cookie)</S>'],
  ])('refuses a tag named by an exported constant: %s', (_, tag, element) => {
    const value = { I: 'img', A: 'a', S: 'script' }[tag];
    const problems = check(page(`export const ${tag} = '${value}'\n\n${element}`));
    expect(problems).toEqual([
      { line: 7, message: expect.stringContaining(`uses the tag <${tag}>, whose element comes from \`export const ${tag}\``) },
    ]);
  });

  it.each([
    ['a member expression', '<ui.Button />', 'whose element is computed'],
    ['a namespaced name', '<svg:script />', 'whose element is computed'],
    ['a component the page does not import', '<Script />', 'which the page does not import'],
    ['a component from a variable', 'export const Tag = "iframe"\n\n<Tag />', 'comes from `export const Tag`'],
  ])('refuses %s', (_, code, says) => {
    const problems = check(page(code));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.at(-1)!.message).toContain(says);
  });

  it('refuses exports Astro reads, which could swap every paragraph for a script', () => {
    expect(check(page("export const components = { p: 'script' }"))).toEqual([
      { line: 5, message: expect.stringContaining('exports components, a name Astro reads') },
    ]);
  });

  it('refuses Astro directives on components: client:load ships script, is:raw skips escaping', () => {
    const source = page('import Card from \'../../../src/components/ResourceCard.astro\'\n\n<Card client:load title="x" />\n\n<Card is:raw />');
    expect(check(source).map((problem) => [problem.line, problem.message.slice(0, 24)])).toEqual([
      [7, '<Card> has client:load, '],
      [9, '<Card> has is:raw, an As'],
    ]);
  });
});

describe('checkMdxTree: code execution (issue 24)', () => {
  // Each reached Function before, and from there process.env, files and shell commands.
  const tricks = [
    ['a computed member name', "[]['constr' + 'uctor']['constr' + 'uctor']('return process')()"],
    ['a template literal key', '[][`constructor`][`constructor`](`return process`)()'],
    ['Object.getOwnPropertyDescriptor', "Object.getOwnPropertyDescriptor(Function.prototype, 'constructor').value('return process')()"],
    ['Reflect.get', "Reflect.get(Reflect.get([], 'constructor'), 'constructor')('return process')()"],
  ];
  it.each(tricks)('refuses %s in the text', (_, code) => {
    expect(refusedAt(`{${code}}`)).toEqual([5]);
  });
  it.each(tricks)('refuses %s as a prop', (_, code) => {
    expect(refusedAt(`import Card from '../../../src/components/ResourceCard.astro'\n\n<Card title={${code}} />`)).toEqual([7]);
  });
  it.each(tricks)('refuses %s as an export', (_, code) => {
    expect(refusedAt(`export const value = ${code}`)).toEqual([5]);
  });

  it('refuses an endless loop without running it', { timeout: 5_000 }, () => {
    const [problem] = check(page('{(() => { for (;;) {} })()}'));
    expect(problem).toEqual({
      line: 5,
      message: expect.stringContaining('has the expression {(() => { for (;;) {} })()}, which MDX pages may not use: it calls a function'),
    });
  });

  it.each([
    ['an operator', '{1 + 1}', 'it computes a value with an operator'],
    ['a variable', '{answer}', 'it reads the variable answer'],
    ['a property', '{frontmatter.title}', 'it reads a property, as in a.b or a[b]'],
    ['a template literal', '{`text`}', 'it is a template literal'],
    ['a function', '{() => 1}', 'it defines a function'],
    ['import()', "{import('node:fs')}", 'it imports a module with import()'],
    ['import.meta', '{import.meta.env}', 'it reads import.meta'],
    ['process', '{process.env.HOME}', 'it reads a property, as in a.b or a[b]'],
    ['JSX in an expression', '{<b>x</b>}', 'it is JSX inside an expression'],
  ])('refuses %s in the text and says what it does', (_, code, says) => {
    expect(check(page(code))).toEqual([
      { line: 5, message: expect.stringContaining(`which MDX pages may not use: ${says} (MDX pages are declarative here`) },
    ]);
  });

  it.each([
    ['a computed value', 'export const a = 6 * 7'],
    ['a function', 'export const f = () => process.exit(1)'],
    ['a function declaration', 'export function f() {}'],
    ['a default export', 'export default {}'],
    ['a re-export', "export { default as Card } from '../../../src/components/ResourceCard.astro'"],
    ['a computed key', "export const o = { ['constr' + 'uctor']: 1 }"],
    ['a shorthand property', 'export const o = { process }'],
    ['a spread', 'export const a = [...x]'],
    ['a getter', 'export const o = { get x() { return 1 } }'],
    ['__proto__', 'export const o = { __proto__: null }'],
    ['a regular expression', 'export const r = /x/'],
    ['an await', "export const g = await import('node:child_process')"],
  ])('refuses exporting %s', (_, code) => {
    expect(refusedAt(code)).toEqual([5]);
  });

  it('refuses expressions in the attributes of HTML elements, even literal ones: HTML attributes are strings', () => {
    const problems = check(page("<a href={'javascript:alert(1)'}>x</a>\n\n<td colSpan={2}>x</td>"));
    expect(problems.map((problem) => problem.line)).toEqual([5, 7]);
    expect(problems[1]!.message).toContain('Write it as a plain string: colSpan="…"');
  });

  it('gives file lines inside block quotes, lists and multi-line expressions', () => {
    const source = page(['> {process}', '>', '> - item {', '>   Buffer', '> }'].join('\n'));
    expect(check(source).map((p) => p.line)).toEqual([5, 8]);
  });

  it('refuses JavaScript it cannot see, rather than letting it through', () => {
    const tree = parse(page("import x from 'node:fs'\n\nexport const y = 1"));
    visit(tree, (node) => {
      if (node.type === 'mdxjsEsm') delete node.data;
    });
    const problems = checkMdxTree(tree, rules);
    expect(problems.map((p) => p.line)).toEqual([5, 7]);
    expect(problems[0]!.message).toMatch(/could not be checked/);
  });
});

describe('checkMdxTree: mdx.trusted', () => {
  it('checks nothing: the page is reviewed as code', () => {
    const source = page("import fs from 'node:fs'\n\nexport const I = 'img'\n\n<I onError=\"x\" />\n\n{(() => { for (;;) {} })()}");
    expect(check(source).length).toBeGreaterThan(2);
    expect(check(source, { trusted: true })).toEqual([]);
  });
});

describe('allowedImportEntryProblem', () => {
  it.each(['@astrojs/starlight/components', 'katex', 'katex/*', '@example/widgets/*', 'some-pkg/dist/x.js'])('accepts %s', (entry) => {
    expect(allowedImportEntryProblem(entry)).toBeUndefined();
  });

  it.each(['fs', 'node:fs', 'fs/promises', 'child_process'])('refuses the built-in %s', (entry) => {
    expect(allowedImportEntryProblem(entry)).toMatch(/Node built-ins cannot be allowed/);
  });

  it.each(['', './x.js', '/abs', 'https://x.org/a.js', 'astro:env/server', 'pkg/../other', 'pkg/*/x', 'Pkg', 'pkg?raw'])('refuses %j', (entry) => {
    expect(allowedImportEntryProblem(entry)).toMatch(/expected a package import path/);
  });
});
