import type { Processor } from 'unified';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';

/**
 * The parts of GFM that change where links, images and headings are in the tree: footnotes (so
 * `[^1]: ./x.md` is a footnote, not a link definition) and tables. remark-gfm would also parse
 * autolink literals (`www.example.com`), which only ever produce external links that the validator
 * ignores, and which cost as much again as all other parsing (measured: +70% parse time).
 */
export default function remarkGfmStructure(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmTableFromMarkdown());
  return undefined;
}
