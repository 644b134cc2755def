import { OPERATIONS, OPERATION_NAMES } from '../contract/operations';
import type { CoverageReport } from '../coverage/collector';
import { escapeHtml } from './escape';

/** Every documented endpoint x status, marked exercised (with the handle types seen) or not. */
function grid(report: CoverageReport): string {
  const rows = OPERATION_NAMES.flatMap((name) => {
    const { label, responses } = OPERATIONS[name];
    return Object.keys(responses).map((status) => {
      const types = report.matrix[label]?.[status];
      return `<tr class="${types ? 'exercised' : 'not-exercised'}"><td><code>${escapeHtml(label)}</code></td><td>${status}</td><td>${types ? escapeHtml(types.join(', ')) : '<strong>not exercised</strong>'}</td></tr>`;
    });
  });
  const exercised = rows.filter((r) => r.includes('class="exercised"')).length;
  return `<p class="grid-total">${exercised} of ${rows.length} documented endpoint x status combinations exercised</p><table class="coverage-matrix"><tr><th>endpoint</th><th>status</th><th>handle types</th></tr>${rows.join('')}</table>`;
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
