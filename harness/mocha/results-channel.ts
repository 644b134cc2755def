import type { RunReport, TestRecord } from '../run';

/**
 * The one channel from the run to the reporters: the root hooks attach what the harness knows to
 * mocha's own objects (each test, the root suite), and reporters read it back from them.
 */
const tests = new WeakMap<object, TestRecord>();
const runs = new WeakMap<object, RunReport>();

export function attachRecord(test: object, record: TestRecord): void {
  tests.set(test, record);
}

export function recordOf(test: object): TestRecord | undefined {
  return tests.get(test);
}

export function attachRunReport(rootSuite: object, report: RunReport): void {
  runs.set(rootSuite, report);
}

export function runReportOf(rootSuite: object): RunReport | undefined {
  return runs.get(rootSuite);
}
