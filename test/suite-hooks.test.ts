import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { childEnv, mochaArgs } from './support/run-specs';

const ROOT = join(__dirname, '..');

/** Issue 19.13: a suite's before() sets up with scenario() and raw requests, recorded and replayed like a test. */
describe('[19.13] suite-level before() hooks get a recording of their own', function () {
  this.timeout(60_000);
  let dir: string;
  const spec = () => join(dir, 'shared-setup.spec.js');
  const run = (mode: string): Promise<{ code: number; out: string }> =>
    new Promise((resolve) =>
      execFile(
        process.execPath,
        mochaArgs([spec()]),
        {
          cwd: ROOT,
          env: childEnv({ MPSD_MODE: mode, MPSD_RECORDINGS_DIR: join(dir, 'recordings'), MPSD_REPORTS_DIR: join(dir, 'reports') }),
        },
        (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, out: stdout + stderr }),
      ),
    );

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-hooks-'));
    writeFileSync(
      spec(),
      `const { createSession, expectStatus, newSessionRef, scenario } = require(${JSON.stringify(join(ROOT, 'harness'))});
describe('A lobby set up once', () => {
  let ref;
  before(async () => {
    ref = newSessionRef('lobby', 'set-up-once');
    await createSession(ref, ['alice', 'bob']);
  });
  it('is read by the first test', async () => {
    expectStatus(await scenario().client.getSession(ref), 200);
  });
  it('is read by the second test, bob as well', async () => {
    expectStatus(await scenario().client.getSession(ref, { as: 'bob' }), 200);
  });
});
`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('records the hook and the tests against the emulator, the tests seeing what the hook set up', async () => {
    const { code, out } = await run('record');
    expect(code, out).to.equal(0);
    expect(out)
      .to.match(/2 passing/)
      .and.not.match(/failing/);
    const suite = readdirSync(join(dir, 'recordings')).find((d) => d.startsWith('A-lobby-set-up-once')) as string;
    expect(readdirSync(join(dir, 'recordings', suite)).some((d) => d.startsWith('before-all-hook'))).to.equal(true);
  });

  it('replays them offline', async () => {
    const { code, out } = await run('replay');
    expect(code, out).to.equal(0);
    expect(out)
      .to.match(/2 passing/)
      .and.not.match(/failing/);
  });
});
