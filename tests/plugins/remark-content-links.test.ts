import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import remarkContentLinks from '../../src/plugins/remark-content-links.ts';
import { stringAttribute, type MdxJsxElement } from '../../src/core/content/mdx-jsx.ts';
import { renderMarkdown, transformMdx } from './render.ts';
import { DEFAULT_SLUG_RULES } from '../../src/core/urls.ts';

const docsDir = '/site/content/docs';
const options = (base = '/') => ({ docsDir, base, slugRules: DEFAULT_SLUG_RULES });

function render(md: string, file = `${docsDir}/containers/images.md`, base = '/') {
  return renderMarkdown(md, { remarkPlugins: [[remarkContentLinks, options(base)]], path: file });
}

describe('remarkContentLinks', () => {
  it('links to numbered files at their URLs without the prefix', async () => {
    const html = await render('[next](../02-basics/03_setup.md#run) and [section](../02-basics/index.md)', `${docsDir}/01-intro/index.md`);
    expect(html).toBe('<p><a href="/basics/setup/#run">next</a> and <a href="/basics/">section</a></p>');
  });

  it('gives root-absolute images from public/ the base path, and leaves relative ones to Astro', async () => {
    const html = await render('![A diagram](/diagram.png) ![Beside](./beside.png) ![Remote](https://example.org/x.png)', undefined, '/course');
    expect(html).toBe(
      '<p><img src="/course/diagram.png" alt="A diagram"> <img src="./beside.png" alt="Beside"> <img src="https://example.org/x.png" alt="Remote"></p>',
    );
    expect(await render('![Already](/course/diagram.png)', undefined, '/course')).toContain('src="/course/diagram.png"');
  });

  it('rewrites a relative link to another page, keeping the heading fragment', async () => {
    expect(await render('[VMs](../vms/hypervisors.md#bare-metal)')).toBe('<p><a href="/vms/hypervisors/#bare-metal">VMs</a></p>');
  });

  it('sends links to links.yaml entries to the Learning resources page (GitHub shows the YAML)', async () => {
    expect(await render('[spec](../../links.yaml#compose-spec) [all](../../links.yaml)', undefined, '/sub')).toBe(
      '<p><a href="/sub/resources/#compose-spec">spec</a> <a href="/sub/resources/">all</a></p>',
    );
  });

  it('puts the base path in front so a sub-path deploy stays inside its path', async () => {
    expect(await render('[VMs](../vms/hypervisors.md)', undefined, '/docker-learning')).toBe(
      '<p><a href="/docker-learning/vms/hypervisors/">VMs</a></p>',
    );
  });

  it('maps .mdx and index files to the page URLs', async () => {
    const html = await render(['[a](./layers.mdx)', '[b](../vms/index.md)', '[e](../index.md)'].join(' '));
    expect(html).toBe('<p><a href="/containers/layers/">a</a> <a href="/vms/">b</a> <a href="/">e</a></p>');
  });

  it('leaves relative URL links as written: the browser resolves them against the page URL, base path included', async () => {
    const links = ['../vms/', '../../vms/hypervisors/#kvm', '../vms', './', '../', './Dockerfile', '../page/?tab=1'];
    for (const base of ['/', '/course']) {
      const html = await render(links.map((href, i) => `[${i}](${href})`).join(' '), undefined, base);
      expect(html).toBe(`<p>${links.map((href, i) => `<a href="${href}">${i}</a>`).join(' ')}</p>`);
    }
  });

  it('gives file names with spaces and capitals the same slug the page gets', async () => {
    expect(await render('[x](<../vms/Bare Metal.md>) [y](../vms/Bare%20Metal.md#intro)')).toBe(
      '<p><a href="/vms/bare-metal/">x</a> <a href="/vms/bare-metal/#intro">y</a></p>',
    );
  });

  it('rewrites reference-style link definitions too', async () => {
    expect(await render('[VMs][vm]\n\n[vm]: ../vms/hypervisors.md')).toBe('<p><a href="/vms/hypervisors/">VMs</a></p>');
  });

  it('leaves absolute URLs, fragments, site paths, other files, images and links leaving the docs folder alone', async () => {
    const md = [
      '[a](https://docs.docker.com/get-started/)',
      '[b](#same-page)',
      '[c](/already/a/site/path/)',
      '[d](./compose.yaml)',
      '[e](./Dockerfile)',
      '[f](../../README.md)',
      '[g](mailto:someone@example.org)',
      '![diagram](./layers.png)',
      '![not a page link](./other.md)',
    ].join(' ');
    const html = await render(md);
    for (const href of [
      'https://docs.docker.com/get-started/',
      '#same-page',
      '/already/a/site/path/',
      './compose.yaml',
      './Dockerfile',
      '../../README.md',
      'mailto:someone@example.org',
    ]) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain('src="./layers.png"');
    expect(html).toContain('src="./other.md"');
  });

  it('does nothing for files outside the docs folder or without a path', async () => {
    expect(await render('[x](./other.md)', '/site/src/pages/about.md')).toBe('<p><a href="./other.md">x</a></p>');
    expect(await renderMarkdown('[x](./other.md)', { remarkPlugins: [[remarkContentLinks, options()]] })).toBe('<p><a href="./other.md">x</a></p>');
  });

  it('rewrites href on <a> elements in MDX and leaves JSX expressions alone', async () => {
    const tree: Root = await transformMdx(
      '<a href="../vms/hypervisors.md#kvm">KVM</a> and <a href={"../vms/x.md"}>y</a>\n\n[md link](./layers.mdx)',
      {
        remarkPlugins: [[remarkContentLinks, options()]],
        path: `${docsDir}/containers/images.mdx`,
      },
    );
    const hrefs: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
        const href = stringAttribute(node as MdxJsxElement, 'href');
        hrefs.push(href ? href.value : '(expression)');
      }
      if (node.type === 'link') hrefs.push(node.url);
    });
    expect(hrefs).toEqual(['/vms/hypervisors/#kvm', '(expression)', '/containers/layers/']);
  });
});
