import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class GitRefError extends Error {}

/**
 * Lines added (or changed) under `dir` since `ref`, as absolute path → line numbers, comparing the
 * working tree with the ref so uncommitted edits count too. Files git does not track yet count
 * in full. Used by --changed-since so a pull request checks only the links it touches.
 */
export async function addedLinesSince(ref: string, dir: string): Promise<Map<string, Set<number>>> {
  const git = async (args: string[], cwd: string) =>
    (await run('git', ['-c', 'core.quotePath=false', ...args], { cwd, maxBuffer: 256 * 1024 * 1024 })).stdout;
  let root: string;
  try {
    root = (await git(['rev-parse', '--show-toplevel'], dir)).trim();
  } catch {
    throw new GitRefError(`--changed-since needs a git checkout, but ${dir} is not inside one.`);
  }
  try {
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
  } catch {
    throw new GitRefError(
      `--changed-since: "${ref}" is not a commit, branch or tag in this repository (in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0).`,
    );
  }
  const diff = await git(['diff', '--no-color', '--no-ext-diff', '--unified=0', '--src-prefix=a/', '--dst-prefix=b/', ref, '--', dir], root);
  const added = parseAddedLines(diff, root);

  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z', '--', dir], root);
  for (const relative of untracked.split('\0').filter(Boolean)) {
    const absolute = path.join(root, relative);
    const lineCount = (await readFile(absolute, 'utf8')).split('\n').length;
    added.set(absolute, new Set(Array.from({ length: lineCount }, (_, index) => index + 1)));
  }
  return added;
}

/**
 * Reads only what `git diff --unified=0` needs to be understood for this purpose: the "+++ b/path"
 * line naming the new file and each hunk header "@@ -a,b +start,count @@" (count 0 means the hunk
 * only deletes). A diff library would parse every content line we do not need.
 */
export function parseAddedLines(diff: string, root: string): Map<string, Set<number>> {
  const added = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target === '/dev/null') {
        current = undefined;
        continue;
      }
      const absolute = path.join(root, target.replace(/^b\//, ''));
      current = added.get(absolute) ?? new Set();
      added.set(absolute, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let offset = 0; offset < count; offset++) current.add(start + offset);
    }
  }
  return added;
}
