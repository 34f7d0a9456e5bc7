import { describe, expect, it } from 'vitest';
import rehypeTaskListLabels from '../../src/plugins/rehype-task-list-labels.ts';
import { renderMarkdown } from './render.ts';

const render = (md: string) => renderMarkdown(md, { rehypePlugins: [rehypeTaskListLabels] });

describe('rehypeTaskListLabels', () => {
  it('names each checkbox after its item text', async () => {
    const html = await render('- [ ] Install **Docker** Engine\n- [x] Run `hello-world`');
    expect(html).toContain('<input type="checkbox" disabled aria-label="Install Docker Engine"> Install <strong>Docker</strong> Engine');
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="Run hello-world">');
  });

  it("uses only the item's own text, not that of nested sub-tasks", async () => {
    const html = await render('- [ ] Parent task\n  - [ ] Child task');
    expect(html).toContain('aria-label="Parent task"');
    expect(html).toContain('aria-label="Child task"');
    expect(html).not.toContain('aria-label="Parent task Child task"');
  });

  it('finds the checkbox in loose lists, where it sits inside a paragraph', async () => {
    const html = await render('- [ ] First\n\n- [x] Second');
    expect(html).toContain('<p><input type="checkbox" disabled aria-label="First"> First</p>');
    expect(html).toContain('aria-label="Second"');
  });

  it('leaves ordinary lists alone', async () => {
    expect(await render('- plain item')).toBe('<ul>\n<li>plain item</li>\n</ul>');
  });
});
