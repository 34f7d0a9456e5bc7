import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Fixture builds and browser tests take seconds on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
