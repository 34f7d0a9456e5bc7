import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './helpers/build-site.ts';

/**
 * Builds are shared between the test files of one run, never across runs: each run gets its own
 * folder (workers inherit the variable), so two runs side by side never delete each other's builds.
 */
export default function setup() {
  const runDir = path.join(projectRoot, 'tests', '.tmp', `run-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  process.env.TEST_RUN_DIR = runDir;
  return () => {
    if (!process.env.KEEP_TEST_BUILDS) rmSync(runDir, { recursive: true, force: true });
  };
}
