import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';

export interface MarkdownPipelineOptions {
  /** Absolute path of the docs folder, to resolve relative links between content files. */
  docsDir: string;
  /** Site base path ('/' or '/sub'), so rewritten links stay inside a sub-path deploy. */
  base: string;
}

/** The one list of Markdown plugins, used for .md and .mdx alike (astro.config.mjs hands it to unified()). */
export function markdownPipeline(_options: MarkdownPipelineOptions): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  return {
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeSlug],
  };
}
