import { describe, expect, it } from 'vitest';
import { markdownPipeline } from '../../src/markdown/processor.ts';
import { renderMarkdown } from '../plugins/render.ts';

const docsDir = '/site/content/docs';
const { remarkPlugins, rehypePlugins } = markdownPipeline({ docsDir, base: '/docker-learning' });

describe('lesson annotations on the site', () => {
  it('show a reader nothing: the block renders as before, the annotation only as an HTML comment', async () => {
    const block = '```sh\ndocker logs -f web\n```\n\n```text\nready\n```\n';
    const annotated = `<!-- lesson: ctrl-c wait-for="ready" -->\n${block.replace('```text', '<!-- lesson: match=contains -->\n```text')}`;
    const render = (markdown: string) =>
      renderMarkdown(markdown, { remarkPlugins: remarkPlugins as never, rehypePlugins: rehypePlugins as never, path: `${docsDir}/hands-on/a.md` });
    const withoutComments = (html: string) =>
      html
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/\n+/g, '\n')
        .trim();
    const [plain, withAnnotations] = await Promise.all([render(block), render(annotated)]);
    expect(withoutComments(withAnnotations)).toBe(withoutComments(plain));
  });
});
