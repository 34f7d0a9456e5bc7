import { describe, expect, it } from 'vitest';
import { frontmatter, validate } from './helpers.ts';

describe('content check: duplicate URLs', () => {
  it('names both files when a page and a folder index claim the same URL', () => {
    expect(validate({ 'setup.md': frontmatter(), 'setup/index.mdx': frontmatter() })).toEqual([
      {
        file: 'content/docs/setup.md',
        message: 'has the same URL (/setup/) as content/docs/setup/index.mdx, so one would overwrite the other; rename or move one of them.',
      },
      {
        file: 'content/docs/setup/index.mdx',
        message: 'has the same URL (/setup/) as content/docs/setup.md, so one would overwrite the other; rename or move one of them.',
      },
    ]);
  });

  it('catches names that only differ in case and spaces', () => {
    const problems = validate({ 'First Steps.md': frontmatter(), 'first-steps.md': frontmatter(), 'other.md': frontmatter() });
    expect(problems.map((p) => p.file)).toEqual(['content/docs/First Steps.md', 'content/docs/first-steps.md']);
    expect(problems[0]!.message).toContain('(/first-steps/) as content/docs/first-steps.md');
  });
});

describe('content check: folders with one URL', () => {
  it('names both folders when 03-sec/ and sec/ would both be /sec/', () => {
    const problems = validate({ '03-sec/a.md': frontmatter(), 'sec/b.md': frontmatter() });
    expect(problems).toEqual([
      { file: 'content/docs/03-sec', message: expect.stringContaining('is published at /sec/, as the folder content/docs/sec is') },
      { file: 'content/docs/sec', message: expect.stringContaining('is published at /sec/, as the folder content/docs/03-sec is') },
    ]);
  });
});
