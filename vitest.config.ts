import os from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Four tiers, one `vitest run` for all (`npm test`) or one at a time (`npm run test:unit` and so on),
 * chosen by where a file is and what it is called, never by a list kept by hand:
 * - `*.browser.test.ts`: drives Chromium, nginx or `astro dev` (it may build a site first);
 * - `*.build.test.ts`: builds a site, or spawns the CLIs or renders the real pages, which take
 *   seconds each on a loaded machine;
 * - `tests/docker/`: builds and runs the image, and the lesson sandbox;
 * - every other `*.test.ts`: unit, pure code, the inner loop.
 * buildSite() refuses to run in the unit tier, so a file that builds without the suffix fails
 * loudly instead of quietly slowing the inner loop down.
 */
const browserFiles = ['tests/**/*.browser.test.ts'];
const buildFiles = ['tests/**/*.build.test.ts'];
const dockerFiles = ['tests/docker/**/*.test.ts'];

// Fixture builds and browser tests take seconds each on a shared 2-core machine, more while unit
// files share the cores; a build waiting for the Astro lock counts against the hook that asked.
// Sized for a loaded 2-core machine (a parallel build, CI neighbours): a build that takes 20 s idle took
// 60 s and more at load 15, and a timeout there is a false failure, not a finding.
const slow = { testTimeout: 180_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    // At the root, not per project: Vitest runs the root globalSetup once per `vitest run`,
    // whichever projects are selected, so all tiers share one run folder and its builds.
    globalSetup: ['tests/global-setup.ts'],
    // Vitest's default in a run is one worker fewer than the cores: a single worker on this 2-core
    // machine, which leaves the second core idle while a test waits for a child process or a build.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/.tmp/**', ...buildFiles, ...browserFiles, ...dockerFiles],
          env: { TEST_TIER: 'unit' },
          // Most unit files run in milliseconds; a fresh worker per file cost more than the tests.
          // Files share a worker's modules, so a test that mocks or patches globals must undo it.
          isolate: false,
          // Unit tests are pure code; the few that start a short child process (git, node -e) can
          // still wait for a core while the other tiers build in parallel.
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: buildFiles,
          exclude: [...configDefaults.exclude, 'tests/.tmp/**', ...dockerFiles],
          env: { TEST_TIER: 'build' },
          ...slow,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: browserFiles,
          exclude: [...configDefaults.exclude, 'tests/.tmp/**', ...dockerFiles],
          env: { TEST_TIER: 'browser' },
          ...slow,
          // One file at a time, after unit and build are done. `astro dev` (search/dev-server) takes
          // no Astro lock, yet writes the .astro/ folder every build reads, so it must not overlap
          // a build; and two Chromiums on two cores only slow each other down. Most sites this tier
          // needs are already built by then, by the build tier.
          // (Vitest requires its own groupOrder for a project whose maxWorkers differs.)
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'docker',
          include: dockerFiles,
          env: { TEST_TIER: 'docker' },
          // Building the image saturates both cores for a minute or more: after every other tier.
          ...slow,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
