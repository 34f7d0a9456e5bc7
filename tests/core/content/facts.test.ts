import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFrontmatter, unified as astroUnified } from '@astrojs/markdown-remark';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/core/content/facts-store.ts';
import { factsFromSource } from '../../../src/core/content/parse.ts';
import { createContentSession } from '../../../src/core/content/session.ts';
import { markdownPipeline } from '../../../src/markdown/processor.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Renders a page as Astro's Markdown entry type does: frontmatter removed, body trimmed, our pipeline. */
async function renderAsAstro(file: string, source: string) {
  const docsDir = path.join(root, 'content', 'docs');
  mkdirSync(path.dirname(path.join(docsDir, file)), { recursive: true });
  writeFileSync(path.join(docsDir, file), source);
  const session = createContentSession({
    contentDir: path.join(root, 'content'),
    docsDir,
    publicDir: path.join(root, 'public'),
    componentsDir: path.join(root, 'src/components'),
    allowedImports: [],
    cacheDir: path.join(root, 'cache'),
  });
  const { remarkPlugins, rehypePlugins } = markdownPipeline({ docsDir, base: '/', session });
  const processor = astroUnified({ remarkPlugins, rehypePlugins, smartypants: false });
  const { content, frontmatter } = parseFrontmatter(source);
  const renderer = await processor.createRenderer({ syntaxHighlight: false, gfm: true, smartypants: false } as never);
  const rendered = await renderer.render(content.trim(), { frontmatter, fileURL: new URL(`file://${path.join(docsDir, file)}`) });
  return { html: rendered.code, recorded: session.store.get(path.join(docsDir, file), contentHash(source)) };
}

const page = `---
title: Hostile page
description: Used by the tests.
---


## Install <em>it</em>

See [the guide](./guide.md#start) and [bad](javascript:alert(1)).

<img src="https://x.org/x.png" onerror="alert(1)" alt="x">

![diagram](./diagram.svg)

<script>
  alert('hi')
</script>
`;

describe('collectFacts: one extractor for the renderer and everyone else', () => {
  it('records, while Astro renders a page, the facts a fresh parse finds, with file line numbers', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'facts-'));
    const { recorded } = await renderAsAstro('guide/hostile.md', page);
    expect(recorded).toBeDefined();
    expect(recorded).toEqual(factsFromSource({ file: 'guide/hostile.md', format: 'md', source: page }));
    expect(recorded!.anchors).toEqual(['install-it']);
    expect(recorded!.links.map((link) => [link.href, link.line])).toEqual([
      ['./guide.md#start', 9],
      ['javascript:alert(1)', 9],
    ]);
    expect(recorded!.images.map((image) => [image.src, image.line])).toEqual([
      ['https://x.org/x.png', 11],
      ['./diagram.svg', 13],
    ]);
    expect(recorded!.problems.map((problem) => problem.line)).toEqual([9, 11, 15]);
    expect(recorded!.problems.map((problem) => problem.message).join('\n')).toMatch(/javascript:[\s\S]*onerror[\s\S]*<script>/);
  });

  it('turns a 10,000-level blockquote into one problem in bounded time, without a stack overflow', () => {
    const facts = factsFromSource({ file: 'deep.md', format: 'md', source: `---\ntitle: x\n---\n${'>'.repeat(10_000)} deep\n` });
    expect(facts.problems).toEqual([{ line: 4, message: expect.stringContaining('nested more than 200 levels deep') }]);
  });

  it('names the line of an MDX syntax error in the file, frontmatter included', () => {
    const facts = factsFromSource({ file: 'x.mdx', format: 'mdx', source: '---\ntitle: x\n---\n\nText\n\n<Card>\n\nno closing tag\n' });
    expect(facts.problems).toEqual([{ line: 7, message: expect.stringMatching(/^is not valid MDX: .*Fix the syntax/) }]);
  });
});
