import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside } from '../../src/core/paths.ts';

describe('isInside: path confinement', () => {
  const content = path.resolve('/site/content');

  it('accepts files below the folder, including names that start with two dots', () => {
    expect(isInside(content, path.join(content, 'docs/page.md'))).toBe(true);
    // "..notes.md" is a file name, not a step up: a prefix test on ".." wrongly refused it.
    expect(isInside(content, path.join(content, '..notes.md'))).toBe(true);
  });

  it('refuses the parent, a sibling sharing the prefix, and a different root', () => {
    expect(isInside(content, path.resolve('/site'))).toBe(false);
    expect(isInside(content, path.resolve('/site/content-private/x.md'))).toBe(false);
    expect(isInside(content, path.resolve('/etc/passwd'))).toBe(false);
    expect(isInside(content, path.join(content, '../public/x.png'))).toBe(false);
  });

  it('says what the folder itself is, as the caller asks', () => {
    expect(isInside(content, content)).toBe(true);
    expect(isInside(content, content, { folderItself: 'outside' })).toBe(false);
  });
});
