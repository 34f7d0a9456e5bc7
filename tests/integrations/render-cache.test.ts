import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropStaleContentStore, generatorDigest } from '../../src/integrations/render-cache.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'render-cache-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('rendered pages from an older generator are not reused', () => {
  it('changes the digest when a plugin file or the settings change, and not otherwise', () => {
    const src = path.join(root, 'src');
    mkdirSync(path.join(src, 'plugins'), { recursive: true });
    writeFileSync(path.join(src, 'plugins', 'remark-x.ts'), 'export default 1;');
    const first = generatorDigest([src], ['{"base":"/"}']);
    expect(generatorDigest([src], ['{"base":"/"}'])).toBe(first);
    writeFileSync(path.join(src, 'plugins', 'remark-x.ts'), 'export default 2;');
    const edited = generatorDigest([src], ['{"base":"/"}']);
    expect(edited).not.toBe(first);
    expect(generatorDigest([src], ['{"base":"/docs/"}'])).not.toBe(edited);
  });

  it('drops the content store when the digest differs or was never written, and keeps it when it matches', () => {
    const store = path.join(root, 'data-store.json');
    writeFileSync(store, '{}');
    // A store from before this check: its generator is unknown, so it goes.
    expect(dropStaleContentStore(root, 'a')).toBe(true);
    expect(existsSync(store)).toBe(false);
    writeFileSync(store, '{}');
    expect(dropStaleContentStore(root, 'a')).toBe(false);
    expect(existsSync(store)).toBe(true);
    expect(dropStaleContentStore(root, 'b')).toBe(true);
    expect(existsSync(store)).toBe(false);
  });

  it('creates the cache folder on a first build and reports nothing dropped', () => {
    const fresh = path.join(root, 'never-built', '.astro');
    expect(dropStaleContentStore(fresh, 'a')).toBe(false);
    expect(existsSync(path.join(fresh, 'learning-site-generator.sha256'))).toBe(true);
  });
});
