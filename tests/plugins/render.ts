import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'mdast';
import { VFile } from 'vfile';

interface RenderOptions {
  remarkPlugins?: PluggableList;
  rehypePlugins?: PluggableList;
  /** The file being processed, as Astro passes it (absolute path). */
  path?: string;
}

/** Markdown string to HTML through the same kind of unified chain Astro uses (minus highlighting). */
export async function renderMarkdown(markdown: string, options: RenderOptions = {}): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(options.remarkPlugins ?? [])
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(options.rehypePlugins ?? [])
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process(new VFile({ value: markdown, path: options.path }));
  return String(file.value);
}

/** MDX source to the transformed mdast, for assertions on JSX nodes that have no plain-HTML form. */
export async function transformMdx(source: string, options: Pick<RenderOptions, 'remarkPlugins' | 'path'> = {}): Promise<Root> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(options.remarkPlugins ?? []);
  const file = new VFile({ value: source, path: options.path });
  return (await processor.run(processor.parse(file), file)) as Root;
}

/** MDX source without JSX, to HTML: proves the plugins see the same mdast under remark-mdx. */
export async function renderMdx(source: string, options: RenderOptions = {}): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(options.remarkPlugins ?? [])
    .use(remarkRehype)
    .use(options.rehypePlugins ?? [])
    .use(rehypeStringify)
    .process(new VFile({ value: source, path: options.path }));
  return String(file.value);
}
