import { defineConfig } from 'vitest/config';
import summaryReporter from './test/support/summary-reporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', summaryReporter()],
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 30_000,
    // Every core (vitest's default leaves one idle: one worker on a 2-core machine). The pipeline
    // tests wait on worker threads and Chromium, so two files at a time keep both cores busy.
    maxWorkers: '100%',
  },
});
