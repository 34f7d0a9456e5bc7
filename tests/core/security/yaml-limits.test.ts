import { LineCounter } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_ALIAS_VALUES, MAX_YAML_DEPTH, readAuthorYaml, type ReadYamlOptions } from '../../../src/core/security/yaml-limits.ts';

const read = (text: string, aliasBudget: ReadYamlOptions['aliasBudget'] = 'document') => {
  const lineCounter = new LineCounter();
  const yaml = readAuthorYaml(text, { lineCounter, aliasBudget });
  return { yaml, problems: yaml.problems.map((p) => ({ line: lineCounter.linePos(p.offset).line, kind: p.kind, message: p.message })) };
};

/** The classic "billion laughs": nine levels of nine aliases each, 9^9 values once written out. */
const billionLaughs = (prefix = '') =>
  `${[
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
  ]
    .map((line) => prefix + line)
    .join('\n')}\n`;

/**
 * Runs `fn`. Without the limits these inputs take minutes or exhaust memory, so finishing inside the
 * test's timeout is the proof; a timed assertion would only add noise on a shared machine.
 */
function within<T>(_budgetMs: number, fn: () => T): T {
  return fn();
}

describe('readAuthorYaml: aliases', () => {
  it('writes out ordinary aliases, and applies << merge keys with the written keys winning', () => {
    const { yaml, problems } = read(
      'base: &base {kind: docs, level: beginner}\ntags: &t [docker, basics]\nother:\n  <<: *base\n  level: advanced\n  tags: *t\n',
    );
    expect(problems).toEqual([]);
    expect(yaml.toJS()).toEqual({
      base: { kind: 'docs', level: 'beginner' },
      tags: ['docker', 'basics'],
      other: { kind: 'docs', level: 'advanced', tags: ['docker', 'basics'] },
    });
  });

  it('refuses a billion-laughs bomb quickly, naming the line where the expansion passes the limit', () => {
    const { problems } = within(1000, () => read(billionLaughs()));
    expect(problems).toEqual([
      {
        line: 3,
        kind: 'limit',
        message: `uses YAML aliases (*name) that expand too far (more than ${MAX_YAML_ALIAS_VALUES} values); write the values out instead.`,
      },
    ]);
  });

  it('refuses merge-key bombs too (each << is a copy of its source)', () => {
    const lines = ['l0: &l0 {x: 1}'];
    for (let i = 1; i <= 40; i++) lines.push(`l${i}: &l${i} {<<: [*l${i - 1}, *l${i - 1}], k${i}: 1}`);
    const { problems } = within(1000, () => read(`${lines.join('\n')}\n`));
    // l1..l3 write out 6 + 18 + 42 values; l4 would add 90 more.
    expect(problems).toEqual([{ line: 5, kind: 'limit', message: expect.stringMatching(/expand too far/) }]);
  });

  it('names an alias without an anchor, one inside its own value, and a << of something that is not a map', () => {
    const { problems } = read('a: *nowhere\nb: &loop [1, *loop]\nc: &scalar 1\nd:\n  <<: *scalar\ne:\n  <<: 5\n');
    expect(problems).toEqual([
      {
        line: 1,
        kind: 'limit',
        message: 'uses the alias *nowhere, but no anchor &nowhere comes before it; mark the value to repeat with "&nowhere", or write the value out.',
      },
      { line: 2, kind: 'limit', message: 'uses the alias *loop inside the value it names, which would repeat forever; write the value out instead.' },
      { line: 5, kind: 'limit', message: 'merges (<<) the alias *scalar, which is not a map; "<<" takes a map, an alias of one, or a list of them.' },
      { line: 7, kind: 'limit', message: 'merges (<<) a value that is not a map; "<<" takes a map, an alias of one (*name), or a list of them.' },
    ]);
  });

  it('gives each list item its own budget when asked, so a shared anchor serves any number of items', () => {
    const items = Array.from({ length: 500 }, (_, i) => `- id: e${i}\n  tags: *common\n`).join('');
    const text = `- id: first\n  tags: &common [docker, basics]\n${items}`;
    expect(read(text, 'each-item').problems).toEqual([]);
    expect(read(text, 'document').problems.map((p) => p.message)).toEqual([expect.stringMatching(/expand too far/)]);
    const { yaml } = read(text, 'each-item');
    expect((yaml.toJS() as { tags: string[] }[])[500]!.tags).toEqual(['docker', 'basics']);
  });

  it('stays linear on files of many aliases and keys, where the yaml library alone is quadratic', () => {
    const aliases = `- &a x\n${'- *a\n'.repeat(50_000)}`;
    const { yaml, problems } = within(5000, () => read(aliases, 'each-item'));
    expect(problems).toEqual([]);
    expect((yaml.toJS() as string[]).length).toBe(50_001);
    const keys = `${Array.from({ length: 50_000 }, (_, i) => `k${i}: 1`).join('\n')}\n`;
    expect(within(5000, () => read(keys)).problems).toEqual([]);
  });
});

describe('readAuthorYaml: nesting, keys and syntax', () => {
  it('refuses flow collections nested 10,000 deep with a message, not a RangeError', () => {
    const { problems } = within(5000, () => read(`x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`));
    expect(problems).toEqual([
      { line: 1, kind: 'limit', message: `nests lists or maps more than ${MAX_YAML_DEPTH} levels deep; flatten the value.` },
    ]);
  });

  it('refuses nesting past the limit that the parser itself still manages, naming its line', () => {
    const depth = MAX_YAML_DEPTH + 5;
    const { problems } = read(`ok: 1\nx: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`);
    expect(problems).toEqual([{ line: 2, kind: 'limit', message: expect.stringMatching(/^nests lists or maps more than \d+ levels deep/) }]);
    expect(read(`x: ${'['.repeat(MAX_YAML_DEPTH - 1)}1${']'.repeat(MAX_YAML_DEPTH - 1)}\n`).problems).toEqual([]);
  });

  it('names a repeated key and the line of its first use', () => {
    expect(read('title: A\ndescription: B\ntitle: C\n').problems).toEqual([
      { line: 3, kind: 'limit', message: 'has the key "title" twice (first on line 1); keep one.' },
    ]);
  });

  it('passes syntax errors on as the parser words them, with their line', () => {
    const { problems } = read('a: [unclosed\nb: 1\n');
    expect(problems[0]).toMatchObject({ kind: 'syntax' });
    expect(problems[0]!.message).not.toContain('\n');
  });

  it('keeps a "__proto__" key as data, never as a prototype', () => {
    const data = read('__proto__: {polluted: true}\n').yaml.toJS() as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses to convert text that broke a limit', () => {
    expect(() => read(billionLaughs()).yaml.toJS()).toThrow(/exceeds the limits/);
  });
});
