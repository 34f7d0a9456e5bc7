import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInventory, SITE_RESERVED_SLUGS } from '../../../src/core/content/inventory.ts';
import { parseSectionSettings } from '../../../src/core/content/section-settings.ts';
import { DEFAULT_SLUG_RULES } from '../../../src/core/urls.ts';

let root: string;
let docsDir: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sections-'));
  docsDir = path.join(root, 'content', 'docs');
  mkdirSync(docsDir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(docsDir, file)), { recursive: true });
  writeFileSync(path.join(docsDir, file), text);
}
const page = '---\ntitle: A page\n---\n\nText.\n';
const inventory = () =>
  buildInventory({
    docsDir,
    contentDir: path.join(root, 'content'),
    display: (file) => `content/docs/${file}`,
    reservedSlugs: SITE_RESERVED_SLUGS,
    slugRules: DEFAULT_SLUG_RULES,
  });

describe('section settings (_category_.json)', () => {
  it('reads the label and position Docusaurus writes, in JSON or YAML', () => {
    expect(parseSectionSettings('{ "label": "Getting started", "position": 2 }')).toEqual({
      settings: { label: 'Getting started', position: 2 },
      problems: [],
    });
    expect(parseSectionSettings('label: Setup\nposition: 1.5\n')).toEqual({ settings: { label: 'Setup', position: 1.5 }, problems: [] });
  });

  it('names the line of a bad or unknown key and says what is allowed', () => {
    expect(parseSectionSettings('{\n  "label": "Setup",\n  "collapsed": false\n}').problems).toEqual([
      { line: 3, message: 'sets "collapsed", which this site does not read; only "label" and "position" are allowed. Remove it.' },
    ]);
    expect(parseSectionSettings('{\n  "position": "second"\n}').problems).toEqual([{ line: 2, message: expect.stringContaining('position') }]);
    expect(parseSectionSettings('{ "label": ').problems[0]?.message).toMatch(/^is not valid JSON or YAML: /);
    expect(parseSectionSettings('[1, 2]').problems[0]?.message).toContain('must be an object');
  });

  it('refuses a label with a bidi control, at its line', () => {
    expect(parseSectionSettings('{\n  "label": "Setup\u202Egnp.exe"\n}').problems).toEqual([
      { line: 2, message: expect.stringContaining('contains U+202E (right-to-left override) at character 6') },
    ]);
  });

  it('gives the inventory each folder’s settings and reports bad files with their path', () => {
    write('01-basics/01-a.md', page);
    write('01-basics/_category_.json', '{"label": "Basics", "position": 1}');
    write('02-more/01-b.md', page);
    write('02-more/_category_.yml', 'label: More\nhidden: true\n');
    const taken = inventory();
    expect([...taken.sections]).toEqual([['01-basics', { label: 'Basics', position: 1 }]]);
    expect(taken.problems).toEqual([{ file: 'content/docs/02-more/_category_.yml', line: 2, message: expect.stringContaining('"hidden"') }]);
  });

  it('refuses two settings files in one folder, and one that links outside content/', () => {
    write('a/page.md', page);
    write('a/_category_.json', '{"label": "A"}');
    write('a/_category_.yml', 'label: A');
    write('b/page.md', page);
    writeFileSync(path.join(root, 'outside.json'), '{"label": "Secret"}');
    symlinkSync(path.join(root, 'outside.json'), path.join(docsDir, 'b', '_category_.json'));
    const taken = inventory();
    expect(taken.sections.get('b')).toBeUndefined();
    const problems = taken.problems.map((problem) => `${problem.file}: ${problem.message}`);
    expect(problems).toEqual([
      'content/docs/a/_category_.yml: sets the same folder as content/docs/a/_category_.json; keep one of the two files.',
      `content/docs/b/_category_.json: is a symbolic link to "${path.join(root, 'outside.json')}", which points outside content/; copy the file in instead.`,
    ]);
  });

  it('names both files when two names are one URL once their prefixes are stripped', () => {
    write('01-setup.md', page);
    write('setup.md', page);
    const problems = inventory().problems.map((problem) => `${problem.file}: ${problem.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^content\/docs\/01-setup\.md: has the same URL \(\/setup\/\) as content\/docs\/setup\.md/),
      expect.stringMatching(/^content\/docs\/setup\.md: has the same URL \(\/setup\/\) as content\/docs\/01-setup\.md/),
    ]);
  });
});

describe('section settings that nothing reads', () => {
  it('refuses a _category_ file at the top of the docs folder, naming it and what to do', () => {
    write('index.md', page);
    write('_category_.json', '{"label": "Everything"}');
    expect(inventory().problems).toEqual([
      {
        file: 'content/docs/_category_.json',
        message:
          'is at the top of the docs folder, which is the whole site, not a section, so nothing reads it. Put it in the folder it should label, or remove it.',
      },
    ]);
  });

  it('refuses one in a folder without pages, and accepts one in a folder whose pages are only in subfolders', () => {
    write('index.md', page);
    write('empty/_category_.yml', 'label: Empty\n');
    write('empty/diagram.svg', '<svg/>');
    write('parent/_category_.json', '{"label": "Parent"}');
    write('parent/child/page.md', page);
    const taken = inventory();
    expect(taken.problems).toEqual([
      {
        file: 'content/docs/empty/_category_.yml',
        message: expect.stringContaining(
          'is in content/docs/empty, a folder with no pages (.md or .mdx) in it or below it, so the sidebar has no section for it to label.',
        ),
      },
    ]);
    expect(taken.sections.get('parent')).toEqual({ label: 'Parent' });
  });
});

describe('folders that become one URL', () => {
  it('refuses 03-sec/ beside sec/, naming both folders, although no two pages clash', () => {
    write('03-sec/a.md', page);
    write('sec/b.md', page);
    write('other/c.md', page);
    const taken = inventory();
    expect(taken.problems).toEqual([
      {
        file: 'content/docs/03-sec',
        message:
          'is published at /sec/, as the folder content/docs/sec is, so the sidebar would show two sections of one name, each with part of the pages; merge the folders or rename one.',
      },
      { file: 'content/docs/sec', message: expect.stringContaining('is published at /sec/, as the folder content/docs/03-sec is') },
    ]);
    expect(taken.pages.map((p) => p.file)).toEqual(['other/c.md']);
  });

  it('does so for nested folders and for names that differ only in case', () => {
    write('guide/01-setup/a.md', page);
    write('guide/Setup/b.md', page);
    expect(inventory().problems.map((problem) => problem.file)).toEqual(['content/docs/guide/01-setup', 'content/docs/guide/Setup']);
  });
});
