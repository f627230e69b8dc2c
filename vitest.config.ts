import { configDefaults, defineConfig } from 'vitest/config';
import summaryReporter from './test/support/summary-reporter.js';

export default defineConfig({
  test: {
    reporters: ['default', summaryReporter()],
    testTimeout: 30_000,
    // Two projects so that only the contract tests pay for Prism (its global setup); `vitest run`
    // still runs both and the reporters above see every test of both.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/contract/**'],
          typecheck: {
            enabled: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          globalSetup: ['test/contract/prism-setup.ts'],
        },
      },
    ],
  },
});
