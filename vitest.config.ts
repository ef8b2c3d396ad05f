import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // set-up hooks that evaluate, write outputs or build the web app take seconds, more on a loaded machine
    hookTimeout: 120_000,
  },
});
