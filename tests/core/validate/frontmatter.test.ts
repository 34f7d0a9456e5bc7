import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFrontmatter } from '../../../src/core/content/source.ts';
import { checkFrontmatter } from '../../../src/core/validate/check-frontmatter.ts';
import { validateBeforeLoading } from '../../../src/core/validate/index.ts';
import { validate } from './helpers.ts';

describe('content check: frontmatter', () => {
  it('reports each invalid field on its own line, with expected and found values', () => {
    const problems = validate({
      'a.md': '---\ntitle: ""\nsidebar:\n  order: 1.5\n  lable: Short\ndraft: "yes"\ncolour: blue\n---\n\nBody.\n',
    });
    expect(problems).toEqual([
      {
        file: 'content/docs/a.md',
        line: 2,
        message: 'invalid frontmatter field title: a page needs a title (got ""); fix the value in the frontmatter.',
      },
      {
        file: 'content/docs/a.md',
        line: 4,
        message: 'invalid frontmatter field sidebar.order: sidebar.order must be a whole number (got number 1.5); fix the value in the frontmatter.',
      },
      {
        file: 'content/docs/a.md',
        line: 5,
        message: 'frontmatter field "lable" in sidebar is not allowed; allowed: label, order. Fix the spelling or remove it.',
      },
      {
        file: 'content/docs/a.md',
        line: 6,
        message: 'invalid frontmatter field draft: expected boolean (got "yes"); fix the value in the frontmatter.',
      },
      {
        file: 'content/docs/a.md',
        line: 7,
        message:
          'frontmatter field "colour" is not allowed; allowed: title, description, sidebar, lesson, draft, updated, image, duration, objectives, prerequisites. Fix the spelling or remove it.',
      },
    ]);
  });

  it('checks a lesson: block at build time, naming the line of a bad leaves entry and of a bad annotation', () => {
    const page = '---\ntitle: A lesson\nlesson:\n  leaves: [pgdata]\n---\n\n<!-- lesson: exit=maybe -->\n```sh\nfalse\n```\n';
    const problems = validate({ 'a.md': page });
    expect(problems.map((problem) => [problem.line, problem.message.slice(0, 60)])).toEqual([
      [4, 'invalid frontmatter field lesson.leaves.0: write what the pa'],
      [7, 'lesson annotation: exit=maybe must be a status from 0 to 255'],
    ]);
  });

  it("refuses a requirement the site's settings do not declare, in the frontmatter and in an annotation, naming file, line, name and the known ones", () => {
    const page = [
      '---',
      'title: A lesson',
      'lesson:',
      '  needs:',
      '    - root-shell',
      '    - cluster-admin',
      '---',
      '',
      '<!-- lesson: needs="root-shell internet" -->',
      '```sh',
      'id -u',
      '```',
      '',
    ].join('\n');
    const known =
      'Use one of: root-shell, network; or declare it in lessonRequirements in the site settings (src/site.config.ts, or the file DOCS_SITE_CONFIG names).';
    expect(validate({ 'hands-on/a.md': page }, { lessonRequirements: ['root-shell', 'network'] })).toEqual([
      {
        file: 'content/docs/hands-on/a.md',
        line: 6,
        message: `frontmatter lesson.needs: cluster-admin is not a requirement this course declares. ${known}`,
      },
      {
        file: 'content/docs/hands-on/a.md',
        line: 9,
        message: `lesson annotation: needs=internet is not a requirement this course declares. ${known}`,
      },
    ]);
    // Declared by the course's settings, the same names pass.
    expect(validate({ 'hands-on/a.md': page }, { lessonRequirements: ['root-shell', 'cluster-admin', 'internet'] })).toEqual([]);
  });

  it('lets a page leave its description out, unless the site requires one', () => {
    const page = '---\ntitle: A page\n---\n\nBody.\n';
    expect(validate({ 'a.md': page })).toEqual([]);
    expect(validate({ 'a.md': page }, { requireDescriptions: true })).toEqual([
      {
        file: 'content/docs/a.md',
        line: 1,
        message: expect.stringContaining('has no description, and this site requires one (requireDescriptions in src/site.config.ts)'),
      },
    ]);
    expect(validate({ 'a.md': '---\ntitle: A page\ndescription: "  "\n---\n' })[0]?.message).toContain('description must not be empty');
  });

  it('lists the pages without a description before Astro loads anything, to warn once', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'descriptions-'));
    try {
      const docsDir = path.join(root, 'content', 'docs');
      mkdirSync(docsDir, { recursive: true });
      writeFileSync(path.join(docsDir, 'index.md'), '---\ntitle: Home\ndescription: Start here.\n---\n\nHello.\n');
      writeFileSync(path.join(docsDir, 'a.md'), '---\ntitle: A\n---\n\nBody.\n');
      writeFileSync(path.join(docsDir, 'b.md'), '---\ntitle: B\n---\n\nBody.\n');
      const early = validateBeforeLoading({ docsDir, rootDir: root });
      expect(early.problems).toEqual([]);
      expect(early.withoutDescription).toEqual(['content/docs/a.md', 'content/docs/b.md']);
      const required = validateBeforeLoading({ docsDir, rootDir: root, requireDescriptions: true });
      expect(required.problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual(['content/docs/a.md:1', 'content/docs/b.md:1']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
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
    expect(problem!.message).toContain('has no frontmatter; every page needs at least a title.');
    expect(problem!.message).toContain('title: Page title');
  });

  it('accepts valid frontmatter in .md and .mdx', () => {
    const page = '---\ntitle: Ok\ndescription: Fine.\nsidebar:\n  label: OK\n  order: 2\nupdated: 2025-01-31\ndraft: false\n---\n\nText.\n';
    expect(validate({ 'a.md': page, 'b.mdx': page })).toEqual([]);
  });
});

