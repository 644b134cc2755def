import { CAUSE_PARAMS, type Failure } from '../checks/failure';
import type { TestResult } from './results';

export interface Cause {
  /** One line that names the cause, the same for every test it hit. */
  cause: string;
  tests: TestResult[];
}

/**
 * A check failure's cause is data: the check, the params that name its cause (failure.ts), and for a
 * schema break the first violation's place and expectation. A failure read back from an older
 * results.json without params is named by its check alone.
 */
function failureCause(failure: Failure): string {
  const violation = failure.violations?.[0];
  if (violation) return `${failure.check} at ${violation.instancePath}: expected ${violation.expected}`;
  const names = (CAUSE_PARAMS[failure.check] ?? []) as readonly string[];
  const params = (failure.params ?? {}) as Record<string, unknown>;
  const shown = names
    .filter((name) => params[name] !== undefined)
    .map((name) => `${name} ${Array.isArray(params[name]) ? (params[name] as unknown[]).join(', ') : String(params[name])}`);
  return shown.length > 0 ? `${failure.check} (${shown.join('; ')})` : failure.check;
}

/**
 * An error that is no check failure (an assertion of the spec, a harness error) has only its text: its
 * volatile parts (ids, generated names, service config paths) are left out, so one cause reads the same
 * in every test.
 */
const stable = (text: string) =>
  text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '{id}')
    .replace(/session-[0-9a-f]{12}/g, '{name}')
    .replace(/\/serviceconfigs\/\S+/g, '/serviceconfigs/…');

/** The cause of one failed test: its first check violation if it has one, else the first line of its error. */
export function causeOf(test: TestResult): string {
  const failure = test.failures[0];
  if (failure) return failureCause(failure);
  return stable((test.error ?? 'failed').split('\n').find((line) => line.trim() !== '') ?? 'failed').trim();
}

/** Failed tests grouped by cause, the cause that hit most tests first. */
export function groupByCause(tests: readonly TestResult[]): Cause[] {
  const byCause = new Map<string, TestResult[]>();
  for (const test of tests.filter((t) => t.state === 'failed')) byCause.set(causeOf(test), [...(byCause.get(causeOf(test)) ?? []), test]);
  return [...byCause.entries()].map(([cause, hit]) => ({ cause, tests: hit })).sort((a, b) => b.tests.length - a.tests.length);
}

/** The console's summary: each cause once, with how many tests it hit and a few of their titles. */
export function renderCausesText(causes: readonly Cause[]): string {
  if (causes.length === 0) return '';
  const total = causes.reduce((n, c) => n + c.tests.length, 0);
  const lines = [`\nFailures by cause (${causes.length} cause(s), ${total} failed test(s)):`];
  causes.forEach((c, i) => {
    lines.push(
      `  ${i + 1}. ${c.cause}`,
      `     ${c.tests.length} test(s): ${c.tests
        .slice(0, 3)
        .map((t) => t.fullTitle)
        .join('; ')}${c.tests.length > 3 ? `; and ${c.tests.length - 3} more` : ''}`,
    );
  });
  return `${lines.join('\n')}\n`;
}
