import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createEmulator, type Emulator } from '../../../emulator';
import { HttpMpsdClient } from '../../../harness/client/mpsd-client';
import { loadConfig } from '../../../harness/config';
import { harFiles } from '../../../harness/lint/lint-recordings';
import { HarnessRun, runInScope } from '../../../harness/run';
import { EMBEDDED_PROFILE } from '../../../harness/target';

/** Issue 10.8: a request fired after its test ended is charged to that test, never to the next one. */
describe('a request fired after its test ended', () => {
  let dir: string;
  let emulator: Emulator;
  before(async () => {
    emulator = createEmulator();
    await emulator.start();
  });
  after(() => emulator.stop());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-late-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is charged to the test that fired it, and the running test neither sees nor records it', async () => {
    const run = await HarnessRun.open(loadConfig({ MPSD_MODE: 'record', MPSD_RECORDINGS_DIR: dir }, EMBEDDED_PROFILE));
    const first = run.beginTest({ titlePath: ['late', 'first'], fullTitle: 'late first' });
    await first.settle(false);
    const firstRecord = await first.end({ failed: false });
    const second = run.beginTest({ titlePath: ['late', 'second'], fullTitle: 'late second' });
    const client = new HttpMpsdClient({
      baseUrl: run.target.baseUrl,
      contractVersion: 107,
      authorizations: { alice: EMBEDDED_PROFILE.userToken('alice', '2533274800000001', 'Alice') },
      defaultPrincipal: 'alice',
    });
    // The first test's code fires a request now, while the second test runs.
    await runInScope(first.scope, () => client.getSession({ scid: EMBEDDED_PROFILE.scid, templateName: 'standard-lobby', name: 'late' }));
    await client.getSession({ scid: EMBEDDED_PROFILE.scid, templateName: 'standard-lobby', name: 'mine' });
    const verdict = await second.settle(false);
    const secondRecord = await second.end({ failed: false });
    await run.close();
    expect(verdict).to.equal(undefined);
    expect(firstRecord?.late).to.deep.equal([`GET /serviceconfigs/${EMBEDDED_PROFILE.scid}/sessiontemplates/standard-lobby/sessions/late`]);
    expect(secondRecord?.exchanges.map((r) => r.exchange.request.path.split('/').pop())).to.deep.equal(['mine']);
    expect(second.scope.late).to.deep.equal([]);
    const [recording] = harFiles(dir);
    expect(readFileSync(recording, 'utf8')).to.include('/sessions/mine').and.not.include('/sessions/late');
  });
});
