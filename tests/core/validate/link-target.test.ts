import { describe, expect, it } from 'vitest';
import { resolveLinkTarget, siteHrefFor } from '../../../src/core/validate/link-target.ts';
import { DEFAULT_SLUG_RULES } from '../../../src/core/urls.ts';

describe('resolveLinkTarget', () => {
  it('resolves page links against the linking file and keeps query and fragment as written', () => {
    expect(resolveLinkTarget('../vms/hypervisors.md#bare-metal', 'containers/images.md')).toEqual({
      kind: 'page',
      file: 'vms/hypervisors.md',
      fragment: 'bare-metal',
      suffix: '#bare-metal',
    });
    expect(resolveLinkTarget('Bare%20Metal.mdx?x=1#Caf%C3%A9', 'vms/index.md')).toEqual({
      kind: 'page',
      file: 'vms/Bare Metal.mdx',
      fragment: 'Café',
      suffix: '?x=1#Caf%C3%A9',
    });
  });

  it('treats a trailing slash as a folder link, and a bare name as a possible folder', () => {
    expect(resolveLinkTarget('../', 'vms/index.md')).toMatchObject({ kind: 'section', dir: '', explicit: true });
    expect(resolveLinkTarget('./', 'vms/index.md')).toMatchObject({ kind: 'section', dir: 'vms', explicit: true });
    expect(resolveLinkTarget('guide/#x', 'index.md')).toMatchObject({ kind: 'section', dir: 'guide', explicit: true, fragment: 'x' });
    expect(resolveLinkTarget('guide', 'index.md')).toMatchObject({ kind: 'section', dir: 'guide', explicit: false });
  });

  it('separates same-page fragments from everything that is not a page', () => {
    expect(resolveLinkTarget('#install', 'index.md')).toEqual({ kind: 'same-page', fragment: 'install' });
    for (const href of ['https://x.org/a.md', '//cdn.example/a.md', 'mailto:a@b.c', './image.png', '', '?q=1']) {
      expect(resolveLinkTarget(href, 'vms/index.md'), href).toEqual({ kind: 'other' });
    }
  });

  it('tells site-absolute paths and paths that leave the docs folder apart, so both get checked', () => {
    expect(resolveLinkTarget('/hands-on/compose/#up', 'vms/index.md')).toEqual({ kind: 'site-path', path: '/hands-on/compose/', fragment: 'up', suffix: '#up' });
    expect(resolveLinkTarget('/a/../b/', 'index.md')).toMatchObject({ kind: 'site-path', path: '/b/' });
    expect(resolveLinkTarget('../../outside.md', 'vms/index.md')).toEqual({ kind: 'outside', path: '../outside.md' });
    expect(resolveLinkTarget('../links.yaml#docker-docs', 'index.md')).toEqual({ kind: 'resource', id: 'docker-docs' });
  });

  it('gives site-absolute links the base path once, whether the author wrote it or not', () => {
    const without = resolveLinkTarget('/hands-on/compose/#up', 'index.md');
    const withBase = resolveLinkTarget('/docker-learning/hands-on/compose/', 'index.md');
    if (without.kind !== 'site-path' || withBase.kind !== 'site-path') throw new Error('unexpected kinds');
    expect(siteHrefFor(without, '/docker-learning', DEFAULT_SLUG_RULES)).toBe('/docker-learning/hands-on/compose/#up');
    expect(siteHrefFor(withBase, '/docker-learning', DEFAULT_SLUG_RULES)).toBe('/docker-learning/hands-on/compose/');
    expect(siteHrefFor(without, '/', DEFAULT_SLUG_RULES)).toBe('/hands-on/compose/#up');
  });
});

describe('siteHrefFor', () => {
  it('builds base-path URLs from the page slug', () => {
    const page = resolveLinkTarget('./Getting Started.md#setup', 'index.md');
    const folder = resolveLinkTarget('./vms/', 'index.md');
    if (page.kind !== 'page' || folder.kind !== 'section') throw new Error('unexpected kinds');
    expect(siteHrefFor(page, '/docker-learning', DEFAULT_SLUG_RULES)).toBe('/docker-learning/getting-started/#setup');
    expect(siteHrefFor(folder, '/', DEFAULT_SLUG_RULES)).toBe('/vms/');
  });
});
