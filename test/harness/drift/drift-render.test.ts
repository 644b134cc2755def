import { expect } from 'chai';
import type { DriftReport } from '../../../harness/drift/collector';
import { cell, renderDriftMarkdown } from '../../../harness/drift/render';

const item = (change: string, at: string, recorded: unknown, fresh: unknown, extra = {}) => ({
  kind: 'breaking' as const,
  change,
  exchange: 1,
  request: 'PUT /x',
  at,
  recorded,
  fresh,
  ...extra,
});

describe('drift report', () => {
  const report: DriftReport = {
    summary: { breaking: 2, additive: 0, changed: 0, noise: 0 },
    unrecorded: [],
    scenarios: [
      {
        scenario: 'a | first',
        recording: 'recordings/a.har',
        items: [
          item('status code changed', 'status', 412, 200),
          item('request sequence changed', 'exchanges', 3, 2, { consequence: true }),
        ],
      },
      { scenario: 'b', recording: 'recordings/b.har', items: [item('status code changed', 'status', 412, 200)] },
    ],
  };
  const md = renderDriftMarkdown(report);

  it('shows each breaking cause once, with the scenarios it hit', () => {
    expect(md).to.include('## Breaking drift by cause');
    expect(md.match(/- status code changed at `status`: `412` → `200` — 2 scenario\(s\)/g)).to.have.length(1);
  });

  it('marks a consequence of an earlier break as such and does not count it', () => {
    expect(md).to.include('| breaking (consequence) | request sequence changed |');
    expect(md).to.include('(and 1 consequence(s) of those, not counted)');
  });

  it('escapes | in tables and cuts long values with an ellipsis', () => {
    expect(md).to.include('## a \\| first');
    expect(cell('x'.repeat(100))).to.match(/^`"x{58}…`$/);
    expect(cell('a|b')).to.equal('`"a\\|b"`');
  });

  it('lists scenario titles as written (never URL-encoded), one per line', () => {
    const titled = renderDriftMarkdown({ ...report, unrecorded: ['Reading a session (3.4) an unknown handle is 404'] });
    expect(titled).to.include('  - a \\| first\n  - b\n');
    expect(titled).to.include('- Reading a session (3.4) an unknown handle is 404\n');
    expect(titled).to.not.include('%20');
  });
});
