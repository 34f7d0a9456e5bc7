import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/env.ts';
import { tmpRoot } from '../helpers/build-site.ts';

const cli = path.join(projectRoot, 'node_modules', '.bin', 'markdownlint-cli2');
const config = path.join(projectRoot, '.markdownlint-cli2.jsonc');

function lint(cwd: string, ...args: string[]) {
  const result = spawnSync(cli, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('markdownlint (npm run lint:content)', () => {
  it('finds no problems in content/', () => {
    // The same glob as the npm script.
    const { status, output } = lint(projectRoot, 'content/**/*.{md,mdx}');
    expect(output).toMatch(/Linting: \d{2,} file/);
    expect(status, output).toBe(0);
  });

  it('flags what the house style forbids, so a clean run means something', () => {
    const dir = path.join(tmpRoot, 'markdownlint-style');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'bad.md'),
      [
        '---',
        'title: A page',
        'description: Breaks the style on purpose.',
        '---',
        '',
        '# A second title in the body',
        '',
        '* star bullets',
        '',
        '```',
        'a code block without a language',
        '```',
        '',
        '<div>raw HTML</div>',
        '',
        'Tabs\tin prose.',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'fine.md'),
      '---\ntitle: Fine\ndescription: Ok.\n---\n\n## Go keeps tabs\n\n```go\nfunc main() {\n\tprintln("hi")\n}\n```\n',
    );
    const { status, output } = lint(dir, '--config', config, '*.md');
    expect(status).toBe(1);
    expect(output).toContain('bad.md');
    for (const rule of ['MD025', 'MD004', 'MD040', 'MD033', 'MD010']) expect(output, `${rule} should fire`).toContain(rule);
    expect(output).not.toContain('fine.md');
  });
});
