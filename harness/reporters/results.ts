import type Mocha from 'mocha';
import type { CoverageReport } from '../coverage/collector';
import type { Failure } from '../checks/failure';
import type { Exchange } from '../client/exchange';
import { isSecretHeader } from '../recording/redact';
import { recordOf } from './test-records';

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
  /** The last request/response pair the test saw, secrets removed. */
  lastExchange?: Exchange;
}

export interface RunResults {
  tests: TestResult[];
  coverage?: CoverageReport;
}

/** Remove credentials from an exchange before it goes into a report (CI artifacts are public). */
export function redactExchange(exchange: Exchange): Exchange {
  const headers = Object.fromEntries(Object.entries(exchange.request.headers).map(([k, v]) => [k, isSecretHeader(k) ? '<redacted>' : v]));
  return { ...exchange, request: { ...exchange.request, headers } };
}

export function toResult(test: Mocha.Test): TestResult {
  const record = recordOf(test);
  const error = test.err as (Error & { failures?: Failure[]; exchange?: Exchange }) | undefined;
  const last = error?.exchange ?? record?.exchanges[record.exchanges.length - 1]?.exchange;
  return {
    suite: test.parent?.fullTitle() ?? '',
    title: test.title,
    fullTitle: test.fullTitle(),
    file: test.file,
    state: test.state === 'passed' ? 'passed' : test.state === 'failed' ? 'failed' : 'pending',
    durationMs: test.duration ?? 0,
    ...(error ? { error: error.message } : {}),
    failures: error?.failures ?? [],
    ...(last ? { lastExchange: redactExchange(last) } : {}),
  };
}
