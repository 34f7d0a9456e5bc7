import { describe, expect, it } from 'vitest';
import { frontmatter, validate } from './helpers.ts';

describe('content check: what an .mdx page imports', () => {
  it('names a relative import that is not there at its line in the page, frontmatter counted', () => {
    const problems = validate(
      { 'guide/page.mdx': `${frontmatter()}\nimport data from './missing.json';\nimport ok from '../shared.json';\n\n{data.x} {ok.y}\n` },
      { assets: ['shared.json'] },
    );
    expect(problems).toEqual([
      { file: 'content/docs/guide/page.mdx', line: 6, message: 'imports "./missing.json", which does not exist. Fix the path, or add the file.' },
    ]);
  });

  it('leaves package and astro: imports to the import allowlist', () => {
    expect(validate({ 'page.mdx': `${frontmatter()}\nimport { Image } from 'astro:assets';\n` })).toEqual([]);
  });
});
