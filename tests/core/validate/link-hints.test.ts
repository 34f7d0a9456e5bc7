import { describe, expect, it } from 'vitest';
import { nearest, relativeUrlHref } from '../../../src/core/validate/link-hints.ts';

describe('nearest: the "did you mean" of a broken link', () => {
  it('finds a one-letter typo whichever order the candidates come in', () => {
    const routes = ['/orchestration/service-discovery/', '/orchestration/', '/troubleshooting/logs/', '/'];
    expect(nearest('/orchestration/service-discover/', routes)).toBe('/orchestration/service-discovery/');
    expect(nearest('/orchestration/service-discover/', [...routes].reverse())).toBe('/orchestration/service-discovery/');
  });

  it('suggests nothing when two candidates are as close, or none is close', () => {
    expect(nearest('/guide/b/', ['/guide/a/', '/guide/c/'])).toBeUndefined();
    expect(nearest('/networking/', ['/storage/volumes/', '/'])).toBeUndefined();
  });
});

describe('relativeUrlHref: a link a browser resolves from one page URL to another', () => {
  it('climbs from the page URL, itself a folder', () => {
    expect(relativeUrlHref('/troubleshooting/disk-usage/', '/orchestration/service-discovery/')).toBe('../../orchestration/service-discovery/');
    expect(relativeUrlHref('/guide/', '/guide/first/')).toBe('./first/');
    expect(relativeUrlHref('/guide/first/', '/guide/first/')).toBe('./');
    expect(relativeUrlHref('/guide/first/', '/')).toBe('../../');
  });
});
