import Mocha from 'mocha';
import { MODES, type Mode, reportsDir, runShard } from '../config';
import { recordOf, runReportOf } from '../mocha/results-channel';
import { scrubText } from '../secrets';
import { groupByCause, renderCausesText } from './causes';
import { hookResult, toResult } from './results';
import { runHeader } from './run-header';
import { tally, writeRunFindings, writeRunReports } from './write-reports';

/**
 * Make mocha's exit code say the run failed: it is the runner's failure count, read right after this
 * reporter's run-end handler (mocha registers its own after the reporter's).
 */
function failRun(runner: Mocha.Runner): void {
  runner.failures += 1;
}

const say = (line: string) => process.stdout.write(`      ${line}\n`);
/** Whether the run's mode writes recordings (record, record-missing): then what it wrote is told. */
const writesRecordings = () => MODES[runHeader().mode as Mode]?.writes !== 'nothing';
const announced = new WeakSet<Mocha.Test>();

/** What recording did with a test's recording, under the test (record modes). */
function announceRecording(test: Mocha.Test): void {
  const record = recordOf(test);
  if (!record?.file || announced.has(test)) return;
  announced.add(test);
  if (test.state === 'failed') say(`[record] test failed: nothing written, ${record.file} keeps the previous recording`);
  else if (record.saved) say(`[record] ${record.saved} ${record.file}`);
}

/**
 * Mocha's spec output, then reports/results.json, junit.xml and conformance.html, then one plain closing
 * line `N passed, N failed` that CI reads.
 */
class ConformanceReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const tests: Mocha.Test[] = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (t) => tests.push(t));
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (t) => tests.push(t));
    // A failing hook (a bad MPSD_* value, an unreachable target) is a failed result of its own.
    const hooks: [Mocha.Runnable, Error][] = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (t: Mocha.Runnable, error: Error) => {
      if ((t as unknown as { type: string }).type === 'hook') hooks.push([t, error]);
      else tests.push(t as Mocha.Test);
    });
    // A test's record is attached by the harness's afterEach, the last hook after it: then it is told.
    const writes = writesRecordings();
    runner.on(Mocha.Runner.constants.EVENT_HOOK_END, (hook: Mocha.Hook) => {
      const test = hook.ctx?.currentTest;
      if (writes && test && hook.parent?.root) announceRecording(test);
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      try {
        this.endRun(runner, tests, hooks);
      } catch (error) {
        // A report that cannot be written fails the run: a green exit code with no reports would lie.
        process.stderr.write(`\n[harness] the reports could not be written: ${scrubText((error as Error).message)}\n`);
        failRun(runner);
      }
    });
  }

  private endRun(runner: Mocha.Runner, tests: Mocha.Test[], hooks: [Mocha.Runnable, Error][]): void {
    {
      const shard = runShard();
      const run = runReportOf(runner.suite);
      if (run) {
        writeRunFindings(reportsDir(), run);
        if (run.throttled > 0)
          say(`[throttled] ${run.throttled} answer(s) were 429/503 with Retry-After: retried, never recorded, never counted as breaks`);
        if (writesRecordings())
          say(`[record] recordings: ${run.saved.created} created, ${run.saved.updated} updated, ${run.saved.unchanged} unchanged`);
      }
      const results = writeRunReports(reportsDir(), {
        header: runHeader(),
        tests: [...tests.map(toResult), ...hooks.map(([hook, error]) => hookResult(hook, error))],
        coverage: run?.coverage,
        ...(shard ? { shard } : {}),
      });
      const { passed, skipped } = tally(results.tests);
      // A selection that runs no test is a mistake (a --grep that matches nothing), never a pass.
      const none = results.tests.length === 0;
      if (none) process.stdout.write('\nno test ran: the --grep pattern or the --spec files select no test\n');
      const failed = results.tests.filter((t) => t.state === 'failed').length + (none ? 1 : 0);
      // A test failed only here (a request it fired after it ended) must fail the process too.
      if (failed > 0 && runner.failures === 0) failRun(runner);
      // after the Spec epilogue, which is printed on the same event: each cause once, then the closing line
      setImmediate(() =>
        process.stdout.write(
          `${scrubText(renderCausesText(groupByCause(results.tests)))}${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
        ),
      );
    }
  }
}

export = ConformanceReporter;
