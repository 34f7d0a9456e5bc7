import { describe, expect, it } from 'vitest';
import { frontmatter, validate } from './helpers.ts';

describe('validateDocuments: duplicate URLs', () => {
  it('names both files when a page and a folder index claim the same URL', () => {
    expect(validate({ 'setup.md': frontmatter(), 'setup/index.mdx': frontmatter() }, { base: '/docker-learning' })).toEqual([
      {
        file: 'content/docs/setup.md',
        message: 'has the same URL (/docker-learning/setup/) as content/docs/setup/index.mdx, so one would overwrite the other. Rename or move one of them.',
      },
      {
        file: 'content/docs/setup/index.mdx',
        message: 'has the same URL (/docker-learning/setup/) as content/docs/setup.md, so one would overwrite the other. Rename or move one of them.',
      },
    ]);
  });

  it('catches names that only differ in case and spaces', () => {
    const problems = validate({ 'First Steps.md': frontmatter(), 'first-steps.md': frontmatter(), 'other.md': frontmatter() });
    expect(problems.map((p) => p.file)).toEqual(['content/docs/First Steps.md', 'content/docs/first-steps.md']);
    expect(problems[0]!.message).toContain('(/first-steps/) as content/docs/first-steps.md');
  });
});

describe('validateDocuments: folders with one URL', () => {
  it('names both folders when 03-sec/ and sec/ would both be /sec/', () => {
    const problems = validate({ '03-sec/a.md': frontmatter(), 'sec/b.md': frontmatter() }, { base: '/docker-learning' });
    expect(problems).toEqual([
      { file: 'content/docs/03-sec', message: expect.stringContaining('is published at /docker-learning/sec/, as the folder content/docs/sec is') },
      { file: 'content/docs/sec', message: expect.stringContaining('is published at /docker-learning/sec/, as the folder content/docs/03-sec is') },
    ]);
  });
});
