import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCommit, resolveCommit } from '../../scripts/pr-summary/build-ref.ts';
import { projectRoot, tmpRoot } from '../helpers/build-site.ts';

describe('buildCommit', () => {
  it('builds a commit in a temporary worktree with the installed packages, keeps the build and removes the worktree', async () => {
    const commit = await resolveCommit('HEAD', projectRoot);
    const lines: string[] = [];
    const workDir = path.join(tmpRoot, 'pr-summary-work');
    // No Astro lock needed: the worktree is a project of its own, with its own .astro/ folder.
    // The build's log goes to a file: a failure quotes it, a success keeps it out of the test output.
    const buildLog = path.join(tmpRoot, 'pr-summary-build.log');
    const dist = await buildCommit({ root: projectRoot, commit, workDir, log: (line) => lines.push(line), buildLog });
    expect(readFileSync(buildLog, 'utf8')).toMatch(/\[build\] Complete!/);

    expect(dist).toBe(path.join(workDir, `base-${commit.slice(0, 12)}`));
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toContain('<h1');
    expect(existsSync(path.join(dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    // HEAD's lock file is the installed one: no second install.
    expect(lines).toEqual([expect.stringMatching(/^Building [0-9a-f]{12} in /)]);
    const worktrees = execFileSync('git', ['worktree', 'list', '--porcelain'], { cwd: projectRoot, encoding: 'utf8' });
    const worktree = path.join(workDir, `worktree-${commit.slice(0, 12)}`);
    expect(worktrees).not.toContain(worktree);
    expect(existsSync(worktree)).toBe(false);
  });
});
