import { relative } from 'node:path';
import { scrubText } from '../secrets';
import type { RunResults, TestResult } from './results';

const escapeXml = (text: string) =>
  text
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
    .replace(/\n/g, '&#10;')
    // XML 1.0 forbids most control characters even escaped
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(suite: string, test: TestResult): string[] {
  const lines = [`    <testcase classname="${escapeXml(suite)}" name="${escapeXml(test.title)}" time="${seconds(test.durationMs)}">`];
  if (test.state === 'pending') lines.push('      <skipped/>');
  if (test.state === 'failed') {
    const exchange = test.lastExchange
      ? `\n\n${test.lastExchange.request.method} ${test.lastExchange.request.path} -> ${test.lastExchange.response.status}\n${test.lastExchange.response.text}`
      : '';
    // The message is the whole failure (every violation), not its first line: CI shows only the attribute.
    lines.push(
      `      <failure type="${escapeXml(test.kind ?? 'failure')}" message="${escapeXml(test.error ?? 'failed')}">${escapeXml((test.error ?? '') + exchange)}</failure>`,
    );
  }
  lines.push('    </testcase>');
  return lines;
}

/**
 * JUnit XML in the shape CI systems validate (the junit-10 schema of Jenkins' xunit plugin): one
 * <testsuite> per describe block with name, tests, failures, errors, skipped, time, timestamp and the
 * spec file relative to the repository; a failing hook is a failed test case of its own.
 */
export function renderJUnit(
  results: RunResults,
  root: string = process.cwd(),
  timestamp = new Date().toISOString().replace(/\.\d+Z$/, ''),
): string {
  const suites = new Map<string, RunResults['tests']>();
  for (const test of results.tests) suites.set(test.suite, [...(suites.get(test.suite) ?? []), test]);
  const count = (tests: TestResult[], state: TestResult['state']) => tests.filter((t) => t.state === state).length;
  const total = results.tests.reduce((sum, t) => sum + t.durationMs, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="MPSD handle conformance" tests="${results.tests.length}" failures="${count(results.tests, 'failed')}" errors="0" time="${seconds(total)}">`,
  ];
  for (const [suite, tests] of suites) {
    const file = tests.find((t) => t.file)?.file;
    const where = file ? ` file="${escapeXml(relative(root, file))}"` : '';
    const time = seconds(tests.reduce((sum, t) => sum + t.durationMs, 0));
    lines.push(
      `  <testsuite name="${escapeXml(suite || '(root)')}" tests="${tests.length}" failures="${count(tests, 'failed')}" errors="0" skipped="${count(tests, 'pending')}" time="${time}" timestamp="${timestamp}"${where}>`,
    );
    for (const test of tests) lines.push(...testcase(suite, test));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return scrubText(`${lines.join('\n')}\n`); // CI artifacts are public: no token survives into them
}
