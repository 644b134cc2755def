import { createHash } from 'node:crypto';
import type Mocha from 'mocha';
import type { Context, Func, Suite, Test } from 'mocha';
import { loadConfig } from '../config';
import { HarnessRun, isSpecFile, runInScope, type TestRun } from '../run';
import { scrubError } from '../secrets';
import { EMBEDDED_PROFILE } from '../target';
import { attachRecord, attachRunReport } from './results-channel';
import './chai-schema';

/**
 * Mocha root hooks (loaded with --require): one HarnessRun per mocha process, one TestRun per test of
 * specs/, found again through the mocha test it was made for. Tests elsewhere (the harness's own tests)
 * run untouched.
 */
let run: HarnessRun | undefined;
const testRuns = new WeakMap<Test, TestRun>();
const WRAPPED = Symbol('wire-verdict');

/**
 * The test's body, run in its TestRun's async scope (scenario() reads it there; a request the body fires
 * after the test ended is still charged to it), then failed with the first contract break the wire saw:
 * a spec that drives an SDK directly (no MpsdClient) is checked this way. Mocha offers no hook around a
 * test's body that can fail the test itself (an afterEach failure is the hook's and stops the suite), so
 * the body is wrapped, once; it is then always async, whatever mocha read off the original.
 */
function runBodyInTest(test: Test, testRun: TestRun): void {
  const marked = test as unknown as { [WRAPPED]?: true; async: number; sync: boolean };
  if (marked[WRAPPED] || !test.fn) return;
  const body = test.fn;
  const takesDone = body.length > 0;
  test.fn = async function (this: Context) {
    try {
      await runInScope(testRun.scope, () =>
        takesDone
          ? new Promise<void>((resolve, reject) => (body as Func).call(this, (error?: unknown) => (error ? reject(error) : resolve())))
          : (body as () => unknown).call(this),
      );
    } catch (error) {
      await testRun.settle(true);
      const throttled = testRun.throttledInstead();
      if (throttled) {
        process.stdout.write(`      [throttled] ${throttled}\n`);
        this.skip(); // reported as skipped, with the reason: never a failed contract test, never drift
      }
      if (testRun.advice && error instanceof Error) error.message = `${error.message}\n  note: ${testRun.advice}`;
      throw scrubError(error); // what a reporter prints of an error never holds a token
    }
    const verdict = await testRun.settle(false);
    if (verdict) throw scrubError(verdict);
  };
  marked.async = 0;
  marked.sync = true;
  marked[WRAPPED] = true;
}

type Hook = Mocha.Hook & { [WRAPPED]?: true };
/** A suite's own hooks (mocha keeps them in fields its types call private). */
const hooksOf = (suite: Suite) => suite as unknown as { _beforeAll: Hook[]; _afterAll: Hook[] };

/**
 * A suite's before()/after() hooks get a recording of their own, as Polly's mocha helper gives them:
 * what they send is recorded, replayed and checked like a test's, and scenario() works in them. The
 * tests of a suite whose before() set the target up keep its state (no emulator reset between them).
 */
function recordSuiteHooks(suite: Suite, harness: () => HarnessRun): void {
  const hooked = hooksOf(suite);
  for (const hook of [...hooked._beforeAll, ...hooked._afterAll]) {
    // Hooks outside any describe() sit on the root suite, with no file: every one but the harness's own.
    if (hook[WRAPPED] || !hook.fn || OWN_HOOKS.has(hook.fn) || !(suite.root || isSpecFile(hook.file ?? suite.file))) continue;
    const body = hook.fn;
    const title = hook.title; // mocha later adds 'for "<first test>"', which --grep would change
    hook.fn = async function (this: Context) {
      const run = harness();
      // A hook outside any describe() runs once for the whole run: its code names its recording.
      const titlePath = suite.root
        ? ['root hooks', `${title} ${createHash('sha256').update(String(body)).digest('hex').slice(0, 8)}`]
        : [...suite.titlePath(), title];
      const testRun = run.beginTest({ titlePath, fullTitle: titlePath.join(' '), file: hook.file ?? suite.file });
      let failed = true;
      try {
        await runInScope(testRun.scope, () => (body as () => unknown).call(this));
        const verdict = await testRun.settle(false);
        if (verdict) throw scrubError(verdict);
        failed = false;
      } catch (error) {
        throw scrubError(error);
      } finally {
        await testRun.end({ failed });
      }
    };
    hook[WRAPPED] = true;
  }
  for (const child of suite.suites) recordSuiteHooks(child, harness);
}

/** Whether a test's suite, or one around it, has a before() hook of its own (the root hooks are the harness's). */
function setUpByBeforeHook(test: Test): boolean {
  for (let suite = test.parent; suite && !suite.root; suite = suite.parent) if (hooksOf(suite)._beforeAll.length > 0) return true;
  return false;
}

/** Whether a suite (the root one: the whole run) holds any test of specs/. */
function holdsSpecs(suite: Suite): boolean {
  return suite.tests.some((t) => isSpecFile(t.file)) || suite.suites.some(holdsSpecs);
}

export const mochaHooks = {
  /** Open the run once, before any test: a target that cannot be reached fails here, once, not in every test. */
  async beforeAll(this: Context) {
    const root = this.test?.parent;
    if (!run && root && holdsSpecs(root)) run = await HarnessRun.open(loadConfig(process.env, EMBEDDED_PROFILE));
    if (run && root) recordSuiteHooks(root, () => run as HarnessRun);
  },
  async beforeEach(this: Context) {
    const test = this.currentTest;
    if (!test || !isSpecFile(test.file)) return;
    run ??= await HarnessRun.open(loadConfig(process.env, EMBEDDED_PROFILE)); // opened lazily: unit-test-only runs never start a target
    const testRun = run.beginTest({
      titlePath: test.titlePath(),
      fullTitle: test.fullTitle(),
      file: test.file,
      keepTarget: setUpByBeforeHook(test),
    });
    testRuns.set(test, testRun);
    runBodyInTest(test, testRun);
  },
  async afterEach(this: Context) {
    const test = this.currentTest;
    const testRun = test && testRuns.get(test);
    if (!test || !testRun) return;
    testRuns.delete(test);
    const record = await testRun.end({ failed: test.state === 'failed', skipped: test.state === 'pending' });
    attachRecord(test, record, test.state === 'failed');
  },
  async afterAll(this: Context) {
    if (!run) return;
    const report = await run.close();
    run = undefined;
    // The root suite is what reporters hold (runner.suite).
    const root = this.test?.parent;
    if (root) attachRunReport(root, report);
  },
};

/** The harness's own root hooks: never wrapped as a spec's. */
const OWN_HOOKS = new Set<unknown>(Object.values(mochaHooks));
