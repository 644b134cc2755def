/** The run: one HarnessRun per mocha process (or proxy session), one TestRun per test. */
export { HarnessRun } from './harness-run';
export { TestRun } from './test-run';
export type { RunReport, ScenarioContext, TestIdentity, TestRecord } from './run-types';
export { type WireRecord, claimVerdict } from './wire-checks';
export { type TestScope, currentScope, runInScope } from './test-scope';
export { isSpecFile, rerecordCommand } from './spec-files';
