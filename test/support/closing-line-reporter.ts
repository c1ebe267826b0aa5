import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, `N passed, N failed[, N skipped]`, after vitest's own summary: the form
 * CI tooling reads whatever the test runner.
 */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = (state: 'passed' | 'failed' | 'skipped') =>
      testModules.reduce((sum, module) => sum + [...module.children.allTests(state)].length, 0);
    const skipped = count('skipped');
    const failedModules = testModules.filter(
      (module) => module.state() === 'failed' && module.children.size === 0,
    );
    const failed = count('failed') + failedModules.length;
    process.stdout.write(
      `\n${count('passed')} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}
