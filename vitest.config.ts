import { configDefaults, defineConfig } from 'vitest/config';
import summaryReporter from './test/support/summary-reporter.js';

export default defineConfig({
  test: {
    reporters: ['default', summaryReporter()],
    testTimeout: 30_000,
    unstubEnvs: true,
    unstubGlobals: true,
    restoreMocks: true,
    // Every core (vitest's default leaves one idle: one worker on a 2-core machine). The pipeline
    // tests wait on child processes (generate, watch, esbuild) and Chromium, so two files at a time
    // keep both cores busy.
    maxWorkers: '100%',
    // One V8 helper thread per worker process, as the pipeline's scripts start (package.json): on
    // 2 cores the default four run GC and compile work that competes with the other workers.
    execArgv: ['--v8-pool-size=1'],
    // Two projects so that only the contract tests pay for Prism (its global setup); `vitest run`
    // still runs both, and the reporters above see every test of both.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // One module graph per worker, not per file: the pipeline's heavy modules (TypeScript,
          // Spectral, Redocly) and the parsed bundle are loaded once per worker instead of once per file,
          // which takes a third off the suite's CPU time. The files share no mutable state: each
          // works on its own copy of the project; fake timers a test restores itself, and stubbed
          // env, globals and spies are put back by unstubEnvs, unstubGlobals and restoreMocks above.
          isolate: false,
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/contract/**', 'test/fake/**', 'test/mock/**'],
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
          include: ['test/contract/**/*.test.ts', 'test/fake/**/*.test.ts', 'test/mock/**/*.test.ts'],
          globalSetup: ['test/contract/prism-setup.ts'],
          // These files share no state but the read-only bundle, and each starts its own fake:
          // running them in one worker without re-importing Ajv and the bundle per file halves
          // their CPU time.
          isolate: false,
        },
      },
    ],
  },
});
