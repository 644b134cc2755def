import { expect } from 'chai';
import { toExchange } from '../../../harness/contract/exchange';
import { changedRequestTable, failureBlock } from '../../../harness/reporters/html-failure';
import type { TestResult } from '../../../harness/reporters/results';

const MISS = [
  '[harness:REPLAY_MISS] No recorded response for this request (replay never goes to the network).',
  '  recording: recordings/x/recording.har (2 entries)',
  '  request:   PUT /serviceconfigs/s/sessiontemplates/t/sessions/n as alice',
  '  closest:   entry 1: PUT /serviceconfigs/s/sessiontemplates/t/sessions/n as alice',
  '  differs:   body/members/me/properties/system/active: false here, true recorded',
  '  differs:   x-xbl-contract-version: 105 here, 107 recorded',
].join('\n');

function missResult(): TestResult {
  const exchange = toExchange(
    { method: 'PUT', path: '/serviceconfigs/s/sessiontemplates/t/sessions/n', headers: {}, body: '{"members":{}}' },
    { status: 0, headers: {}, text: '' },
  );
  return {
    suite: 's',
    title: 't',
    fullTitle: 's t',
    state: 'failed',
    durationMs: 1,
    error: MISS,
    failures: [],
    lastExchange: exchange,
    unanswered: MISS.split('\n')[0],
  };
}

describe('the HTML failure block', () => {
  it('shows a replay miss as the missing request, labelled, and never a bare 0 for its response', () => {
    const html = failureBlock(missResult(), 'failure-0');
    expect(html).to.include('The request with no recording (the replay miss)');
    expect(html).to.include('<pre class="response no-answer">No answer: [harness:REPLAY_MISS]');
    expect(html).to.not.match(/<pre class="response">0\b/);
    expect(html).to.include('PUT /serviceconfigs/s/sessiontemplates/t/sessions/n');
  });

  it('puts what this run sent beside what the recording has, one row per difference', () => {
    const table = changedRequestTable(MISS);
    expect(table).to.include('<th>this run sent</th><th>the recording has</th>');
    expect(table).to.include(
      '<td><code>body/members/me/properties/system/active</code></td><td><code>false</code></td><td><code>true</code></td>',
    );
    expect(table).to.include('<td><code>x-xbl-contract-version</code></td><td><code>105</code></td><td><code>107</code></td>');
    expect(changedRequestTable('[harness:CONTRACT_VIOLATION] something else')).to.equal('');
  });

  it('an answered exchange keeps its status line', () => {
    const answered = {
      ...missResult(),
      unanswered: undefined,
      error: 'boom',
      lastExchange: toExchange({ method: 'GET', path: '/handles/x/session', headers: {} }, { status: 404, headers: {}, text: '' }),
    };
    expect(failureBlock(answered, 'failure-1')).to.include('<pre class="response">404');
  });
});
