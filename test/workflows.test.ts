import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { recordingFileFor } from '../harness/recording/recording-session';
import { childEnv } from './support/run-specs';

const ROOT = join(__dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Run an npm script as a user would; resolves with its exit code and output. */
function npmRun(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      NPM,
      ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])],
      { cwd: ROOT, env: childEnv(env), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, out: stdout + stderr });
      },
    );
  });
}

const lastLine = (out: string) => out.trim().split('\n').pop();

describe('the README commands', function () {
  this.timeout(120000);
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'mpsd-workflow-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('npm run conformance replays the catalogue and writes JUnit, HTML and coverage reports', async () => {
    const { code, out } = await npmRun('conformance', [], { MPSD_REPORTS_DIR: tmp });
    expect(code, out).to.equal(0);
    expect(lastLine(out)).to.match(/^\d+ passed, 0 failed$/);
    for (const file of ['junit.xml', 'conformance.html', 'contract-coverage.json', 'contract-coverage.md'])
      expect(existsSync(join(tmp, file)), file).to.equal(true);
  });

  it('npm run coverage:contract prints the coverage with every documented behaviour covered', async () => {
    const { code, out } = await npmRun('coverage:contract', [], { MPSD_REPORTS_DIR: tmp });
    expect(code, out).to.equal(0);
    const { behaviours, uncovered } = JSON.parse(readFileSync(join(tmp, 'contract-coverage.json'), 'utf8'));
    expect(uncovered).to.deep.equal([]);
    expect(out).to.include(`Documented behaviours: ${behaviours.length} of ${behaviours.length} covered`);
  });

  it('npm run record -- --grep re-records one scenario, says it is unchanged, and changes no byte', async () => {
    cpSync(join(ROOT, 'recordings'), tmp, { recursive: true });
    const file = await recordingFileFor('Reading a session through a handle (3.4)/an unknown handle is 404', tmp);
    const before = readFileSync(file, 'utf8');
    const { code, out } = await npmRun('record', ['--grep', 'an unknown handle is 404'], {
      MPSD_RECORDINGS_DIR: tmp,
      MPSD_REPORTS_DIR: tmp,
    });
    expect(code, out).to.equal(0);
    expect(out).to.match(/\[record\] unchanged \S*Reading-a-session/);
    expect(out).to.include('[record] recordings: 0 created, 0 updated, 1 unchanged');
    expect(lastLine(out)).to.equal('1 passed, 0 failed');
    expect(readFileSync(file, 'utf8')).to.equal(before);
  });

  it('npm run record keeps the previous recording of a test that fails', async () => {
    cpSync(join(ROOT, 'recordings'), tmp, { recursive: true });
    const file = await recordingFileFor('Reading a session through a handle (3.4)/an activity handle reads the session', tmp);
    const before = readFileSync(file, 'utf8');
    const { code, out } = await npmRun('record', ['--grep', 'an activity handle reads the session'], {
      MPSD_RECORDINGS_DIR: tmp,
      MPSD_REPORTS_DIR: tmp,
      MPSD_EMULATOR_FAULTS: 'wrong-type',
    });
    expect(code).to.not.equal(0);
    expect(out).to.include('test failed: nothing written');
    expect(readFileSync(file, 'utf8')).to.equal(before);
  });

  it('npm run record refuses a live target without a token', async () => {
    const { code, out } = await npmRun('record', [], {
      MPSD_TARGET: 'https://sessiondirectory.example.test',
      MPSD_RECORDINGS_DIR: tmp,
      MPSD_REPORTS_DIR: tmp,
    });
    expect(code).to.not.equal(0);
    expect(out).to.include('MPSD_AUTH=""');
    expect(out).to.include('MPSD_MODE=record sends requests to the live target');
  });

  it('npm run verify against the emulator reports no drift and exits 0', async () => {
    const { code, out } = await npmRun('verify', [], { MPSD_REPORTS_DIR: tmp });
    expect(code, out).to.equal(0);
    const report = JSON.parse(readFileSync(join(tmp, 'drift.json'), 'utf8'));
    expect(report.summary).to.deep.equal({ breaking: 0, additive: 0, changed: 0, noise: 0 });
    expect(out).to.include('drift: 0 breaking');
    expect(out).to.include(join(tmp, 'drift.md').split('/').slice(-2).join('/')); // the report where MPSD_REPORTS_DIR put it
  });

  it('npm run verify with a planted fault reports the expected breaking drift and exits 1', async () => {
    const { code, out } = await npmRun('verify', ['--grep', 'Concurrency|concurrency'], {
      MPSD_REPORTS_DIR: tmp,
      MPSD_EMULATOR_FAULTS: 'stale-etag-accepted',
    });
    expect(code, out).to.equal(1);
    const report = JSON.parse(readFileSync(join(tmp, 'drift.json'), 'utf8'));
    const stale = report.scenarios.find((s: { scenario: string }) => s.scenario.includes('a stale If-Match is 412'));
    expect(stale.items[0]).to.deep.include({ kind: 'breaking', change: 'status code changed', at: 'status', recorded: 412, fresh: 200 });
    expect(readFileSync(join(tmp, 'drift.md'), 'utf8')).to.include('| breaking | status code changed |');
  });

  it('npm run lint:recordings refuses an MPSD_RECORDINGS_DIR that does not exist', async () => {
    const { code, out } = await npmRun('lint:recordings', [], { MPSD_RECORDINGS_DIR: join(tmp, 'nonexistent') });
    expect(code).to.equal(2);
    expect(out).to.include('MPSD_RECORDINGS_DIR').and.include('an existing folder of recordings');
  });

  it('npm run lint:recordings finds nothing in the committed recordings', async () => {
    const { code, out } = await npmRun('lint:recordings', [], {});
    expect(code, out).to.equal(0);
    expect(out).to.include('recordings lint: no findings');
  });
});
