import { describe, expect, it } from 'vitest';
import { markdownPipeline } from '../../src/markdown/processor.ts';
import { renderMarkdown, renderMdx } from './render.ts';

const docsDir = '/site/content/docs';
const { remarkPlugins, rehypePlugins } = markdownPipeline({ docsDir, base: '/docker-learning' });
const render = (md: string, file = `${docsDir}/guide/start.md`) =>
  renderMarkdown(md, { remarkPlugins: remarkPlugins as never, rehypePlugins: rehypePlugins as never, path: file });

describe('markdownPipeline: heading anchors', () => {
  it('gives h2–h4 a GitHub-compatible id and an appended, labelled, search-ignored anchor with an empty icon', async () => {
    const html = await render("## What's a *container*?");
    expect(html).toBe(
      '<h2 id="whats-a-container">What\'s a <em>container</em>?<a class="heading-anchor" aria-label="Link to section: What&#x27;s a container?" data-pagefind-ignore="" href="#whats-a-container"><span class="heading-anchor-icon" aria-hidden="true"></span></a></h2>',
    );
  });

  it('numbers duplicate headings like GitHub (-1, -2)', async () => {
    const html = await render('## Setup\n\n## Setup\n\n### Setup');
    expect(html).toContain('id="setup"');
    expect(html).toContain('id="setup-1"');
    expect(html).toContain('id="setup-2"');
  });

  it('adds no text to the heading (Astro reads heading text for the table of contents afterwards)', async () => {
    const html = await render('### Run it');
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toBe('Run it');
  });

  it('gives h1, h5 and h6 an id but no anchor link', async () => {
    const html = await render('# Top\n\n##### Small\n\n###### Smaller');
    expect(html).toBe('<h1 id="top">Top</h1>\n<h5 id="small">Small</h5>\n<h6 id="smaller">Smaller</h6>');
  });
});

describe('markdownPipeline: external links', () => {
  it('adds rel="noopener noreferrer" to external links without forcing a new tab', async () => {
    const html = await render('[Docker docs](https://docs.docker.com/) and <https://example.org>');
    expect(html).toBe(
      '<p><a href="https://docs.docker.com/" rel="noopener noreferrer">Docker docs</a> and <a href="https://example.org" rel="noopener noreferrer">https://example.org</a></p>',
    );
  });

  it('leaves rewritten internal links and fragments without rel', async () => {
    const html = await render('[next](./next.md) [here](#top)');
    expect(html).toBe('<p><a href="/docker-learning/guide/next/">next</a> <a href="#top">here</a></p>');
  });
});

describe('markdownPipeline: every plugin in one document, .md and .mdx', () => {
  const source = [
    '## Install',
    '',
    '> [!TIP]',
    '> See [hypervisors](../vms/hypervisors.md#bare-metal) and [Docker](https://www.docker.com/).',
    '',
    '```sh title="install.sh"',
    'apt-get install docker.io',
    '```',
    '',
    '- [ ] Installed',
  ].join('\n');

  for (const [kind, run] of [
    ['md', (s: string) => render(s)],
    [
      'mdx',
      (s: string) =>
        renderMdx(s, { remarkPlugins: remarkPlugins as never, rehypePlugins: rehypePlugins as never, path: `${docsDir}/guide/start.mdx` }),
    ],
  ] as const) {
    it(`runs all plugins on .${kind}`, async () => {
      const html = await run(source);
      expect(html).toContain('<h2 id="install">Install<a class="heading-anchor"');
      expect(html).toContain('<div class="callout callout-tip" role="note">\n<p class="callout-title">Tip</p>');
      expect(html).toContain('href="/docker-learning/vms/hypervisors/#bare-metal"');
      expect(html).toContain('<a href="https://www.docker.com/" rel="noopener noreferrer">Docker</a>');
      expect(html).toContain('<figcaption class="code-title">install.sh</figcaption>');
      expect(html).toContain('aria-label="Installed"');
    });
  }
});
