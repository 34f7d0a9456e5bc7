import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Three tiers, one `vitest run` for all (`npm test`) or one at a time (`npm run test:unit` and so on).
 *
 * A test file is `unit` unless it is listed below. A file that builds a site and also drives
 * Chromium, nginx or `astro dev` is `browser`: the slower part decides. buildSite() refuses to
 * run in the unit tier, so a file that starts building without being listed here fails loudly
 * instead of quietly slowing the inner loop down.
 */
const buildFiles = [
  'tests/content/links.test.ts',
  'tests/plugins/pipeline-build.test.ts',
  'tests/pr-summary/build-commit.test.ts',
  'tests/pr-summary/pr-summary-build.test.ts',
  'tests/quality/built-links.test.ts',
  'tests/quality/html-validate.test.ts',
  'tests/quality/metadata.test.ts',
  'tests/quality/page-weight.test.ts',
  'tests/search/index-build.test.ts',
  'tests/ship/csp-inline-scripts.test.ts',
  'tests/site/course-build.test.ts',
  'tests/site/fixture-site.test.ts',
  'tests/site/foreign-course.test.ts',
  'tests/site/hostile-content.test.ts',
  'tests/site/mdx-trust-and-gate.test.ts',
  'tests/site/startup-errors.test.ts',
];

const browserFiles = [
  'tests/content/diagrams.test.ts',
  'tests/content/pdf.test.ts',
  'tests/quality/browser.test.ts',
  'tests/search/dev-server.test.ts',
  'tests/search/search.e2e.test.ts',
  'tests/search/search-queries.e2e.test.ts',
  'tests/ship/csp-browser.test.ts',
  'tests/ship/nginx-serve.test.ts',
  'tests/site/big-section.test.ts',
  'tests/site/browser-ui.test.ts',
  'tests/site/course.e2e.test.ts',
];

// The Docker image test builds and runs the real image (tests/docker/): its own tier, last and alone.
const dockerFiles = ['tests/docker/**/*.test.ts'];

// A renamed or deleted file would otherwise drop out of its tier silently, or land in unit.
const missing = [...buildFiles, ...browserFiles].filter((file) => !existsSync(fileURLToPath(new URL(file, import.meta.url))));
if (missing.length > 0) throw new Error(`vitest.config.ts lists test files that do not exist: ${missing.join(', ')}`);

// Fixture builds and browser tests take seconds each on a shared 2-core machine, more while unit
// files share the cores; a build waiting for the Astro lock counts against the hook that asked.
const slow = { testTimeout: 60_000, hookTimeout: 240_000 };

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
          // Some unit tests start child processes (the link checker, markdownlint, node -e);
          // when the other tiers build in parallel they can wait for a core.
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: { name: 'build', include: buildFiles, env: { TEST_TIER: 'build' }, ...slow },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: browserFiles,
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
