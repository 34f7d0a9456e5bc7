import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildLogFile, projectRoot, type BuildLogEntry } from './helpers/build-site.ts';

/**
 * Builds are shared between the test files of one run, never across runs: each run gets its own
 * folder (workers inherit the variable), so two runs side by side never delete each other's builds.
 *
 * vitest.config.ts declares this at the root, where Vitest runs it once per `vitest run` and before
 * any worker starts, whichever projects run: every tier's workers see the same TEST_RUN_DIR.
 */
export default function setup(project: TestProject) {
  const runDir = path.join(projectRoot, 'tests', '.tmp', `run-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  process.env.TEST_RUN_DIR = runDir;
  const watching = project.vitest.config.watch;
  // In watch mode the folder outlives a rerun; a failed shared build must be tried again then.
  project.onTestsRerun(() => {
    for (const file of readdirSync(runDir)) if (file.endsWith('.failed')) rmSync(path.join(runDir, file), { force: true });
  });
  return () => {
    // Read before the folder goes; a rerun in watch mode rebuilds the unshared sites, so only a
    // single run can promise each site was built once.
    const duplicates = watching ? [] : duplicateBuilds(runDir);
    if (!process.env.KEEP_TEST_BUILDS) rmSync(runDir, { recursive: true, force: true });
    if (duplicates.length > 0) {
      throw new Error(
        `A fixture site was built more than once in this run; share it with buildSite({ ..., reuse: true }) under one name ` +
          `(tests/quality/sites.ts for the real site):\n${duplicates.join('\n')}`,
      );
    }
  };
}

/** Builds that repeat a name, or the same content, base and environment under another name. */
function duplicateBuilds(runDir: string): string[] {
  const file = buildLogFile(runDir);
  if (!existsSync(file)) return [];
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as BuildLogEntry);
  const problems: string[] = [];
  for (const [what, keyOf] of [
    ['name', (entry: BuildLogEntry) => entry.name],
    ['site', (entry: BuildLogEntry) => entry.key],
  ] as const) {
    const groups = Map.groupBy(entries, keyOf);
    for (const [key, group] of groups) {
      if (group.length < 2) continue;
      const where = group.map((entry) => `${entry.name} from ${entry.testFile ?? 'an unknown file'}`).join(', ');
      problems.push(`  same ${what} ${what === 'site' ? key : `"${key}"`} built ${group.length} times: ${where}`);
    }
  }
  return problems;
}
