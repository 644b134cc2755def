import type { Exchange } from '../client/exchange';
import type { Failure } from '../checks/failure';

/** What the harness knows about one test beyond pass/fail: its exchanges and recording. */
export interface TestRecord {
  exchanges: { exchange: Exchange; failures: Failure[] }[];
  recordingFile?: string;
}

const records = new WeakMap<object, TestRecord>();

/** Root hooks attach a record to each test of specs/; reporters read it at the end of the run. */
export function attachRecord(test: object, record: TestRecord): void {
  records.set(test, record);
}

export function recordOf(test: object): TestRecord | undefined {
  return records.get(test);
}
