import { describe, expect, it } from 'vitest';
import { resolveLinkTarget, siteHrefFor } from '../../../src/lib/validate/link-target.ts';

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
    for (const href of ['https://x.org/a.md', '//cdn.example/a.md', '/abs/a.md', 'mailto:a@b.c', './image.png', '../../outside.md', '', '?q=1']) {
      expect(resolveLinkTarget(href, 'vms/index.md'), href).toEqual({ kind: 'other' });
    }
  });
});

describe('siteHrefFor', () => {
  it('builds base-path URLs from the page slug', () => {
    const page = resolveLinkTarget('./Getting Started.md#setup', 'index.md');
    const folder = resolveLinkTarget('./vms/', 'index.md');
    if (page.kind !== 'page' || folder.kind !== 'section') throw new Error('unexpected kinds');
    expect(siteHrefFor(page, '/docker-learning')).toBe('/docker-learning/getting-started/#setup');
    expect(siteHrefFor(folder, '/')).toBe('/vms/');
  });
});
