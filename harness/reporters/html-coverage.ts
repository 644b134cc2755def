import type { CoverageReport } from '../coverage/collector';
import { coverageGrid, gridTotal } from '../coverage/grid';
import { escapeHtml } from './escape';

/** Every documented endpoint x status, marked exercised (with the handle types seen) or not. */
function grid(report: CoverageReport): string {
  const cells = coverageGrid(report);
  const rows = cells.rows.map(
    ({ endpoint, status, types, documented }) =>
      `<tr class="${types ? 'exercised' : 'not-exercised'}"><td><code>${escapeHtml(endpoint)}</code></td><td>${escapeHtml(status)}${documented ? '' : ' (undocumented)'}</td><td>${types ? escapeHtml(types.join(', ')) : '<strong>not exercised</strong>'}</td></tr>`,
  );
  return `<p class="grid-total">${gridTotal(cells)}</p><table class="coverage-matrix"><tr><th>endpoint</th><th>status</th><th>handle types</th></tr>${rows.join('')}</table>`;
}

/** The contract coverage section of the HTML report: what passing scenarios exercised and proved. */
export function renderCoverageHtml(report: CoverageReport): string {
  const behaviours = report.behaviours.map(
    (b) =>
      `<tr class="${b.scenarios.length ? 'covered' : 'uncovered'}"><td>${escapeHtml(b.text)}</td><td>${escapeHtml(b.section)}</td><td>${b.scenarios.length ? b.scenarios.map(escapeHtml).join('<br>') : '<strong>no passing scenario</strong>'}</td></tr>`,
  );
  return `<h2>Contract coverage</h2>
${grid(report)}
<p class="behaviour-total">${report.behaviours.length - report.uncovered.length} of ${report.behaviours.length} documented behaviours covered by passing scenarios</p>
<table class="behaviours"><tr><th>behaviour</th><th>section</th><th>scenarios</th></tr>${behaviours.join('')}</table>`;
}
