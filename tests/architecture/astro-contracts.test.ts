import { extractFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { ASTRO_FRONTMATTER } from '../../src/core/content/source.ts';

/**
 * Assumptions the code makes about Astro that no type checks. Each test names one, so an Astro
 * upgrade that breaks it fails here by name instead of shifting line numbers or pages silently.
 */
describe('contracts with Astro', () => {
  it('the core finds a page’s frontmatter where Astro does (src/core/content/source.ts)', () => {
    const samples = [
      '---\ntitle: A\n---\n# A\n',
      '\uFEFF---\ntitle: BOM\n---\ntext',
      '\n\n---\ntitle: after blank lines\n---\n',
      '+++\ntitle = "toml"\n+++\n',
      '# No frontmatter\n---\nnot: this\n---\n',
      '---\ntitle: unclosed\n',
      '---\n---\nempty',
      'text\n---\na: b\n---\n',
    ];
    for (const sample of samples) expect(ASTRO_FRONTMATTER.exec(sample)?.[1], JSON.stringify(sample)).toBe(extractFrontmatter(sample));
  });
});
