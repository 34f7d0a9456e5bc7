import { describe, expect, it } from 'vitest';
import { DEFAULT_SLUG_RULES, editUrl, joinBase, ownSitePath, pageHref, slugFromContentPath, splitNumberPrefix } from '../../src/core/urls.ts';

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
    const rules = DEFAULT_SLUG_RULES;
    expect(slugFromContentPath('index.md', rules)).toBe('');
    expect(slugFromContentPath('vms/index.mdx', rules)).toBe('vms');
    expect(slugFromContentPath('Getting Started/First Steps.md', rules)).toBe('getting-started/first-steps');
    expect(slugFromContentPath('vms\\hypervisors.md', rules)).toBe('vms/hypervisors');
  });

  it('strips number prefixes from every segment, in the separators Docusaurus accepts', () => {
    const strip = { stripNumberPrefixes: true };
    expect(slugFromContentPath('01-intro.md', strip)).toBe('intro');
    expect(slugFromContentPath('02-basics/03_setup.md', strip)).toBe('basics/setup');
    expect(slugFromContentPath('04.next.md', strip)).toBe('next');
    expect(slugFromContentPath('05 - Wrap up.md', strip)).toBe('wrap-up');
    expect(slugFromContentPath('02-basics/index.md', strip)).toBe('basics');
  });

  it('keeps digits that are the name, and every prefix when stripping is off', () => {
    const strip = { stripNumberPrefixes: true };
    expect(slugFromContentPath('2024-05-01-release.md', strip)).toBe('2024-05-01-release');
    expect(slugFromContentPath('1.2-notes.md', strip)).toBe('12-notes');
    expect(slugFromContentPath('404.md', strip)).toBe('404');
    expect(slugFromContentPath('3d-printing.md', strip)).toBe('3d-printing');
    expect(slugFromContentPath('01-intro.md', { stripNumberPrefixes: false })).toBe('01-intro');
  });

  it('reads the order a number prefix gives', () => {
    expect(splitNumberPrefix('10-later')).toEqual({ number: 10, rest: 'later' });
    expect(splitNumberPrefix('later')).toEqual({ number: undefined, rest: 'later' });
  });

  it('links to the file on GitHub for editing', () => {
    expect(editUrl('https://github.com/o/r/', 'main', 'content', 'docs/a b.md')).toBe('https://github.com/o/r/edit/main/content/docs/a%20b.md');
  });
});

describe('ownSitePath', () => {
  it('turns a link to one of our own pages into a site path, with or without the base in it', () => {
    expect(ownSitePath('https://docker-learning.github.io/reference/quick-reference/', 'https://docker-learning.github.io', '/')).toBe(
      '/reference/quick-reference/',
    );
    expect(ownSitePath('https://o.github.io/docker-learning/reference/x/#a', 'https://o.github.io', '/docker-learning')).toBe('/reference/x/#a');
    expect(ownSitePath('https://docker-learning.github.io/reference/x/', 'https://docker-learning.github.io', '/docker-learning')).toBe(
      '/reference/x/',
    );
  });

  it('leaves other sites alone', () => {
    expect(ownSitePath('https://docs.docker.com/', 'https://docker-learning.github.io', '/')).toBeUndefined();
    expect(ownSitePath('not a url', 'https://docker-learning.github.io', '/')).toBeUndefined();
  });
});
