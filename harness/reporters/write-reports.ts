import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { CoverageReport } from '../coverage/collector';
import { writeCoverage } from '../coverage/write';
import type { DriftReport } from '../drift/collector';
import { writeDrift } from '../drift/write';
import { isSpecFile } from '../run';
import type { RunHeader } from './html';
import { renderHtml } from './html';
import { renderJUnit } from './junit';
import type { RunResults, TestResult } from './results';

/**
 * The reports of a run, from one data model: results.json (what merge-reports reads back), junit.xml and
 * conformance.html. A run and the merge of its shards go through this one function, so a merged report
 * is rendered exactly as the unsharded one is.
 */
export const RESULTS_FILE = 'results.json';

export interface RunReport extends RunResults {
  header: RunHeader;
  /** Set when the run was one job of a --shard i/n matrix. */
  shard?: { index: number; total: number };
}

const ROOT = join(__dirname, '..', '..');

/** Files relative to the repository (CI jobs check out in different places), tests in file order. */
export function canonical(report: RunReport): RunReport {
  const file = (t: TestResult) => (t.file && isAbsolute(t.file) ? relative(ROOT, t.file).split('\\').join('/') : t.file);
  const tests = report.tests.map((t) => (t.file ? { ...t, file: file(t) } : t));
  // Hooks that failed before any file ran come first; then each file's tests in the order they ran.
  const order = (t: TestResult) => t.file ?? '';
  return {
    ...report,
    tests: tests
      .map((t, i) => [t, i] as const)
      .sort(([a, i], [b, j]) => order(a).localeCompare(order(b)) || i - j)
      .map(([t]) => t),
  };
}

export function writeRunReports(dir: string, report: RunReport): RunReport {
  const ordered = canonical(report);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, RESULTS_FILE), `${JSON.stringify(ordered)}\n`);
  writeFileSync(join(dir, 'junit.xml'), renderJUnit(ordered));
  writeFileSync(
    join(dir, 'conformance.html'),
    renderHtml(ordered, (t: TestResult) => isSpecFile(t.file), ordered.header),
  );
  return ordered;
}

/** What a run measured beyond its tests' results: contract coverage, and in verify the drift. */
export function writeRunFindings(dir: string, findings: { coverage?: CoverageReport; drift?: DriftReport }): void {
  if (findings.coverage) writeCoverage(findings.coverage, dir);
  if (findings.drift) writeDrift(findings.drift, dir);
}

export function tally(tests: TestResult[]): { passed: number; failed: number; skipped: number } {
  return {
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    skipped: tests.filter((t) => t.state === 'pending').length,
  };
}
