import { describe, expect, it } from 'vitest';
import remarkDirectiveSyntax from '../../src/core/content/directives.ts';
import { factsFromSource } from '../../src/core/content/parse.ts';
import remarkAsides from '../../src/plugins/remark-asides.ts';
import { renderMarkdown, renderMdx } from './render.ts';

const plugins = { remarkPlugins: [remarkDirectiveSyntax, remarkAsides] };
// Tags without the line breaks between them: they differ between blockquotes and directives and mean nothing.
const tight = (html: string) => html.replace(/>\n</g, '><');
const render = async (md: string) => tight(await renderMarkdown(md, plugins));
const problemsOf = (source: string, file = 'a.md') => factsFromSource({ file, format: file.endsWith('.mdx') ? 'mdx' : 'md', source }).problems;

describe('asides (Starlight and Docusaurus)', () => {
  it('renders each aside name as the callout GitHub alerts become, with its own title', async () => {
    for (const [name, callout, title] of [
      ['note', 'note', 'Note'],
      ['tip', 'tip', 'Tip'],
      ['caution', 'warning', 'Caution'],
      ['warning', 'warning', 'Warning'],
      ['danger', 'caution', 'Danger'],
      ['info', 'note', 'Info'],
      ['important', 'important', 'Important'],
    ] as const) {
      const html = await render(`:::${name}\nBody text.\n:::`);
      expect(html, name).toBe(`<div class="callout callout-${callout}" role="note"><p class="callout-title">${title}</p><p>Body text.</p></div>`);
    }
  });

  it('takes a custom title in the Starlight form, with inline formatting', async () => {
    const html = await render(':::tip[Before you *start*]\nInstall Docker.\n:::');
    expect(html).toContain('<p class="callout-title">Before you <em>start</em></p><p>Install Docker.</p>');
  });

  it('takes a custom title in the Docusaurus form, on the same line as the name', async () => {
    const html = await render(':::danger Do not run this as root\nIt can delete the host.\n:::');
    expect(html).toContain('<div class="callout callout-caution" role="note"><p class="callout-title">Do not run this as root</p>');
    expect(html).not.toContain(':::');
  });

  it('keeps several blocks, lists and code inside one aside', async () => {
    const html = await render(':::note\nFirst.\n\n- one\n- two\n\n```sh\ndocker ps\n```\n:::');
    expect(html).toMatch(
      /^<div class="callout callout-note" role="note">[\s\S]*<ul>[\s\S]*<code class="language-sh">docker ps\n<\/code>[\s\S]*<\/div>$/,
    );
  });

  it('leaves colons in prose and code exactly as written', async () => {
    const html = await render('Meet at 10:30, map a:b and run `-p 8080:80`; :smile: stays too.\n\n```\n:::note not a title\n```');
    expect(html).toContain('<p>Meet at 10:30, map a:b and run <code>-p 8080:80</code>; :smile: stays too.</p>');
    expect(html).toContain(':::note not a title');
  });

  it('renders the same in MDX', async () => {
    const html = tight(await renderMdx(':::caution[Careful]\nText.\n:::', plugins));
    expect(html).toContain('<div class="callout callout-warning" role="note"><p class="callout-title">Careful</p>');
  });

  it('names an unknown aside with its line, in Markdown and MDX, and accepts the known ones', () => {
    expect(problemsOf('Intro.\n\n:::notice\nText.\n:::\n')).toEqual([
      { line: 3, message: expect.stringContaining('":::notice" is not an aside this site knows') },
    ]);
    expect(problemsOf('Intro.\n\n::youtube[video]\n', 'b.mdx')).toEqual([{ line: 3, message: expect.stringContaining('"::youtube"') }]);
    expect(problemsOf(':::note[Title]\nx\n:::\n\n:::danger Title\ny\n:::\n\nAt 10:30 a:b.')).toEqual([]);
  });
});

describe('asides that would be published wrong', () => {
  it('refuses an aside that is never closed, at its opening line, in a page, a list item and a quote', () => {
    expect(problemsOf('Intro.\n\n:::note\nInside.\n\n## Heading\n\nMore.\n')).toEqual([
      {
        line: 3,
        message:
          '":::note" is never closed, so everything after it up to the end of the page (headings included) would be inside the aside. Add a line with ::: where the aside ends.',
      },
    ]);
    expect(problemsOf('- item\n\n  :::tip\n  inside\n\n- next\n')).toEqual([
      { line: 3, message: expect.stringContaining('":::tip" is never closed, so everything after it up to the end of the list item or quote') },
    ]);
    expect(problemsOf('> :::note\n> inside\n\nafter\n')).toEqual([{ line: 1, message: expect.stringContaining('":::note" is never closed') }]);
    expect(problemsOf(':::note\n', 'b.mdx')).toEqual([{ line: 1, message: expect.stringContaining('is never closed') }]);
  });

  it('accepts closed asides: empty, indented, in a list item or quote, nested with longer fences', () => {
    for (const source of [
      ':::note\n:::\n',
      '  :::note\n  inside\n   :::  \n',
      '- item\n\n  :::note\n  inside\n  :::\n\n- next\n',
      '> :::note\n> inside\n> :::\n',
      '::::note\n:::tip\nx\n:::\n::::\n',
      ':::tip[Title]\n:::\n',
    ]) {
      expect(problemsOf(source), source).toEqual([]);
    }
  });

  it('refuses "::: tip" with a space (shown as text), once for its opener and closer, and a stray ":::"', () => {
    expect(problemsOf('Intro.\n\n::: tip\nText.\n:::\n')).toEqual([
      {
        line: 3,
        message: '"::: tip" has a space after the colons, so it is not an aside and the page would show it as text. Write ":::tip", with no space.',
      },
    ]);
    expect(problemsOf('Para\n::: Warning\nx\n\n:::\n')).toEqual([
      { line: 2, message: expect.stringContaining('Write ":::warning", with no space.') },
    ]);
    expect(problemsOf('::: spoiler\nx\n:::\n', 'b.mdx')).toEqual([
      { line: 1, message: expect.stringContaining('Write one of ":::note", ":::info"') },
    ]);
    expect(problemsOf('Text.\n\n:::\n')).toEqual([{ line: 3, message: expect.stringContaining('":::" closes no aside') }]);
  });

  it('leaves colons in prose and escaped colons alone', () => {
    expect(problemsOf('At 10:30, map 8080:80.\n\nThe ::: fence is how asides are written.\n\n\\::: tip is written without the space.\n')).toEqual([]);
  });
});
