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
  buildInventory({ docsDir, contentDir: path.join(root, 'content'), display: (file) => `content/docs/${file}`, reservedSlugs: SITE_RESERVED_SLUGS, slugRules: DEFAULT_SLUG_RULES });

describe('section settings (_category_.json)', () => {
  it('reads the label and position Docusaurus writes, in JSON or YAML', () => {
    expect(parseSectionSettings('{ "label": "Getting started", "position": 2 }')).toEqual({ settings: { label: 'Getting started', position: 2 }, problems: [] });
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
