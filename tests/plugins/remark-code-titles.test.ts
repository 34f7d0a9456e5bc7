import { describe, expect, it } from 'vitest';
import remarkCodeTitles, { parseCodeMeta } from '../../src/plugins/remark-code-titles.ts';
import { renderMarkdown, renderMdx } from './render.ts';

const render = (md: string) => renderMarkdown(md, { remarkPlugins: [remarkCodeTitles] });

describe('parseCodeMeta', () => {
  it('reads double-quoted, single-quoted and bare values and ignores other tokens', () => {
    expect(parseCodeMeta('title="my app.js" {1,3} showLineNumbers')).toEqual({ title: 'my app.js' });
    expect(parseCodeMeta("title='compose.yaml' lang=yaml")).toEqual({ title: 'compose.yaml', lang: 'yaml' });
    expect(parseCodeMeta('title=Dockerfile')).toEqual({ title: 'Dockerfile' });
    expect(parseCodeMeta('title="say \\"hi\\".sh"')).toEqual({ title: 'say "hi".sh' });
    expect(parseCodeMeta(null)).toEqual({});
  });
});

describe('remarkCodeTitles', () => {
  it('wraps a titled code block in a figure with a caption, keeping the code block itself', async () => {
    expect(await render('```js title="app.js"\nconsole.log(1);\n```')).toBe(
      '<figure class="code-block"><figcaption class="code-title">app.js</figcaption><pre><code class="language-js">console.log(1);\n</code></pre></figure>',
    );
  });

  it('escapes the title as text, so a title cannot inject markup', async () => {
    expect(await render('```sh title="<b>x</b> & y"\nls\n```')).toContain('<figcaption class="code-title">&#x3C;b>x&#x3C;/b> &#x26; y</figcaption>');
  });

  it('leaves code blocks without a title, with an empty title or inside lists as plain pre elements (nested ones are wrapped too)', async () => {
    expect(await render('```js\nx\n```')).toBe('<pre><code class="language-js">x\n</code></pre>');
    expect(await render('```js title=""\nx\n```')).toBe('<pre><code class="language-js">x\n</code></pre>');
    expect(await render('- step\n\n  ```sh title="run.sh"\n  docker run hello-world\n  ```')).toContain(
      '<figure class="code-block"><figcaption class="code-title">run.sh</figcaption>',
    );
  });

  it('works the same in MDX', async () => {
    expect(await renderMdx("```yaml title='compose.yaml'\nservices: {}\n```", { remarkPlugins: [remarkCodeTitles] })).toBe(
      '<figure class="code-block"><figcaption class="code-title">compose.yaml</figcaption><pre><code class="language-yaml">services: {}\n</code></pre></figure>',
    );
  });
});
