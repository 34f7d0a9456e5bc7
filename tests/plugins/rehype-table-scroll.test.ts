import { expect, it } from 'vitest';
import rehypeTableScroll from '../../src/plugins/rehype-table-scroll.ts';
import { renderMarkdown } from './render.ts';

it('wraps tables in a focusable group named by their headers, so keyboard users can scroll them', async () => {
  const html = await renderMarkdown('| Command | Does | Notes | More |\n| - | - | - | - |\n| a | b | c | d |\n\ntext', {
    rehypePlugins: [rehypeTableScroll],
  });
  expect(html).toMatch(/^<div class="table-scroll" tabindex="0" role="group" aria-label="Table: Command, Does, Notes"><table>/);
  expect(html.match(/<table>/g)).toHaveLength(1);
  expect(html).toContain('</table></div>\n<p>text</p>');
});
