import { describe, expect, it } from 'vitest';
import { editUrl, joinBase, ownSitePath, pageHref, slugFromContentPath } from '../../src/core/urls.ts';

describe('urls', () => {
  it('joins base paths without doubling or losing slashes', () => {
    expect(joinBase('/', '/a/')).toBe('/a/');
    expect(joinBase('/docker-learning', '/a/')).toBe('/docker-learning/a/');
    expect(joinBase('/docker-learning/', 'pagefind/pagefind.js')).toBe('/docker-learning/pagefind/pagefind.js');
    expect(joinBase('/docker-learning', '/')).toBe('/docker-learning/');
  });

  it('builds page hrefs with fragments', () => {
    expect(pageHref('/', '')).toBe('/');
    expect(pageHref('/sub', 'vms/hypervisors', 'bare-metal')).toBe('/sub/vms/hypervisors/#bare-metal');
  });

  it('derives slugs from file paths the way GitHub slugs headings', () => {
    expect(slugFromContentPath('index.md')).toBe('');
    expect(slugFromContentPath('vms/index.mdx')).toBe('vms');
    expect(slugFromContentPath('Getting Started/First Steps.md')).toBe('getting-started/first-steps');
    expect(slugFromContentPath('vms\\hypervisors.md')).toBe('vms/hypervisors');
  });

  it('links to the file on GitHub for editing', () => {
    expect(editUrl('https://github.com/o/r/', 'main', 'content', 'docs/a b.md')).toBe(
      'https://github.com/o/r/edit/main/content/docs/a%20b.md',
    );
  });
});

describe('ownSitePath', () => {
  it('turns a link to one of our own pages into a site path, with or without the base in it', () => {
    expect(ownSitePath('https://docker-learning.github.io/reference/quick-reference/', 'https://docker-learning.github.io', '/')).toBe('/reference/quick-reference/');
    expect(ownSitePath('https://o.github.io/docker-learning/reference/x/#a', 'https://o.github.io', '/docker-learning')).toBe('/reference/x/#a');
    expect(ownSitePath('https://docker-learning.github.io/reference/x/', 'https://docker-learning.github.io', '/docker-learning')).toBe('/reference/x/');
  });

  it('leaves other sites alone', () => {
    expect(ownSitePath('https://docs.docker.com/', 'https://docker-learning.github.io', '/')).toBeUndefined();
    expect(ownSitePath('not a url', 'https://docker-learning.github.io', '/')).toBeUndefined();
  });
});
