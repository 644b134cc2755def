import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createEmulator, type Emulator } from '../emulator';
import { childEnv, mochaArgs } from './support/run-specs';

const ROOT = join(__dirname, '..');
const SPECS = ['specs/handle-read.spec.ts', 'specs/authorization.spec.ts'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

/** Run the specs in a child mocha as a user would; resolves with everything it printed. */
function run(env: Record<string, string>, reporter: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      mochaArgs([...reporter, ...SPECS]),
      { cwd: ROOT, env: childEnv(env), maxBuffer: 64 * 1024 * 1024 },
      (_error, stdout, stderr) => resolve(stdout + stderr),
    );
  });
}

/**
 * Issue 10.5 and 10.6: a canary token goes through record, live, verify and a failing run with the
 * JSON reporter, against a target that echoes it back; it must appear in no file, report, console
 * output or serialized error.
 */
describe('secrets stay secret: the canary token', function () {
  this.timeout(180000);
  let clean: Emulator;
  let echoing: Emulator;
  let dir: string;
  before(async () => {
    clean = createEmulator({ deterministic: false });
    echoing = createEmulator({ deterministic: false, faults: ['echo-token'] });
    await clean.start();
    await echoing.start();
    dir = mkdtempSync(join(tmpdir(), 'mpsd-canary-'));
  });
  after(async () => {
    await clean.stop();
    await echoing.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appears in no recording, report, console output or error object', async () => {
    const canary = `canary${randomBytes(8).toString('hex')}`;
    const user = (n: number, name: string) => `XBL3.0 x=${canary}${n};xuid=253327480000000${n},gamertag=${name}`;
    const env = (target: Emulator, mode: string) => ({
      MPSD_TARGET: target.url,
      MPSD_MODE: mode,
      MPSD_AUTH: user(1, 'Alice'),
      MPSD_XUID: '2533274800000001',
      MPSD_AUTH_2: user(2, 'Bob'),
      MPSD_XUID_2: '2533274800000002',
      MPSD_AUTH_3: user(3, 'Carol'),
      MPSD_XUID_3: '2533274800000003',
      MPSD_SERVER_AUTH: `XBL3.0 x=${canary}s;server`,
      MPSD_RECORDINGS_DIR: join(dir, 'recordings'),
      MPSD_REPORTS_DIR: join(dir, `reports-${mode}`),
    });
    mkdirSync(join(dir, 'json'), { recursive: true });
    const conformance = ['--reporter', './harness/reporters/conformance-reporter.ts'];
    const outputs = [
      await run(env(clean, 'record'), conformance),
      await run(env(echoing, 'live'), conformance),
      await run(env(echoing, 'verify'), conformance),
      await run(env(echoing, 'live'), ['--reporter', 'json', '--reporter-option', `output=${join(dir, 'json', 'result.json')}`]),
    ];
    expect(outputs[0]).to.match(/\d+ passed, 0 failed/); // recorded for real
    expect(outputs[1]).to.include('response-carries-no-credential'); // the echoing target was caught
    const written = files(dir);
    expect(written.some((f) => f.endsWith('.har'))).to.equal(true);
    expect(written.some((f) => f.endsWith('drift.md'))).to.equal(true);
    expect(JSON.parse(readFileSync(join(dir, 'json', 'result.json'), 'utf8')).failures.length).to.be.greaterThan(0);
    const leaks = [
      ...outputs.map((text, i) => [`console output of run ${i + 1}`, text]),
      ...written.map((f) => [f, readFileSync(f, 'utf8')]),
    ]
      .filter(([, text]) => text.includes(canary))
      .map(([where]) => where);
    expect(leaks).to.deep.equal([]);
  });
});
