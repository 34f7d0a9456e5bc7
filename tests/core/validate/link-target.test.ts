import { describe, expect, it } from 'vitest';
import { resolveLinkTarget, siteHrefFor } from '../../../src/core/validate/link-target.ts';
import { DEFAULT_SLUG_RULES } from '../../../src/core/urls.ts';

const R = DEFAULT_SLUG_RULES;

describe('resolveLinkTarget', () => {
  it('resolves page links against the linking file and keeps query and fragment as written', () => {
    expect(resolveLinkTarget('../vms/hypervisors.md#bare-metal', 'containers/images.md', R)).toEqual({
      kind: 'page',
      file: 'vms/hypervisors.md',
      fragment: 'bare-metal',
      suffix: '#bare-metal',
    });
    expect(resolveLinkTarget('Bare%20Metal.mdx?x=1#Caf%C3%A9', 'vms/index.md', R)).toEqual({
      kind: 'page',
      file: 'vms/Bare Metal.mdx',
      fragment: 'Café',
      suffix: '?x=1#Caf%C3%A9',
    });
  });

  it('resolves links ending in / or without an extension against the page URL, as a browser does', () => {
    // troubleshooting/disk-usage.md is published at /troubleshooting/disk-usage/.
    expect(resolveLinkTarget('../../orchestration/service-discovery/', 'troubleshooting/disk-usage.md', R)).toEqual({
      kind: 'url',
      path: '/orchestration/service-discovery/',
      from: '/troubleshooting/disk-usage/',
      aboveRoot: false,
      fragment: undefined,
      suffix: '',
    });
    expect(resolveLinkTarget('../page/#anchor', 'guide/first.md', R)).toMatchObject({
      kind: 'url',
      path: '/guide/page/',
      fragment: 'anchor',
      suffix: '#anchor',
    });
    expect(resolveLinkTarget('./', 'guide/first.md', R)).toMatchObject({ kind: 'url', path: '/guide/first/' });
    expect(resolveLinkTarget('..', 'guide/first.md', R)).toMatchObject({ kind: 'url', path: '/guide' });
    // An index page is published at its folder's URL, so its links read the same as file paths.
    expect(resolveLinkTarget('./', 'vms/index.md', R)).toMatchObject({ kind: 'url', path: '/vms/' });
    expect(resolveLinkTarget('../', 'vms/index.md', R)).toMatchObject({ kind: 'url', path: '/' });
    expect(resolveLinkTarget('guide', 'index.md', R)).toMatchObject({ kind: 'url', path: '/guide' });
    // A Docusaurus-style link without extension is a URL too: from /guide/first/, ./second is /guide/first/second.
    expect(resolveLinkTarget('./second', 'guide/first.md', R)).toMatchObject({ kind: 'url', path: '/guide/first/second' });
    expect(resolveLinkTarget('./Dockerfile', 'index.md', R)).toMatchObject({ kind: 'url', path: '/Dockerfile' });
  });

  it('resolves against the published URL: number prefixes stripped, names slugged', () => {
    expect(resolveLinkTarget('../install/', '01-getting-started/02.first-run.md', R)).toMatchObject({
      kind: 'url',
      path: '/getting-started/install/',
      from: '/getting-started/first-run/',
    });
    expect(resolveLinkTarget('../install/', '01-getting-started/02.first-run.md', { stripNumberPrefixes: false })).toMatchObject({
      path: '/01-getting-started/install/',
    });
    expect(resolveLinkTarget('../x/', 'Getting Started/First Steps.md', R)).toMatchObject({
      from: '/getting-started/first-steps/',
      path: '/getting-started/x/',
    });
  });

  it('says when a URL link climbs above the site root, where a browser would silently stop', () => {
    expect(resolveLinkTarget('../../../x/', 'guide/first.md', R)).toMatchObject({ kind: 'url', aboveRoot: true, path: '/x/' });
    expect(resolveLinkTarget('../', 'index.md', R)).toMatchObject({ kind: 'url', aboveRoot: true, path: '/' });
    expect(resolveLinkTarget('../../x/', 'guide/first.md', R)).toMatchObject({ aboveRoot: false, path: '/x/' });
  });

  it('separates same-page fragments from everything that is not a page', () => {
    expect(resolveLinkTarget('#install', 'index.md', R)).toEqual({ kind: 'same-page', fragment: 'install' });
    for (const href of ['https://x.org/a.md', 'jav\tascript:alert(1)', '//cdn.example/a.md', 'mailto:a@b.c', './image.png', '', '?q=1']) {
      expect(resolveLinkTarget(href, 'vms/index.md', R), href).toEqual({ kind: 'other' });
    }
  });

  it('tells site-absolute paths and paths that leave the docs folder apart, so both get checked', () => {
    expect(resolveLinkTarget('/hands-on/compose/#up', 'vms/index.md', R)).toEqual({
      kind: 'site-path',
      path: '/hands-on/compose/',
      fragment: 'up',
      suffix: '#up',
    });
    expect(resolveLinkTarget('/a/../b/', 'index.md', R)).toMatchObject({ kind: 'site-path', path: '/b/' });
    expect(resolveLinkTarget('../../outside.md', 'vms/index.md', R)).toEqual({ kind: 'outside', path: '../outside.md' });
    expect(resolveLinkTarget('../links.yaml#docker-docs', 'index.md', R)).toEqual({ kind: 'resource', id: 'docker-docs' });
  });

  it('gives site-absolute links the base path once, whether the author wrote it or not', () => {
    const without = resolveLinkTarget('/hands-on/compose/#up', 'index.md', R);
    const withBase = resolveLinkTarget('/docker-learning/hands-on/compose/', 'index.md', R);
    if (without.kind !== 'site-path' || withBase.kind !== 'site-path') throw new Error('unexpected kinds');
    expect(siteHrefFor(without, '/docker-learning', DEFAULT_SLUG_RULES)).toBe('/docker-learning/hands-on/compose/#up');
    expect(siteHrefFor(withBase, '/docker-learning', DEFAULT_SLUG_RULES)).toBe('/docker-learning/hands-on/compose/');
    expect(siteHrefFor(without, '/', DEFAULT_SLUG_RULES)).toBe('/hands-on/compose/#up');
  });
});

describe('siteHrefFor', () => {
  it('builds base-path URLs from the page slug, and from where a URL link lands', () => {
    const page = resolveLinkTarget('./Getting Started.md#setup', 'index.md', R);
    const url = resolveLinkTarget('../vms/#kvm', 'guide/first.md', R);
    if (page.kind !== 'page' || url.kind !== 'url') throw new Error('unexpected kinds');
    expect(siteHrefFor(page, '/docker-learning', DEFAULT_SLUG_RULES)).toBe('/docker-learning/getting-started/#setup');
    expect(siteHrefFor(url, '/docker-learning', DEFAULT_SLUG_RULES)).toBe('/docker-learning/guide/vms/#kvm');
  });
});
