import { describe, expect, it } from 'vitest';
import { frontmatter, validate } from './helpers.ts';

describe('content check: images', () => {
  it('accepts images that exist next to the page (also via ../ and reference definitions), remote images and site paths', () => {
    const problems = validate(
      {
        'vms/index.md': `${frontmatter()}\n![Hypervisor layers](./layers.png) ![Logo](../shared/logo.svg) ![Remote](https://example.org/a.png) ![Public](/favicon.svg) ![Ref][pic]\n\n[pic]: layers.png\n`,
      },
      { assets: ['vms/layers.png', 'shared/logo.svg', '/favicon.svg'] },
    );
    expect(problems).toEqual([]);
  });

  it('reports a missing image with the path it looked for', () => {
    expect(validate({ 'vms/index.md': `${frontmatter()}\nText\n\n![Hypervisor layers](./img/layers%20v2.png)\n` })).toEqual([
      {
        file: 'content/docs/vms/index.md',
        line: 8,
        message: 'image "./img/layers%20v2.png" does not exist (content/docs/vms/img/layers v2.png). Fix the path, or put the image file there.',
      },
    ]);
  });

  it('reports images without alt text, with advice in the syntax the author used', () => {
    const problems = validate(
      {
        'a.md': `${frontmatter()}\n![](./a.png)\n\n<img src="https://x.org/a.png">\n\n<img src="https://x.org/a.png" alt="  ">\n\n<img src="https://x.org/a.png" alt="Fine">\n`,
        'b.mdx': `${frontmatter()}\n<img src="./a.png" />\n\n<img src="./a.png" alt={"computed"} />\n`,
      },
      { assets: ['a.png'] },
    );
    expect(problems).toEqual([
      {
        file: 'content/docs/a.md',
        line: 6,
        message: 'image "./a.png" has no alt text. Add alt text describing the image: ![what it shows](./a.png)',
      },
      {
        file: 'content/docs/a.md',
        line: 8,
        message:
          'image "https://x.org/a.png" has no alt text. Add alt text describing the image: <img src="https://x.org/a.png" alt="what it shows">',
      },
      {
        file: 'content/docs/a.md',
        line: 10,
        message:
          'image "https://x.org/a.png" has no alt text. Add alt text describing the image: <img src="https://x.org/a.png" alt="what it shows">',
      },
      {
        file: 'content/docs/b.mdx',
        line: 6,
        message: 'image "./a.png" has no alt text. Add alt text describing the image: <img src="./a.png" alt="what it shows">',
      },
    ]);
  });

  it('reports both problems when an image is missing and has no alt text', () => {
    expect(validate({ 'a.md': `${frontmatter()}\n![](./gone.png)\n` }).map((p) => p.message.split(' (')[0]!.split('. ')[0])).toEqual([
      'image "./gone.png" does not exist',
      'image "./gone.png" has no alt text',
    ]);
  });
});
