import type Mocha from 'mocha';
import type { Failure } from '../checks/failure';
import type { Exchange } from '../contract/exchange';
import type { CoverageReport } from '../coverage/collector';
import { recordOf } from '../mocha/results-channel';
import { redactExchange, scrubText } from '../secrets';

export interface TestResult {
  suite: string;
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
  /** Check failures carried by the error (schema violations with instance paths). */
  failures: Failure[];
  /** The exchange the report shows, secrets removed: the first that broke a check, else the first that got no answer, else the last. */
  lastExchange?: Exchange;
  /** Why `lastExchange` got no answer (a replay miss, a network error): its response is not one. */
  unanswered?: string;
  /** What kind of failure: a test's own, or a hook that failed before or after the tests. */
  kind?: 'failure' | 'hook';
}

export interface RunResults {
  tests: TestResult[];
  coverage?: CoverageReport;
}

export function toResult(test: Mocha.Test): TestResult {
  const record = recordOf(test);
  const error = test.err;
  // What the wire saw: the first exchange that broke a check, else the first that got no answer (the
  // request a replay miss is about), else the last one the test made.
  const exchanges = record?.exchanges ?? [];
  const broken = exchanges.find((r) => r.failures.length > 0);
  const shown = broken ?? exchanges.find((r) => r.error !== undefined) ?? exchanges[exchanges.length - 1];
  const last = shown?.exchange;
  // A request fired after the test ended is charged to it here, though mocha had already passed it.
  const late = record?.late.length
    ? `${record.late.length} request(s) fired after this test ended: ${record.late.join(', ')}; await every request a test starts`
    : undefined;
  const message = [error?.message, late].filter(Boolean).join('\n');
  return {
    suite: test.parent?.fullTitle() ?? '',
    title: test.title,
    fullTitle: test.fullTitle(),
    file: test.file,
    state: test.state === 'failed' || late ? 'failed' : test.state === 'passed' ? 'passed' : 'pending',
    durationMs: test.duration ?? 0,
    ...(message ? { error: scrubText(message) } : {}),
    failures: broken?.failures ?? [],
    ...(last ? { lastExchange: redactExchange(last) } : {}),
    ...(shown?.error !== undefined && !broken ? { unanswered: scrubText(shown.error.split('\n')[0]) } : {}),
  };
}

/** A failing hook (a bad MPSD_* value, an unreachable target) as a failed result of its own. */
export function hookResult(hook: Mocha.Runnable, error: Error): TestResult {
  return {
    suite: hook.parent?.fullTitle() || '(root)',
    title: hook.title,
    fullTitle: hook.fullTitle(),
    ...(hook.file ? { file: hook.file } : {}),
    state: 'failed',
    durationMs: hook.duration ?? 0,
    error: scrubText(error?.message ?? 'the hook failed'),
    failures: [],
    kind: 'hook',
  };
}
