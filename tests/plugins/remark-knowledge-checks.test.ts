import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { ANSWER_SELECTOR } from '../../src/shared/knowledge-check-markup.ts';
import remarkKnowledgeChecks from '../../src/plugins/remark-knowledge-checks.ts';
import { renderMarkdown, renderMdx } from './render.ts';

const render = (md: string) => renderMarkdown(md, { remarkPlugins: [remarkKnowledgeChecks] });

const single = `> [!QUIZ]
> What do containers on one host share?
>
> - [ ] A guest operating system
> - [x] The host's \`kernel\`
> - [ ] A hypervisor
>
> Each container has its own user space, but they all run on the host's kernel.`;

describe('remarkKnowledgeChecks', () => {
  it('renders a single-choice check as a fieldset of radios with a Check button, a status line and the answer in <details>', async () => {
    const html = await render(single);
    expect(html).toContain('<div class="knowledge-check" data-knowledge-check="single" data-pagefind-ignore="all">');
    expect(html).toContain(
      '<fieldset><legend><span class="kc-label">Check your understanding</span><span class="kc-question">What do containers on one host share?</span></legend>',
    );
    expect(html).toContain('<p class="kc-hint">Choose one answer.</p>');
    expect(html.match(/<input type="radio" name="knowledge-check-1"/g)).toHaveLength(3);
    expect(html).toContain(
      '<label class="kc-option"><input type="radio" name="knowledge-check-1" value="1" data-correct="true"><span>The host\'s <code>kernel</code></span></label>',
    );
    expect(html).toContain('<button type="button" class="kc-check" data-kc-check hidden>Check</button>');
    expect(html).toContain('<p class="kc-feedback" role="status" data-kc-feedback></p>');
    expect(html).toContain(
      '<details class="kc-answer" data-kc-answer><summary>Show the answer</summary><p><strong>Answer:</strong> The host\'s <code>kernel</code></p><p>Each container has its own user space, but they all run on the host\'s kernel.</p></details>',
    );
    expect(html).not.toContain('[!QUIZ]');
    expect(html).not.toContain('<blockquote>');
  });

  it('renders a multiple-choice check as checkboxes, names every right answer, and numbers the checks of a page', async () => {
    const html = await render(
      `${single}\n\n> [!QUIZ-MULTIPLE]\n> Which are Docker objects?\n>\n> - [x] Images\n> - [x] Volumes\n> - [ ] Hypervisors\n>\n> Images and volumes are; a hypervisor is not.`,
    );
    expect(html).toContain('data-knowledge-check="multiple"');
    expect(html).toContain('<p class="kc-hint">Choose every answer that applies.</p>');
    expect(html.match(/<input type="checkbox" name="knowledge-check-2-\d"/g)).toEqual([
      '<input type="checkbox" name="knowledge-check-2-0"',
      '<input type="checkbox" name="knowledge-check-2-1"',
      '<input type="checkbox" name="knowledge-check-2-2"',
    ]);
    expect(html).toContain('<strong>Answers:</strong> Images; Volumes</p>');
  });

  it('accepts the question in its own paragraph and after a hard break', async () => {
    for (const md of [single.replace('> [!QUIZ]\n', '> [!QUIZ]\n>\n'), single.replace('> [!QUIZ]\n', '> [!QUIZ]  \n')]) {
      expect(await render(md)).toContain('<span class="kc-question">What do containers on one host share?</span>');
    }
  });

  it('leaves a malformed check as the quote it was written as (the content gate reports it)', async () => {
    const html = await render('> [!QUIZ]\n> Question?\n>\n> - [ ] a\n> - [ ] b\n>\n> Why.');
    expect(html).toMatch(/^<blockquote>/);
    expect(html).not.toContain('knowledge-check');
  });

  it("gives the check script the answer alone, not an author's <details> in the question or an option", async () => {
    const md = single
      .replace(
        '> What do containers on one host share?',
        '> What do containers share? <details><summary>Hint</summary>Think of the kernel.</details>',
      )
      .replace('> - [ ] A hypervisor', '> - [ ] A hypervisor <details><summary>What is that?</summary>A VM manager.</details>');
    const tree = fromHtml(await render(md), { fragment: true });
    const check = select('[data-knowledge-check]', tree)!;
    expect(selectAll('details', check)).toHaveLength(3);
    // The script (src/client/knowledge-check.ts) hides, shows and opens what this selector finds.
    const answer = select(ANSWER_SELECTOR, check);
    expect(toString(answer!)).toMatch(/^Show the answerAnswer: The host's kernel/);
    expect(selectAll(ANSWER_SELECTOR, check)).toHaveLength(1);
  });

  it('works the same in MDX', async () => {
    const html = await renderMdx(single, { remarkPlugins: [remarkKnowledgeChecks] });
    expect(html).toContain('data-knowledge-check="single"');
    expect(html.match(/type="radio"/g)).toHaveLength(3);
  });
});
