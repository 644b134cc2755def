import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rtaFrameFailure } from '../checks/rta-frame-is-documented';
import { renderHtml } from '../reporters/html';
import { renderJUnit } from '../reporters/junit';
import type { RunResults, TestResult } from '../reporters/results';
import { runHeader } from '../reporters/run-header';
import { writeRunFindings } from '../reporters/write-reports';
import type { WireRecord } from '../run';
import { redactExchange, scrubText } from '../secrets';
import type { ProxySummary } from './proxy-session';

/** One line per exchange as it happens: what was asked, what came back, and every violation. */
export function describeRecord(record: WireRecord, index: number): string {
  return scrubText(describe(record, index));
}

function describe(record: WireRecord, index: number): string {
  const { request, response } = record.exchange;
  const head = `#${index} ${request.method} ${request.path} -> ${record.error ? 'no answer' : response.status}`;
  if (record.error) return `${head}\n  ${record.error.split('\n').join('\n  ')}`;
  return [head, ...record.failures.map((f) => `  VIOLATION ${f.check}: ${f.message.split('\n').join('\n    ')}`)].join('\n');
}

/** The proxy session as test results: one per exchange, failed when it broke a check or got no answer. */
export function proxyResults(name: string, summary: ProxySummary): RunResults {
  const tests = (summary.record?.exchanges ?? []).map((record, i): TestResult => {
    const { request, response } = record.exchange;
    const title = `#${i + 1} ${request.method} ${request.path.split('?')[0]} -> ${record.error ? 'no answer' : response.status}`;
    const failed = record.error !== undefined || record.failures.length > 0;
    return {
      suite: `proxy ${name}`,
      title,
      fullTitle: `proxy ${name} ${title}`,
      state: failed ? 'failed' : 'passed',
      durationMs: 0,
      ...(failed ? { error: record.error ?? record.failures.map((f) => `${f.check}: ${f.message}`).join('\n') } : {}),
      failures: record.failures,
      lastExchange: redactExchange(record.exchange),
    };
  });
  const frames = summary.rtaBreaks.map((problem, i): TestResult => {
    const title = `RTA frame break #${i + 1}`;
    const failure = rtaFrameFailure(problem);
    return {
      suite: `proxy ${name}`,
      title,
      fullTitle: `proxy ${name} ${title}`,
      state: 'failed',
      durationMs: 0,
      error: `${failure.check}: ${problem}`,
      failures: [failure],
    };
  });
  return { tests: [...tests, ...frames], coverage: summary.report.coverage };
}

/** Write junit.xml and conformance.html for the session, and its coverage and drift. */
export function writeProxyReports(dir: string, results: RunResults, findings: ProxySummary['report']): void {
  mkdirSync(dir, { recursive: true });
  writeRunFindings(dir, findings);
  writeFileSync(join(dir, 'junit.xml'), renderJUnit(results));
  writeFileSync(
    join(dir, 'conformance.html'),
    renderHtml(results, () => true, runHeader()),
  );
}
