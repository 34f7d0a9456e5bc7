import { describe, expect, it } from 'vitest';
import { frontmatter, validate } from './helpers.ts';

describe('content check: URLs with credentials', () => {
  it('refuses a user name or password in links and images, in Markdown, HTML and MDX, naming the line and the address to write', () => {
    const problems = validate({
      'a.md': `${frontmatter()}\n[Registry](https://reader:s3cret@registry.example.org/v2/)\n\n![Logo](https://user@cdn.example.org/logo.png)\n\n<a href="//admin:admin@192.0.2.1/">Router</a>\n\n[ref]: http://docs.docker.com@evil.example/\n`,
      'b.mdx': `${frontmatter()}\n<img src="https://u:p@media.example.org/demo.png" alt="Demo" />\n`,
    });
    expect(problems).toEqual([
      {
        file: 'content/docs/a.md',
        line: 6,
        message:
          'link "https://reader:s3cret@registry.example.org/v2/" has a user name or password in it (user:pass@host), which the site would publish and every reader\'s browser would send. Remove it: write https://registry.example.org/v2/',
      },
      {
        file: 'content/docs/a.md',
        line: 8,
        message: expect.stringMatching(
          /^image "https:\/\/user@cdn\.example\.org\/logo\.png" has a user name or password in it .* write https:\/\/cdn\.example\.org\/logo\.png$/,
        ),
      },
      { file: 'content/docs/a.md', line: 10, message: expect.stringContaining('link "//admin:admin@192.0.2.1/" has a user name or password') },
      { file: 'content/docs/a.md', line: 12, message: expect.stringContaining('write http://evil.example/') },
      {
        file: 'content/docs/b.mdx',
        line: 6,
        message: expect.stringContaining('image "https://u:p@media.example.org/demo.png" has a user name or password'),
      },
    ]);
  });

  it('leaves ordinary links alone, including an @ in a path or a mailto: address', () => {
    const problems = validate({
      'a.md': `${frontmatter()}\n[Profile](https://medium.com/@someone/post) [Mail](mailto:team@example.org) [Scoped](https://www.npmjs.com/package/@astrojs/mdx) [Local](./b.md)\n`,
      'b.md': `${frontmatter()}\nText\n`,
    });
    expect(problems).toEqual([]);
  });
});
