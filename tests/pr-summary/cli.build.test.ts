import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pr-summary-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  const { GITHUB_STEP_SUMMARY: _summary, ...env } = process.env;
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', script), ...args], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const file = (name: string, text: string) => {
  const target = path.join(scratch, name);
  writeFileSync(target, text);
  return target;
};

// Every mistake here is the user's: one line saying what to do, exit 2, and never a stack trace.
describe('npm run pr-summary usage errors', () => {
  const emptyDir = path.join(scratch, 'empty');
  mkdirSync(emptyDir);

  it.each([
    [[], 'say what to compare with: --base <ref> (a branch, tag or commit) or --base-dist <dir> (a build).'],
    [['--base', 'HEAD', '--base-dist', emptyDir], '--base and --base-dist cannot be combined'],
    [
      ['--base-dist', path.join(scratch, 'nowhere')],
      `--base-dist: ${path.join(scratch, 'nowhere')} is not a folder; build the site there first (npm run build).`,
    ],
    [['--base', 'no-such-branch-anywhere'], '--base: "no-such-branch-anywhere" is not a commit, branch or tag in this repository'],
    [['--base-dist', emptyDir, '--head-dist', emptyDir], 'holds no HTML pages: build the site first (npm run build).'],
    [['--base-dist', emptyDir, '--retention-days', 'a week'], '--retention-days expects a whole number of days (got "a week").'],
    [['--base-dist', emptyDir, '--link-report', file('report.txt', 'not json')], 'is not JSON'],
    [
      ['--base-dist', emptyDir, '--link-report', file('npm.json', '\n> docker-learning@0.1.0 links\n> node scripts/check-links.ts\n\n{}')],
      "starts with npm's own output, not JSON: write it with npm run links --silent --",
    ],
    [
      [
        '--base-dist',
        emptyDir,
        '--link-report',
        file('other.json', '{"schemaVersion":1,"offline":false,"links":[{"url":"x","verdict":"fine","places":[]}]}'),
      ],
      'links.0.verdict: Invalid option',
    ],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('%j', (args, message) => {
    const result = run('pr-summary.ts', args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
  });

  it('prints its help', () => {
    const result = run('pr-summary.ts', ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run pr-summary -- --base <ref> [options]');
  });
});

describe('npm run preview -- --dist', () => {
  it('refuses a folder that holds no built site, without starting a server', () => {
    const result = run('preview.ts', ['--dist', scratch]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`preview: ${scratch} is not a built site (no index.html in it). Name the folder that holds index.html.\n`);
  });

  it('asks for the folder when none is given', () => {
    expect(run('preview.ts', ['--dist']).stderr).toContain('--dist expects a folder');
  });
});
