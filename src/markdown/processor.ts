import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeExternalLinks from 'rehype-external-links';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import remarkGithubAlerts from '../plugins/remark-github-alerts.ts';
import remarkAsides from '../plugins/remark-asides.ts';
import remarkDescription from '../plugins/remark-description.ts';
import remarkDirectiveSyntax from '../core/content/directives.ts';
import remarkContentLinks from '../plugins/remark-content-links.ts';
import remarkCodeTitles from '../plugins/remark-code-titles.ts';
import rehypeTaskListLabels from '../plugins/rehype-task-list-labels.ts';
import rehypeTableScroll from '../plugins/rehype-table-scroll.ts';
import rehypeCodeClasses from '../plugins/rehype-code-classes.ts';
import rehypeCommandRows from '../plugins/rehype-command-rows.ts';
import { headingAnchorOptions } from './heading-anchors.ts';
import remarkRecordFacts from '../plugins/remark-record-facts.ts';
import remarkMdxExpressionErrors from '../plugins/remark-mdx-expression-errors.ts';
import remarkReadingTime from '../plugins/remark-reading-time.ts';
import remarkKnowledgeChecks from '../plugins/remark-knowledge-checks.ts';
import type { ContentSession } from '../core/content/session.ts';
import { DEFAULT_SLUG_RULES } from '../core/urls.ts';

export interface MarkdownPipelineOptions {
  /** Absolute path of the docs folder, to resolve relative links between content files. */
  docsDir: string;
  /** Site base path ('/' or '/sub'), so rewritten links stay inside a sub-path deploy. */
  base: string;
  /** Where each rendered page's facts are recorded for the validator (absent in plugin unit tests). */
  session?: ContentSession;
}

/** External links open in the same tab (the reader decides); rel keeps the target from reaching back. */
export const externalLinkOptions = { rel: ['noopener', 'noreferrer'], target: false as const };

/**
 * The options of the one Markdown processor, for the main thread (the integration hands them to
 * unified()) and for every render worker alike, so a page renders the same wherever it is rendered.
 * No SmartyPants: it cost ~5 s per 1,000 pages (a tenth of the build), and its dashes changed
 * heading ids away from GitHub's ('--' must survive). Authors type typographic quotes themselves.
 */
export function markdownProcessorOptions(options: MarkdownPipelineOptions) {
  return { ...markdownPipeline(options), smartypants: false };
}

/** The one list of Markdown plugins, used for .md and .mdx alike (through markdownProcessorOptions). */
export function markdownPipeline({ docsDir, base, session }: MarkdownPipelineOptions): {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
} {
  return {
    remarkPlugins: [
      // Syntax only (it changes how pages parse), so its place among the transforms does not matter.
      remarkDirectiveSyntax,
      // First transform: the facts are the page as written, before any plugin rewrites a link.
      ...(session ? [[remarkRecordFacts, { session }] as [typeof remarkRecordFacts, { session: ContentSession }]] : []),
      remarkGfm,
      remarkMdxExpressionErrors,
      // Reads the page as written: before asides and alerts gain their titles.
      remarkDescription,
      // Alerts only look at top-level blockquotes; titled code blocks become figures, so order between them is free.
      remarkGithubAlerts,
      remarkAsides,
      // Reading time counts the checks' text as prose, so it runs before they become forms.
      remarkReadingTime,
      remarkKnowledgeChecks,
      [remarkContentLinks, { docsDir, base, slugRules: session?.slugRules ?? DEFAULT_SLUG_RULES }],
      remarkCodeTitles,
    ],
    rehypePlugins: [
      // Straight after Astro's highlighting, which runs before these: its colours become classes.
      rehypeCodeClasses,
      // Ids first: the anchors link to them.
      rehypeSlug,
      [rehypeAutolinkHeadings, headingAnchorOptions],
      rehypeTaskListLabels,
      rehypeTableScroll,
      rehypeCommandRows,
      [rehypeExternalLinks, externalLinkOptions],
    ],
  };
}
