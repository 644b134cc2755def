import type { RunReport, TestRecord } from '../run';

/**
 * The one channel from the run to the reporters: the root hooks attach what the harness knows to
 * mocha's own objects (each test, the root suite), and reporters read it back from them.
 */
const tests = new WeakMap<object, TestRecord>();
const runs = new WeakMap<object, RunReport>();

/**
 * A test's record as the reports need it: for a failed test, the exchange they show (the first that
 * broke a check, else the last), without its parsed body (reports show the text); for a passed test,
 * none (reports show exchanges only with failures). The rest is dropped when the test ends, so a run
 * holds little per scenario however many it has (a 2,000-scenario run stays flat in memory); the wire checks have seen every exchange.
 */
export function attachRecord(test: object, record: TestRecord, failed: boolean): void {
  const shown = failed ? (record.exchanges.find((r) => r.failures.length > 0) ?? record.exchanges[record.exchanges.length - 1]) : undefined;
  tests.set(test, { ...record, exchanges: shown ? [{ ...shown, exchange: { ...shown.exchange, body: undefined } }] : [] });
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
