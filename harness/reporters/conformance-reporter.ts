import Mocha from 'mocha';
import { reportsDir } from '../config';
import { runReportOf } from '../mocha/results-channel';
import { runHeader } from './run-header';
import { scrubText } from '../secrets';
import { groupByCause, renderCausesText } from './causes';
import { hookResult, toResult } from './results';
import { tally, writeRunReports } from './write-reports';

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
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const shard = process.env.MPSD_SHARD?.split('/').map(Number);
      const results = writeRunReports(reportsDir(), {
        header: runHeader(),
        tests: [...tests.map(toResult), ...hooks.map(([hook, error]) => hookResult(hook, error))],
        coverage: runReportOf(runner.suite)?.coverage,
        ...(shard ? { shard: { index: shard[0], total: shard[1] } } : {}),
      });
      const { passed, skipped } = tally(results.tests);
      // A selection that runs no test is a mistake (a --grep that matches nothing), never a pass.
      const none = results.tests.length === 0;
      if (none) process.stdout.write('\nno test ran: the --grep pattern or the --spec files select no test\n');
      const failed = results.tests.filter((t) => t.state === 'failed').length + (none ? 1 : 0);
      // A test failed only here (a request it fired after it ended) must fail the process too.
      if (failed > 0)
        process.once('exit', () => {
          if (!process.exitCode) process.exitCode = 1;
        });
      // after the Spec epilogue, which is printed on the same event: each cause once, then the closing line
      setImmediate(() => process.stdout.write(`${scrubText(renderCausesText(groupByCause(results.tests)))}${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`));
    });
  }
}

export = ConformanceReporter;
