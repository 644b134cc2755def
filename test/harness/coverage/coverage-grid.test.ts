import { expect } from 'chai';
import { OPERATION_NAMES, OPERATIONS } from '../../../harness/contract/operations';
import type { CoverageReport } from '../../../harness/coverage/collector';
import { coverageGrid } from '../../../harness/coverage/grid';
import { renderCoverageMarkdown } from '../../../harness/coverage/render';
import { renderCoverageHtml } from '../../../harness/reporters/html-coverage';

describe('contract coverage: the Markdown and the HTML tell the same totals', () => {
  const documented = OPERATION_NAMES.reduce((n, name) => n + Object.keys(OPERATIONS[name].responses).length, 0);
  const first = OPERATIONS[OPERATION_NAMES[0]];
  const firstStatus = Object.keys(first.responses)[0];
  const report: CoverageReport = {
    matrix: { [first.label]: { [firstStatus]: ['activity'], '599': ['-'] } },
    behaviours: [{ id: 'read.activity', section: '3.4', text: 'GET through an activity handle returns the session', scenarios: [] }],
    uncovered: ['read.activity'],
  };

  it('lists every documented endpoint x status, exercised or not, and a cell the table does not document', () => {
    const grid = coverageGrid(report);
    expect(grid.exercised).to.equal(1);
    expect(grid.rows.filter((r) => r.documented)).to.have.length(documented);
    expect(grid.rows.find((r) => !r.documented)).to.deep.include({ endpoint: first.label, status: '599' });
  });

  it('headlines "1 of N" in both renderings, and the Markdown shows what was not exercised', () => {
    const total = `1 of ${documented} documented endpoint x status combinations exercised`;
    const markdown = renderCoverageMarkdown(report);
    expect(markdown).to.include(total).and.include('**not exercised**').and.include('599 (undocumented)');
    expect(renderCoverageHtml(report)).to.include(total);
  });
});
