import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // Input files keep their checksums through every command the tests run.
    globalSetup: ['tests/setup/global.ts'],
    setupFiles: ['tests/setup/inputs-unchanged.ts'],
  },
});
