import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/env.ts';
import { codeThemeCss, codeThemes } from '../../src/markdown/code-theme.ts';
import rehypeCodeClasses, { styleToClasses } from '../../src/plugins/rehype-code-classes.ts';

// "Before" is Shiki's own output with the site's settings: colours in style attributes. "After" is
// the same with rehype-code-classes. Every element must end up with exactly the same colour
// variables, now set by the classes of the generated stylesheet, and with no style attribute.

const shikiConfig = { themes: codeThemes, defaultColor: false as const };
const render = async (markdown: string, withClasses: boolean) => {
  const processor = await createMarkdownProcessor({ shikiConfig, rehypePlugins: withClasses ? [rehypeCodeClasses] : [] });
  return (await processor.render(markdown)).code;
};

/** Variables the style attribute sets, as global.css reads them. */
function fromStyle(style: string): string[] {
  return style
    .split(';')
    .map((declaration) => declaration.split(':').map((part) => part.trim()))
    .filter(([property]) => property?.startsWith('--shiki-') && !/font|decoration/.test(property))
    .map(([property, value]) => `${property}:${value.toLowerCase()}`)
    .concat(/user-select:\s*none/.test(style) ? ['user-select:none'] : []);
}

const elements = (html: string): Element[] => {
  const found: Element[] = [];
  visit(fromHtml(html, { fragment: true }) as Root, 'element', (node: Element) => {
    found.push(node);
  });
  return found;
};

const sample = [
  '```dockerfile\n# syntax check\nFROM node:22-bookworm-slim AS build\nRUN npm ci && echo "ok"\nCOPY --from=build /app/dist /usr/share/nginx/html\n```',
  '```diff\n- FROM node:20\n+ FROM node:22\n```',
  '```yaml\nservices:\n  web:\n    image: "nginx:1.30" # pinned\n    ports: ["8080:80"]\n```',
  '```ts\nexport async function f(x: number): Promise<string> { return `${x * 2}`; } // done\n```',
  '```json\n{ "a": [1, true, null, "s"] }\n```',
  '```sh\ndocker run --rm -p 8080:8080 -e A=$HOME docker-learning\n```',
  '```python\nclass A:\n    def f(self): return r"x" # c\n```',
  '```html\n<a href="/x" class="y">t</a><!-- c -->\n```',
  '```css\n.a:hover { color: #fff !important; }\n```',
  '```ini\n[section]\nkey = value\n```',
  '```\nplain text\n```',
].join('\n\n');

/** Every Markdown page of the real site, whose code blocks readers see today. */
const contentPages = (readdirSync(path.join(projectRoot, 'content', 'docs'), { recursive: true, encoding: 'utf8' }) as string[])
  .filter((file) => file.endsWith('.md'))
  .map((file) => readFileSync(path.join(projectRoot, 'content', 'docs', file), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));

describe('rehype-code-classes with the generated stylesheet', () => {
  let classRules: Map<string, string>;

  beforeAll(async () => {
    const css = await codeThemeCss();
    classRules = new Map([...css.matchAll(/^\.([\w-]+)\{(--[\w-]+:#[0-9a-f]+)\}$/gm)].map((match) => [match[1], match[2]]));
    expect(classRules.size).toBeGreaterThan(20);
  });

  it.each([
    ['a sample of many languages', sample],
    ['the real pages', contentPages.join('\n\n')],
  ])('gives every element of %s the colours Shiki gave it, without a style attribute', async (_label, markdown) => {
    // Shiki loads grammars as code asks for them, embedded ones included, and a grammar arriving
    // mid-render can colour the same code differently the first time: compare warm renders only.
    await render(markdown, false);
    const before = elements(await render(markdown, false));
    const after = elements(await render(markdown, true));
    expect(after.map((node) => node.tagName)).toEqual(before.map((node) => node.tagName));
    let coloured = 0;
    for (const [index, node] of after.entries()) {
      expect(node.properties.style, `element ${index}`).toBeUndefined();
      const classes = (node.properties.className as string[] | undefined) ?? [];
      const fromClasses = classes.flatMap((name) =>
        name === 'shiki-no-select' ? ['user-select:none'] : classRules.has(name) ? [classRules.get(name)!] : [],
      );
      const unknown = classes.filter((name) => name.startsWith('shiki-') && name !== 'shiki-no-select' && !classRules.has(name));
      expect(unknown, 'classes the stylesheet has no rule for').toEqual([]);
      expect(fromClasses.sort(), `element ${index}: ${node.tagName}`).toEqual(fromStyle(String(before[index].properties.style ?? '')).sort());
      if (fromClasses.length > 0) coloured++;
    }
    expect(coloured).toBeGreaterThan(10);
  });

  it('leaves everything outside highlighted code alone', async () => {
    const processor = await createMarkdownProcessor({ syntaxHighlight: false, rehypePlugins: [rehypeCodeClasses] });
    expect((await processor.render('Some *text*.\n\n```\ncode\n```')).code).toBe('<p>Some <em>text</em>.</p>\n<pre><code>code\n</code></pre>');
  });
});

describe('styleToClasses', () => {
  it('names colours by value, drops what the stylesheet covers, and keeps the diff marker unselectable', () => {
    expect(styleToClasses('--shiki-light:#CF222E;--shiki-dark:#FF7B72;--shiki-light-font-style:italic')).toEqual([
      'shiki-l-cf222e',
      'shiki-d-ff7b72',
    ]);
    expect(styleToClasses('--shiki-light-bg:#ffffff; overflow-x: auto;')).toEqual(['shiki-lbg-ffffff']);
    expect(styleToClasses('user-select: none;')).toEqual(['shiki-no-select']);
  });

  it('refuses a style no class stands for, naming it, rather than shipping one the CSP blocks', () => {
    expect(() => styleToClasses('--shiki-light:#CF222E;font-size:2em')).toThrow(/"font-size: 2em".*rehype-code-classes\.ts/);
    expect(() => styleToClasses('--shiki-light:red')).toThrow(/"--shiki-light: red"/);
  });
});
