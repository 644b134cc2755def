import type { CoverageReport } from '../coverage/collector';
import { escapeHtml } from './escape';

/** The contract coverage section of the HTML report. */
export function renderCoverageHtml(report: CoverageReport): string {
  const cells = Object.entries(report.matrix).flatMap(([endpoint, byStatus]) =>
    Object.entries(byStatus).map(([status, types]) => `<tr><td><code>${escapeHtml(endpoint)}</code></td><td>${status}</td><td>${escapeHtml(types.join(', '))}</td></tr>`),
  );
  const behaviours = report.behaviours.map(
    (b) =>
      `<tr class="${b.scenarios.length ? 'covered' : 'uncovered'}"><td>${escapeHtml(b.text)}</td><td>${escapeHtml(b.section)}</td><td>${b.scenarios.length ? b.scenarios.map(escapeHtml).join('<br>') : '<strong>no scenario</strong>'}</td></tr>`,
  );
  return `<h2>Contract coverage</h2>
<table class="coverage-matrix"><tr><th>endpoint</th><th>status</th><th>handle types</th></tr>${cells.join('')}</table>
<p class="behaviour-total">${report.behaviours.length - report.uncovered.length} of ${report.behaviours.length} documented behaviours covered</p>
<table class="behaviours"><tr><th>behaviour</th><th>section</th><th>scenarios</th></tr>${behaviours.join('')}</table>`;
}
