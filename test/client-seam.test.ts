import { expect } from 'chai';
import { runSpecs } from './support/run-specs';

describe('the client under test (MPSD_CLIENT)', function () {
  this.timeout(60000);

  it("the example fetch client replays the whole catalogue through Polly's fetch adapter", async () => {
    const result = await runSpecs(['specs'], { MPSD_CLIENT: './examples/fetch-client.ts' });
    expect(result.failures.map((f) => f.fullTitle)).to.deep.equal([]);
    expect(result.passes.length).to.be.greaterThan(30);
  });

  it('a client that changes the wire fails with a replay miss naming the changed field', async () => {
    const result = await runSpecs(
      ['specs/handle-write.spec.ts'],
      { MPSD_CLIENT: './test/support/drifting-client.ts' },
      'updates its own properties',
    );
    expect(result.failures).to.have.length(1);
    const message = result.failures[0].err.message;
    expect(message).to.include('REPLAY_MISS');
    expect(message).to.include('body/members/me/properties/system/ready: false here, (absent) recorded');
  });

  it('a client whose body breaks the request schema fails before the answer is trusted', async () => {
    const result = await runSpecs(
      ['specs/handle-read.spec.ts'],
      { MPSD_CLIENT: './test/support/broken-client.ts', MPSD_MODE: 'live' },
      'an activity handle reads',
    );
    expect(result.failures).to.have.length(1);
    expect(result.failures[0].err.message).to.include('the client sent a body that differs from the contract');
    expect(result.failures[0].err.message).to.include(
      'at /members/me/properties/system/active: found "true" (string), expected type boolean',
    );
  });

  it('a module without createClient is refused with the fix', async () => {
    const result = await runSpecs(['specs/handle-read.spec.ts'], { MPSD_CLIENT: './test/support/run-specs.ts' }, 'unknown handle');
    expect(result.failures[0].err.message).to.include('exports no createClient(settings) function');
  });
});
