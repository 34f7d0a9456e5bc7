import { describe, expect, it } from 'vitest';
import { validate } from './helpers.ts';

describe('validateDocuments: frontmatter', () => {
  it('reports each invalid field on its own line, with expected and found values', () => {
    const problems = validate({
      'a.md': '---\ntitle: ""\nsidebar:\n  order: 1.5\n  lable: Short\ndraft: "yes"\ncolour: blue\n---\n\nBody.\n',
    });
    expect(problems).toEqual([
      { file: 'content/docs/a.md', line: 1, message: 'invalid frontmatter field description: expected string (got nothing); add "description: …" to the frontmatter.' },
      { file: 'content/docs/a.md', line: 2, message: 'invalid frontmatter field title: a page needs a title (got ""); fix the value in the frontmatter.' },
      { file: 'content/docs/a.md', line: 4, message: 'invalid frontmatter field sidebar.order: sidebar.order must be a whole number (got number 1.5); fix the value in the frontmatter.' },
      { file: 'content/docs/a.md', line: 5, message: 'frontmatter field "lable" in sidebar is not allowed; allowed: label, order. Fix the spelling or remove it.' },
      { file: 'content/docs/a.md', line: 6, message: 'invalid frontmatter field draft: expected boolean (got "yes"); fix the value in the frontmatter.' },
      {
        file: 'content/docs/a.md',
        line: 7,
        message: 'frontmatter field "colour" is not allowed; allowed: title, description, sidebar, draft, updated, image. Fix the spelling or remove it.',
      },
    ]);
  });

  it('reports YAML syntax errors with the file line', () => {
    const problems = validate({ 'a.md': '---\ntitle: Docker: the basics\ndescription: x\n---\n' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(2);
    expect(problems[0]!.message).toMatch(/^frontmatter is not valid YAML: .+ quote values that contain ": "/);
  });

  it('reports a page without frontmatter and shows the block to add', () => {
    const [problem] = validate({ 'a.md': '# Just a heading\n' });
    expect(problem).toMatchObject({ file: 'content/docs/a.md', line: 1 });
    expect(problem!.message).toContain('has no frontmatter; every page needs a title and a description.');
    expect(problem!.message).toContain('title: Page title');
  });

  it('accepts valid frontmatter in .md and .mdx', () => {
    const page = '---\ntitle: Ok\ndescription: Fine.\nsidebar:\n  label: OK\n  order: 2\nupdated: 2025-01-31\ndraft: false\n---\n\nText.\n';
    expect(validate({ 'a.md': page, 'b.mdx': page })).toEqual([]);
  });
});

describe('validateDocuments: MDX syntax', () => {
  it('reports an MDX file that cannot be parsed instead of crashing, and carries on with the others', () => {
    const problems = validate({
      'a.mdx': '---\ntitle: A\ndescription: B\n---\n\nUse {curly braces here.\n',
      'b.md': '---\ntitle: A\ndescription: B\n---\n\n[x](./gone.md)\n',
    });
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['content/docs/a.mdx:6', 'content/docs/b.md:6']);
    expect(problems[0]!.message).toMatch(/^is not valid MDX: .+Fix the syntax/);
  });
});
