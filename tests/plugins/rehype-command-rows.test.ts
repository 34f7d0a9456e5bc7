import { expect, it } from 'vitest';
import rehypeSlug from 'rehype-slug';
import rehypeCommandRows from '../../src/plugins/rehype-command-rows.ts';
import { renderMarkdown } from './render.ts';

const render = (markdown: string) => renderMarkdown(markdown, { rehypePlugins: [rehypeSlug, rehypeCommandRows] });

it('turns each row that explains a command into a linkable search result titled by the command', async () => {
  const html = await render(
    '## Run\n\n| Command | Does |\n| --- | --- |\n| `docker run -p 8080:80 IMAGE` | Publish a port |\n| `docker ps` / `docker ps -a` | List containers |\n',
  );
  expect(html).toContain('<tr id="cmd-docker-run--p-808080-image" data-pagefind-title="docker run -p 8080:80 IMAGE">');
  expect(html).toContain('<tr id="cmd-docker-ps--docker-ps--a" data-pagefind-title="docker ps / docker ps -a">');
  // The header row and the heading keep what they had.
  expect(html).toContain('<h2 id="run">Run</h2>');
  expect(html).toMatch(/<thead>\s*<tr>/);
});

it('leaves rows alone whose first cell is not a command', async () => {
  const html = await render('| Term | Meaning |\n| --- | --- |\n| Volume | Storage that `docker` manages |\n| **`-v`** | bold first |\n');
  expect(html).not.toContain('data-pagefind-title');
  expect(html).not.toContain('id="cmd-');
});

it('never repeats an id, even for the same command twice or one that a heading already has', async () => {
  const html = await render('## cmd-ls\n\n| C | D |\n| - | - |\n| `ls` | one |\n| `ls` | two |\n');
  const ids = [...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
  expect(ids).toEqual(['cmd-ls', 'cmd-ls-1', 'cmd-ls-2']);
});
