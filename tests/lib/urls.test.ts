import { describe, expect, it } from 'vitest';
import { editUrl, joinBase, pageHref, slugFromContentPath } from '../../src/lib/urls.ts';

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
