import { expect, it } from 'vitest';
import { buildToc } from '../../src/data/toc.ts';

it('nests h3 under the preceding h2 and ignores h1 and h4', () => {
  const toc = buildToc([
    { depth: 1, slug: 'title', text: 'Title' },
    { depth: 3, slug: 'early', text: 'Early' },
    { depth: 2, slug: 'install', text: 'Install' },
    { depth: 3, slug: 'linux', text: 'Linux' },
    { depth: 4, slug: 'debian', text: 'Debian' },
    { depth: 2, slug: 'run', text: 'Run' },
  ]);
  expect(toc).toEqual([
    { slug: 'early', text: 'Early', children: [] },
    { slug: 'install', text: 'Install', children: [{ slug: 'linux', text: 'Linux', children: [] }] },
    { slug: 'run', text: 'Run', children: [] },
  ]);
});
