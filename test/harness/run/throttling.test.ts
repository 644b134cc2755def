import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { harFiles } from '../../../harness/lint/lint-recordings';
import { REPO_ROOT } from '../../support/paths';
import { runConformance } from '../../support/run-specs';

const ROOT = REPO_ROOT;
const SPECS = ['specs/handle-read.spec.ts', 'specs/concurrency.spec.ts'];
const THROTTLED = { MPSD_EMULATOR_FAULTS: 'throttle-every-other' };

/** Issue 10.10: 429/503 with Retry-After are retried, never recorded as fixtures, never breaks or breaking drift. */
describe('a throttling target', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-throttle-'));
    cpSync(join(ROOT, 'recordings'), join(dir, 'recordings'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('recording while every other answer is 429 writes exactly the recordings a calm target gives', async () => {
    const before = harFiles(join(dir, 'recordings')).map((f) => readFileSync(f, 'utf8'));
    const { code, stdout } = await runConformance(SPECS, {
      ...THROTTLED,
      MPSD_MODE: 'record',
      MPSD_RECORDINGS_DIR: join(dir, 'recordings'),
      MPSD_REPORTS_DIR: dir,
    });
    expect(code, stdout).to.equal(0);
    expect(stdout).to.match(/\[throttled\] \d+ answer\(s\) were 429\/503 with Retry-After: retried, never recorded/);
    expect(stdout).to.match(/recordings: 0 created, 0 updated, 11 unchanged/);
    const after = harFiles(join(dir, 'recordings')).map((f) => readFileSync(f, 'utf8'));
    expect(after.map((t) => t.includes('"status": 429'))).to.not.include(true);
    expect(after.filter((t, i) => t.replace(/"recordedAt": "[^"]+"/, '') !== before[i].replace(/"recordedAt": "[^"]+"/, ''))).to.deep.equal(
      [],
    );
  });

  it('verify against a throttling target reports no breaking drift and counts the throttling apart', async () => {
    const { code, stdout } = await runConformance(SPECS, {
      ...THROTTLED,
      MPSD_MODE: 'verify',
      MPSD_RECORDINGS_DIR: join(dir, 'recordings'),
      MPSD_REPORTS_DIR: dir,
    });
    expect(code, stdout).to.equal(0);
    const drift = JSON.parse(readFileSync(join(dir, 'drift.json'), 'utf8'));
    expect(drift.summary.breaking).to.equal(0);
    expect(drift.throttled).to.be.greaterThan(0);
    expect(readFileSync(join(dir, 'drift.md'), 'utf8')).to.match(/\d+ answer\(s\) were throttled/);
    expect(stdout).to.include('[throttled]');
  });

  it('[19.5] a third-party SDK that sees 429 itself is reported as throttled (skipped, with the reason), never as a failed test or breaking drift', async () => {
    const { code, stdout } = await runConformance(['specs/sdk-client.spec.ts'], {
      ...THROTTLED,
      MPSD_MODE: 'verify',
      MPSD_RECORDINGS_DIR: join(dir, 'recordings'),
      MPSD_REPORTS_DIR: dir,
    });
    expect(stdout).to.match(/0 passed, 0 failed, 1 skipped/);
    expect(stdout).to.include('[throttled] the target throttled this test');
    expect(code, stdout).to.equal(0);
    expect(JSON.parse(readFileSync(join(dir, 'drift.json'), 'utf8')).summary.breaking).to.equal(0);
  });

  it("[19.5] an answer still 503 past the harness client's retries is throttling too, never a contract failure", async () => {
    const { code, stdout } = await runConformance(
      ['specs/handle-read.spec.ts'],
      { MPSD_EMULATOR_FAULTS: '503-with-retry-after', MPSD_MODE: 'live', MPSD_REPORTS_DIR: dir },
      'an activity handle reads the session',
    );
    expect(stdout).to.match(/0 passed, 0 failed, 1 skipped/);
    expect(stdout).to.include('[throttled]');
    expect(code).to.equal(0);
  });
});
