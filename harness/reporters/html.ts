import { scrubText } from '../secrets';
import { escapeHtml } from './escape';
import { renderCoverageHtml } from './html-coverage';
import type { RunResults, TestResult } from './results';

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1b1f23}h1{margin-bottom:.2rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.passed .result{color:#1a7f37}.failed .result{color:#cf222e;font-weight:600}.pending .result{color:#9a6700}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:24rem;white-space:pre-wrap}.failure{border-left:4px solid #cf222e;padding-left:1rem;margin:1.5rem 0}
.totals span{margin-right:1rem}code{background:#f6f8fa;padding:0 .2rem}`;

function exchangeBlock(test: TestResult): string {
  const e = test.lastExchange;
  if (!e) return '';
  const request = [`${e.request.method} ${e.request.path}`, ...Object.entries(e.request.headers).map(([k, v]) => `${k}: ${v}`), '', e.request.body ?? ''].join('\n');
  const response = [`${e.response.status}`, ...Object.entries(e.response.headers).map(([k, v]) => `${k}: ${v}`), '', e.response.text].join('\n');
  return `<h4>Request</h4><pre class="request">${escapeHtml(request)}</pre><h4>Response</h4><pre class="response">${escapeHtml(response)}</pre>`;
}

function violationsBlock(test: TestResult): string {
  const rows = test.failures.flatMap((f) =>
    (f.violations ?? []).map(
      (v) =>
        `<tr class="violation"><td>${escapeHtml(f.check)}</td><td><code>${escapeHtml(v.instancePath)}</code></td><td><code>${escapeHtml(JSON.stringify(v.value) ?? '(absent)')}</code></td><td>${escapeHtml(v.expected)}</td></tr>`,
    ),
  );
  if (rows.length === 0) return '';
  return `<table class="violations"><tr><th>check</th><th>instance path</th><th>value</th><th>expected</th></tr>${rows.join('')}</table>`;
}

/** The self-contained conformance report: scenario x result matrix, failures in detail, coverage. */
export function renderHtml(results: RunResults, isScenario: (t: TestResult) => boolean, generatedAt: string): string {
  const scenarios = results.tests.filter(isScenario);
  const others = results.tests.filter((t) => !isScenario(t));
  const count = (tests: TestResult[], state: TestResult['state']) => tests.filter((t) => t.state === state).length;
  const rows = scenarios.map(
    (t, i) =>
      `<tr class="scenario ${t.state}" data-title="${escapeHtml(t.fullTitle)}"><td>${escapeHtml(t.suite)}</td><td>${t.state === 'failed' ? `<a href="#failure-${i}">${escapeHtml(t.title)}</a>` : escapeHtml(t.title)}</td><td class="result">${t.state}</td><td>${t.durationMs} ms</td></tr>`,
  );
  const failures = scenarios
    .map((t, i) =>
      t.state !== 'failed'
        ? ''
        : `<section class="failure" id="failure-${i}"><h3>${escapeHtml(t.fullTitle)}</h3><pre class="message">${escapeHtml(t.error ?? '')}</pre>${violationsBlock(t)}${exchangeBlock(t)}</section>`,
    )
    .join('');
  return scrubText(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MPSD handle conformance</title><style>${STYLE}</style></head>
<body>
<h1>MPSD handle conformance</h1>
<p class="totals"><span class="total-passed">${count(scenarios, 'passed')} passed</span><span class="total-failed">${count(scenarios, 'failed')} failed</span><span class="total-skipped">${count(scenarios, 'pending')} skipped</span><span>generated ${escapeHtml(generatedAt)}</span></p>
${others.length ? `<p>Harness self-tests in this run: ${count(others, 'passed')} passed, ${count(others, 'failed')} failed.</p>` : ''}
<h2>Scenarios</h2>
<table class="matrix"><tr><th>feature</th><th>scenario</th><th>result</th><th>time</th></tr>${rows.join('')}</table>
${failures ? `<h2>Failures</h2>${failures}` : ''}
${results.coverage ? renderCoverageHtml(results.coverage) : ''}
</body></html>
`); // CI artifacts are public: no token survives into them
}
