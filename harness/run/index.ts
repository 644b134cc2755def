/** The run: one HarnessRun per mocha process (or proxy session), one TestRun per test. */
export { HarnessRun } from './harness-run';
export type { RunReport, ScenarioContext, TestIdentity, TestRecord } from './run-types';
export { isSpecFile, rerecordCommand } from './spec-files';
export { TestRun } from './test-run';
export { currentScope, runInScope, type TestScope } from './test-scope';
export { claimVerdict, type WireRecord } from './wire-checks';
