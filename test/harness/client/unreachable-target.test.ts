import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { runConformance } from '../../support/run-specs';

const LIVE = { MPSD_MODE: 'live', MPSD_AUTH: 'XBL3.0 x=1;xuid=2533274800000001', MPSD_XUID: '2533274800000001' };

/** Issue 10.9: a target that is down or hangs stops the run once, with one clear error, well before mocha's timeout. */
describe('a target that is down or hangs', function () {
  this.timeout(60000);
  let silent: Server;
  before(async () => {
    silent = createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  after(() => {
    silent.closeAllConnections();
    silent.close();
  });

  it('a target that refuses connections stops the run with one TARGET_UNREACHABLE', async () => {
    const { code, stdout } = await runConformance(['specs/handle-read.spec.ts'], { ...LIVE, MPSD_TARGET: 'http://127.0.0.1:1' });
    expect(code).to.not.equal(0);
    expect(stdout).to.include('[harness:TARGET_UNREACHABLE]');
    expect(stdout).to.include('Failures by cause (1 cause(s), 1 failed test(s))');
    expect(stdout.trim().split('\n').pop()).to.equal('0 passed, 1 failed');
  });

  it('a target that hangs stops the run with one TARGET_TIMEOUT after MPSD_TIMEOUT_MS, not mocha timeouts', async () => {
    const started = Date.now();
    const { stdout } = await runConformance(['specs/handle-read.spec.ts'], {
      ...LIVE,
      MPSD_TARGET: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      MPSD_TIMEOUT_MS: '500',
    });
    expect(stdout).to.include('[harness:TARGET_TIMEOUT]');
    expect(stdout).to.include('Failures by cause (1 cause(s), 1 failed test(s))');
    expect(stdout).to.not.include('Timeout of');
    expect(stdout.trim().split('\n').pop()).to.equal('0 passed, 1 failed');
    expect(Date.now() - started).to.be.below(15000);
  });
});
