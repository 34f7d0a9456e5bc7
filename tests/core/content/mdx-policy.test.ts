import path from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { allowedImportEntryProblem, checkMdxTree, type MdxImportRules } from '../../../src/core/content/mdx-policy.ts';

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

describe('checkMdxTree: allowed', () => {
  it.each([
    ['a component, written relatively', "import Card from '../../../src/components/ResourceCard.astro'"],
    ['a component without extension, in a subfolder', "import Card from '../../../src/components/cards/Card'"],
    ['astro:assets', "import { Image } from 'astro:assets'"],
    ['astro:content', "import { getEntry } from 'astro:content'"],
    ['an image next to the page', "import d from './d.svg'"],
    ['a Markdown snippet among the pages', "import Snippet from '../shared/snippet.md'"],
    ['an MDX snippet among the pages', "import Part from './part.mdx'"],
    ['JSON inside content/ but outside docs/', "import data from '../../data.json'"],
    ['a file as text', "import text from './notes.md?raw'"],
    ['an exactly listed package', "import { Card } from '@astrojs/starlight/components'"],
    ['a subpath of a package listed with /*', "import Chart from '@example/widgets/chart'"],
    ['a deeper subpath of a package listed with /*', "import Chart from '@example/widgets/charts/line.js'"],
    ['a re-export of a component', "export { default as Card } from '../../../src/components/ResourceCard.astro'"],
  ])('%s', (_, code) => {
    expect(check(page(code))).toEqual([]);
  });

  it('leaves ordinary expressions, attributes and property names alone', () => {
    const source = page(
      [
        "import Card from '../../../src/components/ResourceCard.astro'",
        '',
        'export const items = [{ process: 1, constructor: 2 }, { label: "b" }]',
        '',
        '# Title {1 + 1}',
        '',
        '<Card title={items[0].label} {...{ process: 2 }} note="process" />',
        '',
        '{items.map((item) => <p>{item.process}</p>)}',
        '',
        'Text that mentions process, require and globalThis is just text.',
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
    expect(check("import d from '../links.json'", top)).toEqual([]);
    // One level short lands in content/src/components/, where an .astro file is a page's own code.
    expect(check("import c from '../src/components/ResourceCard.astro'", top)[0]!.message).toContain('would run as code');
    expect(check("import c from '../../src/components/ResourceCard.astro'")[0]!.message).toContain('would run as code');
  });

  it('reports each refused specifier of a multi-line block on its own line', () => {
    const source = ["import a from 'node:fs'", "import b from './b.svg'", 'import {', '  c', "} from 'lodash'"].join('\n');
    expect(check(source).map((p) => [p.line, p.message.split(',')[0]])).toEqual([
      [1, 'imports node:fs'],
      [5, 'imports lodash'],
    ]);
  });
});

describe('checkMdxTree: reaching the machine without an import', () => {
  it.each([
    ["{import('node:fs')}", "import('node:fs')"],
    ['{import(name)}', 'import(…)'],
    ['{process.env.HOME}', 'process'],
    ['{globalThis.process}', 'globalThis'],
    ['{global.x}', 'global'],
    ["{Buffer.from('x')}", 'Buffer'],
    ["{eval('1')}", 'eval'],
    ["{new Function('return 1')()}", 'Function'],
    ["{(() => {}).constructor('return process')()}", '.constructor'],
    ["{[]['constructor']}", '.constructor'],
    ["{fetch('http://169.254.169.254/')}", 'fetch'],
    ["{__vite_ssr_dynamic_import__('node:fs')}", '__vite_ssr_dynamic_import__'],
    ["<a href={require('x')}>y</a>", "require('x')"],
    ['<a {...process.env}>y</a>', 'process'],
    ['Inline {process.env.HOME} text.', 'process'],
    ['export const e = import.meta.env', 'import.meta'],
    ['{import.meta.url}', 'import.meta'],
    ['{[require][0]}', 'require'],
    ['export const f = () => process.exit(1)', 'process'],
    ["export const g = await import('node:child_process')", "import('node:child_process')"],
  ])('%s', (code, what) => {
    const problems = check(page(code));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(5);
    expect(problems[0]!.message).toContain(`uses ${what}, which MDX pages may not use (MDX runs as code when the site is built`);
  });

  it('reports a locally declared name too (documented choice: no scope tracking)', () => {
    const problems = check(page('export const process = 1\n\n{process}'));
    expect(problems.map((p) => p.line)).toEqual([5, 7]);
    expect(problems[0]!.message).toContain('rename it if it is your own variable');
  });

  it('gives file lines inside block quotes, lists and multi-line expressions', () => {
    const source = page(['> {process}', '>', '> - item {', '>   Buffer', '> }'].join('\n'));
    expect(check(source).map((p) => [p.line, p.message.split(',')[0]])).toEqual([
      [5, 'uses process'],
      [8, 'uses Buffer'],
    ]);
  });

  it('reports one problem per line and thing, sorted by line', () => {
    const source = ['{process.env.A} and {process.env.B}', '', "import x from 'lodash'", '', "<a href={require('y')}>z</a>"].join('\n');
    expect(check(source).map((p) => [p.line, p.message.split(',')[0]])).toEqual([
      [1, 'uses process'],
      [3, 'imports lodash'],
      [5, "uses require('y')"],
    ]);
  });

  it('refuses JavaScript it cannot see, rather than letting it through', () => {
    const tree = parse(page("import x from 'node:fs'\n\n{process}"));
    visit(tree, (node) => {
      if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression') delete node.data;
    });
    const problems = checkMdxTree(tree, rules);
    expect(problems.map((p) => p.line)).toEqual([5, 7]);
    expect(problems[0]!.message).toMatch(/could not be checked/);
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
