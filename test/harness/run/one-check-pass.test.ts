import { expect } from 'chai';
import { ContractViolation, checkedClient } from '../../../harness/checks/checked-client';
import { failure as checkFailure } from '../../../harness/checks/failure';
import type { MpsdClient } from '../../../harness/client/mpsd-client';
import { claimVerdict, type WireRecord } from '../../../harness/run/wire-checks';
import { sampleSession, sessionExchange } from '../fixtures';

const REF = { scid: 's', templateName: 't', name: 'n' };
const broken = sessionExchange({ body: { ...sampleSession(), changeNumber: 'x' } });
const answering = { getSession: async () => broken } as unknown as MpsdClient;

describe('one check pass per exchange', () => {
  it("a checked client takes the wire's verdict on its exchange instead of checking it again", async () => {
    let asked = 0;
    const verdict = () => {
      asked += 1;
      return []; // the wire found nothing: the client must not find something of its own
    };
    await checkedClient(answering, verdict).getSession(REF);
    expect(asked).to.equal(1);
  });

  it('checks the exchange itself when the wire has no verdict (a client outside a run)', async () => {
    const error = await checkedClient(answering, () => undefined)
      .getSession(REF)
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ContractViolation);
  });

  it('a wire record gives its verdict once, to the exchange with the same request and answer', () => {
    const failure = checkFailure('status-is-documented', { operation: 'getSession', status: 500, documented: [200] }, 'planted');
    const records: WireRecord[] = [{ exchange: broken, failures: [failure] }];
    const other = sessionExchange({ body: sampleSession() });
    expect(claimVerdict(records, other)).to.equal(undefined);
    expect(claimVerdict(records, broken)).to.deep.equal([failure]);
    expect(claimVerdict(records, broken), 'already claimed').to.equal(undefined);
  });
});
