import { describe, expect, it } from 'vitest';
import remarkGithubAlerts from '../../src/plugins/remark-github-alerts.ts';
import { renderMarkdown, renderMdx } from './render.ts';

const render = (md: string) => renderMarkdown(md, { remarkPlugins: [remarkGithubAlerts] });

describe('remarkGithubAlerts', () => {
  it('turns each of the five GitHub alert types into a titled callout', async () => {
    for (const [marker, title] of [
      ['NOTE', 'Note'],
      ['TIP', 'Tip'],
      ['IMPORTANT', 'Important'],
      ['WARNING', 'Warning'],
      ['CAUTION', 'Caution'],
    ] as const) {
      const html = await render(`> [!${marker}]\n> Body text.`);
      expect(html).toBe(
        `<div class="callout callout-${marker.toLowerCase()}" role="note">\n<p class="callout-title">${title}</p>\n<p>Body text.</p>\n</div>`,
      );
    }
  });

  it('accepts the marker in any case and keeps inline formatting and later paragraphs', async () => {
    const html = await render('> [!warning]\n> Do *not* run this as root.\n>\n> Second paragraph.');
    expect(html).toContain('<div class="callout callout-warning" role="note">');
    expect(html).toContain('<p>Do <em>not</em> run this as root.</p>');
    expect(html).toContain('<p>Second paragraph.</p>');
    expect(html).not.toContain('[!warning]');
  });

  it('handles a marker in its own paragraph and a marker followed by a hard line break', async () => {
    expect(await render('> [!TIP]\n>\n> Separate paragraph.')).toContain('<p class="callout-title">Tip</p>\n<p>Separate paragraph.</p>');
    expect(await render('> [!TIP]  \n> After a hard break.')).toContain('<p class="callout-title">Tip</p>\n<p>After a hard break.</p>');
  });

  it('leaves ordinary quotes, unknown markers, text after the marker and empty alerts as blockquotes', async () => {
    for (const md of [
      '> Just a quote.',
      '> [!DANGER]\n> Not a GitHub type.',
      '> [!NOTE] text on the marker line',
      '> [!NOTE]',
      '> Quote\n> [!NOTE]\n> marker not first',
    ]) {
      const html = await render(md);
      expect(html, md).toMatch(/^<blockquote>/);
      expect(html, md).not.toContain('callout');
    }
  });

  it('only treats top-level blockquotes as alerts, as GitHub does', async () => {
    const html = await render('- item\n\n  > [!NOTE]\n  > nested in a list');
    expect(html).toContain('<blockquote>');
    expect(html).not.toContain('callout');
  });

  it('works the same in MDX', async () => {
    const html = await renderMdx('> [!IMPORTANT]\n> Read this first.', { remarkPlugins: [remarkGithubAlerts] });
    expect(html).toBe('<div class="callout callout-important" role="note">\n<p class="callout-title">Important</p>\n<p>Read this first.</p>\n</div>');
  });
});
