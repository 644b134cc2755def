import { scrubText } from '../secrets';
import { groupByCause } from './causes';
import { escapeHtml } from './escape';
import { renderCoverageHtml } from './html-coverage';
import { failureBlock } from './html-failure';
import type { RunResults, TestResult } from './results';

/** What the run was: shown at the top so a report read days later says what it certifies. */
export interface RunHeader {
  mode: string;
  target: string;
  faults: string;
  client: string;
  /** Whether replay was sealed from the network at the OS level (cli/seal.ts). */
  network: string;
  commit: string;
  date: string;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1b1f23}h1{margin-bottom:.2rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.passed .result{color:#1a7f37}.failed .result{color:#cf222e;font-weight:600}.pending .result{color:#9a6700}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:24rem;white-space:pre-wrap}.failure{border-left:4px solid #cf222e;padding-left:1rem;margin:1rem 0}
summary{cursor:pointer;font-weight:600}mark.offending{background:#ffd8d3}.not-exercised td{color:#9a6700}
.totals span,.header span{margin-right:1rem}code{background:#f6f8fa;padding:0 .2rem}body.failed-only tr.scenario:not(.failed){display:none}`;

/** Inline, no external resource: the "failed only" switch of the scenario matrix. */
const SCRIPT = `document.getElementById('failed-only').addEventListener('change',function(e){document.body.classList.toggle('failed-only',e.target.checked)});`;

function causesBlock(tests: TestResult[], idOf: (t: TestResult) => string): string {
  const causes = groupByCause(tests);
  if (causes.length === 0) return '';
  const items = causes.map(
    (c) =>
      `<details class="cause"><summary>${escapeHtml(c.cause)}: ${c.tests.length} test(s)</summary><ul>${c.tests.map((t) => `<li><a href="#${idOf(t)}">${escapeHtml(t.fullTitle)}</a></li>`).join('')}</ul></details>`,
  );
  return `<h2>Failures by cause</h2><p>${causes.length} cause(s) behind ${causes.reduce((n, c) => n + c.tests.length, 0)} failed test(s).</p>${items.join('')}`;
}

/** The self-contained conformance report: run header, scenario matrix, failures by cause and in detail, coverage. */
export function renderHtml(results: RunResults, isScenario: (t: TestResult) => boolean, header: RunHeader): string {
  const scenarios = results.tests.filter(isScenario);
  const others = results.tests.filter((t) => !isScenario(t));
  const count = (tests: TestResult[], state: TestResult['state']) => tests.filter((t) => t.state === state).length;
  const idOf = (t: TestResult) => `failure-${scenarios.indexOf(t)}`;
  const rows = scenarios.map(
    (t) =>
      `<tr class="scenario ${t.state}" data-title="${escapeHtml(t.fullTitle)}"><td>${escapeHtml(t.suite)}</td><td>${t.state === 'failed' ? `<a href="#${idOf(t)}">${escapeHtml(t.title)}</a>` : escapeHtml(t.title)}</td><td class="result">${t.state}</td><td>${t.durationMs} ms</td></tr>`,
  );
  const failures = scenarios
    .filter((t) => t.state === 'failed')
    .map((t) => failureBlock(t, idOf(t)))
    .join('');
  const head = Object.entries(header)
    .map(([k, v]) => `<span class="run-${k}">${k}: <strong>${escapeHtml(v)}</strong></span>`)
    .join('');
  return scrubText(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MPSD handle conformance</title><style>${STYLE}</style></head>
<body>
<h1>MPSD handle conformance</h1>
<p class="header">${head}</p>
<p class="totals"><span class="total-passed">${count(scenarios, 'passed')} passed</span><span class="total-failed">${count(scenarios, 'failed')} failed</span><span class="total-skipped">${count(scenarios, 'pending')} skipped</span></p>
${others.length ? `<p>Harness self-tests in this run: ${count(others, 'passed')} passed, ${count(others, 'failed')} failed.</p>` : ''}
${causesBlock(scenarios, idOf)}
<h2>Scenarios</h2>
<label><input type="checkbox" id="failed-only"> failed only</label>
<table class="matrix"><tr><th>feature</th><th>scenario</th><th>result</th><th>time</th></tr>${rows.join('')}</table>
${failures ? `<h2>Failures</h2>${failures}` : ''}
${results.coverage ? renderCoverageHtml(results.coverage) : ''}
<script>${SCRIPT}</script>
</body></html>
`); // CI artifacts are public: no token survives into them
}
