import type { Context } from 'mocha';
import { loadConfig } from '../config';
import { HarnessRun, isSpecFile } from '../run';
import { attachRecord } from '../reporters/test-records';
import './chai-schema';

/**
 * Mocha root hooks (loaded with --require): one harness run per mocha process, one recording per
 * test of specs/. Tests elsewhere (the harness's own tests) run untouched.
 */
let run: HarnessRun | undefined;

export function currentRun(): HarnessRun | undefined {
  return run;
}

export const mochaHooks = {
  async beforeEach(this: Context) {
    const test = this.currentTest;
    if (!test || !isSpecFile(test.file)) return;
    run ??= await HarnessRun.open(loadConfig()); // opened lazily: unit-test-only runs never start a target
    await run.beginTest({ titlePath: test.titlePath(), fullTitle: test.fullTitle() });
  },
  async afterEach(this: Context) {
    const test = this.currentTest;
    if (!run || !test || !isSpecFile(test.file)) return;
    const record = await run.endTest({ failed: test.state === 'failed' });
    if (record) attachRecord(test, record);
  },
  async afterAll() {
    await run?.close();
    run = undefined;
  },
};
