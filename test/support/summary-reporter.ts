// Ends every test run with one plain line, `N passed, N failed, N skipped`, so a run that
// executed nothing (0 passed) is as visible to CI as a failure.
import type { Reporter, TestModule } from 'vitest/node';

/** Vitest reporter that prints the closing summary line. */
export default function summaryReporter(): Reporter {
  return {
    onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const testModule of testModules) {
        let failedTests = 0;
        for (const test of testModule.children.allTests()) {
          const { state } = test.result();
          if (state === 'passed') counts.passed += 1;
          else if (state === 'failed') failedTests += 1;
          else counts.skipped += 1;
        }
        counts.failed += failedTests;
        // A file that failed outside its tests (it did not load, or a beforeAll threw and its tests
        // were skipped) must not pass silently.
        if (testModule.state() === 'failed' && failedTests === 0) counts.failed += 1;
      }
      if (unhandledErrors.length > 0) counts.failed += unhandledErrors.length;
      process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
    },
  };
}
