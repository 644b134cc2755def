import { scrubText } from '../secrets';
import type { RunResults } from './results';

const escapeXml = (text: string) =>
  text
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
    // XML 1.0 forbids most control characters even escaped
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML, one <testsuite> per describe block, as CI systems read it. */
export function renderJUnit(results: RunResults): string {
  const suites = new Map<string, RunResults['tests']>();
  for (const test of results.tests) suites.set(test.suite, [...(suites.get(test.suite) ?? []), test]);
  const total = results.tests.length;
  const failed = results.tests.filter((t) => t.state === 'failed').length;
  const skipped = results.tests.filter((t) => t.state === 'pending').length;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="MPSD handle conformance" tests="${total}" failures="${failed}" skipped="${skipped}">`];
  for (const [suite, tests] of suites) {
    const seconds = tests.reduce((sum, t) => sum + t.durationMs, 0) / 1000;
    lines.push(
      `  <testsuite name="${escapeXml(suite)}" tests="${tests.length}" failures="${tests.filter((t) => t.state === 'failed').length}" skipped="${tests.filter((t) => t.state === 'pending').length}" time="${seconds.toFixed(3)}">`,
    );
    for (const test of tests) {
      lines.push(`    <testcase classname="${escapeXml(suite)}" name="${escapeXml(test.title)}"${test.file ? ` file="${escapeXml(test.file)}"` : ''} time="${(test.durationMs / 1000).toFixed(3)}">`);
      if (test.state === 'pending') lines.push('      <skipped/>');
      if (test.state === 'failed') {
        const details = test.lastExchange
          ? `\n\n${test.lastExchange.request.method} ${test.lastExchange.request.path} -> ${test.lastExchange.response.status}\n${test.lastExchange.response.text}`
          : '';
        lines.push(`      <failure message="${escapeXml((test.error ?? 'failed').split('\n')[0])}">${escapeXml((test.error ?? '') + details)}</failure>`);
      }
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return scrubText(`${lines.join('\n')}\n`); // CI artifacts are public: no token survives into them
}