describe('content check: MDX syntax', () => {
  it('reports an MDX file that cannot be parsed instead of crashing, and carries on with the others', () => {
    const problems = validate({
      'a.mdx': '---\ntitle: A\ndescription: B\n---\n\nUse {curly braces here.\n',
      'b.md': '---\ntitle: A\ndescription: B\n---\n\n[x](./gone.md)\n',
    });
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['content/docs/a.mdx:6', 'content/docs/b.md:6']);
    expect(problems[0]!.message).toMatch(/^is not valid MDX: .+Fix the syntax/);
  });
});

/** Nine levels of nine aliases each: 9^9 values once written out ("billion laughs"). */
const billionLaughs = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
].join('\n');

describe('frontmatter: YAML that would exhaust time or memory', () => {
  it('refuses an alias bomb quickly, naming the file, the line and the fix', () => {
    const problems = validate({ 'a.md': `---\ntitle: A\ndescription: B\n${billionLaughs}\n---\n\nBody.\n` });
    expect(problems).toEqual([
      {
        file: 'content/docs/a.md',
        line: 6,
        message: 'frontmatter uses YAML aliases (*name) that expand too far (more than 100 values); write the values out instead.',
      },
    ]);
  });

  it('still allows a few aliases', () => {
    const page = '---\ntitle: &name Docker volumes\ndescription: Where data lives.\nsidebar:\n  label: *name\n---\n\nBody.\n';
    expect(checkFrontmatter(findFrontmatter(page))).toEqual({ draft: false, hasDescription: true, problems: [] });
  });

  it('refuses lists nested 10,000 deep with a named message, not a RangeError', () => {
    const page = `---\ntitle: A\ndescription: B\nimage: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n`;
    expect(checkFrontmatter(findFrontmatter(page)).problems).toEqual([
      { line: 4, message: 'frontmatter nests lists or maps more than 32 levels deep; flatten the value.' },
    ]);
  });

  it('refuses a huge frontmatter before parsing it, saying where long text belongs', () => {
    const page = `---\ntitle: A\ndescription: ${'word '.repeat(200_000)}\n---\n`;
    const [problem] = checkFrontmatter(findFrontmatter(page)).problems;
    expect(problem).toEqual({
      line: 1,
      message: expect.stringMatching(
        /^frontmatter is 1,000,\d{3} characters long, more than the 65,536 allowed; .+ move long text into the page itself\.$/,
      ),
    });
  });

  it('names a field given twice and where it was first', () => {
    expect(validate({ 'a.md': '---\ntitle: A\ndescription: B\ntitle: C\n---\n' })).toEqual([
      { file: 'content/docs/a.md', line: 4, message: 'frontmatter has the key "title" twice (first on line 2); keep one.' },
    ]);
  });

  it('stops a bomb before Astro reads the content (the check that runs first)', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'frontmatter-limits-'));
    try {
      const docsDir = path.join(root, 'content', 'docs');
      mkdirSync(docsDir, { recursive: true });
      writeFileSync(path.join(docsDir, 'index.md'), '---\ntitle: Home\ndescription: Start here.\n---\n\nHello.\n');
      writeFileSync(path.join(docsDir, 'bomb.md'), `---\ntitle: A\ndescription: B\n${billionLaughs}\n---\n\nBody.\n`);
      expect(validateBeforeLoading({ docsDir, rootDir: root }).problems).toEqual([
        {
          file: 'content/docs/bomb.md',
          line: 6,
          message: 'frontmatter uses YAML aliases (*name) that expand too far (more than 100 values); write the values out instead.',
        },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('frontmatter: text shown outside the page', () => {
  it('refuses a bidi control in the title, description, sidebar label or an objective, at its line, spelled out', () => {
    const page =
      '---\ntitle: "Safe \u202Eexe.txt"\ndescription: "Read \u2066this\u2069."\nsidebar:\n  label: "Short\u200F"\nobjectives:\n  - "Run \u202Dit"\n---\n\nBody.\n';
    const problems = validate({ 'a.md': page });
    expect(problems.map((problem) => [problem.line, problem.message.split(':')[0]])).toEqual([
      [2, 'invalid frontmatter field title'],
      [3, 'invalid frontmatter field description'],
      [5, 'invalid frontmatter field sidebar.label'],
      [7, 'invalid frontmatter field objectives.0'],
    ]);
    expect(problems[0]!.message).toContain('contains U+202E (right-to-left override) at character 6, an invisible character that reorders the text');
    expect(problems[0]!.message).toContain('(got "Safe <U+202E>exe.txt")');
    // The message itself never carries the character, so it cannot scramble the terminal line.
    expect(problems.some((problem) => /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/u.test(problem.message))).toBe(false);
  });

  it('keeps right-to-left letters, which need no control character', () => {
    expect(validate({ 'a.md': '---\ntitle: "Docker بالعربية"\ndescription: שלום עולם.\n---\n\nBody.\n' })).toEqual([]);
  });
});

describe('frontmatter: a draft home page', () => {
  it('points at the draft line, not at the top of the file', () => {
    const home = '---\ntitle: Home\ndescription: Start here.\nsidebar:\n  order: 1\ndraft: true\n---\n\nHello.\n';
    expect(validate({ 'index.md': home })).toEqual([
      { file: 'content/docs/index.md', line: 6, message: expect.stringContaining('is the home page and says "draft: true"') },
    ]);
  });

  it('does so in the check that runs before Astro loads anything', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'draft-home-'));
    try {
      const docsDir = path.join(root, 'content', 'docs');
      mkdirSync(docsDir, { recursive: true });
      writeFileSync(path.join(docsDir, 'index.md'), '---\ntitle: Home\ndescription: Start here.\ndraft: true\n---\n\nHello.\n');
      expect(validateBeforeLoading({ docsDir, rootDir: root }).problems).toEqual([
        { file: 'content/docs/index.md', line: 4, message: expect.stringContaining('is the home page and says "draft: true"') },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
