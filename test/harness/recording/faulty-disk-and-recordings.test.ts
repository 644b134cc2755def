import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect } from 'chai';
import { isHarnessError } from '../../../harness/errors';
import { harFiles, lintRecordings } from '../../../harness/lint/lint-recordings';
import { readHar } from '../../../harness/recording/har';
import { recordingFileFor } from '../../../harness/recording/recording-session';
import { REPO_ROOT } from '../../support/paths';
import { runConformance } from '../../support/run-specs';

const ROOT = REPO_ROOT;
const TEST = 'Reading a session through a handle (3.4)/an unknown handle is 404';
const GREP = 'an unknown handle is 404';

/** Every kind of damage a recording file can suffer, and what the harness must say about it. */
// biome-ignore lint/suspicious/noExplicitAny: damaging a HAR means writing shapes no type allows
const DAMAGE: Record<string, { write: (har: Record<string, any>) => unknown; says: string }> = {
  'not JSON': { write: () => '{ not json', says: 'is not JSON' },
  'no entries': { write: (har) => ({ log: { ...har.log, entries: undefined } }), says: 'has no "entries" list' },
  'an entry with no response': {
    write: (har) => ({ log: { ...har.log, entries: [{ ...har.log.entries[0], response: undefined }] } }),
    says: 'entry 1 has no response',
  },
  'a status that is not a number': {
    write: (har) => ({
      log: { ...har.log, entries: [{ ...har.log.entries[0], response: { ...har.log.entries[0].response, status: 'OK' } }] },
    }),
    says: 'status that is not a number ("OK")',
  },
  'an unknown HAR version': { write: (har) => ({ log: { ...har.log, version: '9.9' } }), says: 'its HAR version is "9.9"' },
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

describe('a faulty disk or a damaged recording (issue 10.11, 10.12)', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-damage-'));
    cpSync(join(ROOT, 'recordings'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const [damage, { write, says }] of Object.entries(DAMAGE)) {
    it(`a recording with ${damage} gets the file, the problem and the fix, from replay, the lint and readHar; record overwrites it`, async () => {
      const file = await recordingFileFor(TEST, dir);
      const written = write(JSON.parse(readFileSync(file, 'utf8')));
      writeFileSync(file, typeof written === 'string' ? written : JSON.stringify(written));

      let error: unknown;
      try {
        readHar(file);
      } catch (e) {
        error = e;
      }
      expect(isHarnessError(error, 'RECORDING_INVALID')).to.equal(true);
      expect((error as Error).message)
        .to.include(says)
        .and.include('re-record');

      const replay = await runConformance(['specs/handle-read.spec.ts'], { MPSD_RECORDINGS_DIR: dir }, GREP);
      expect(replay.stdout).to.include(says);
      expect(replay.stdout).to.include(relative(ROOT, file).split('/').pop() as string);

      const findings = lintRecordings({
        recordingsDir: dir,
        expectedFiles: new Set(harFiles(dir)),
        knownSecrets: [],
        allowList: [],
        root: dir,
      });
      expect(findings.map((f) => f.rule)).to.deep.equal(['not-har']);
      expect(findings[0].message).to.include(says);

      const record = await runConformance(['specs/handle-read.spec.ts'], { MPSD_MODE: 'record', MPSD_RECORDINGS_DIR: dir }, GREP);
      expect(record.stdout.trim().split('\n').pop()).to.equal('1 passed, 0 failed');
      expect(readHar(file).log.entries.length).to.be.greaterThan(0);
    });
  }

  it('a recordings folder that cannot be written fails each test with the file and the reason, runs them all, and leaves no temp file', async () => {
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, 'a file where the recordings folder should be');
    const { code, stdout } = await runConformance(['specs/handle-read.spec.ts'], { MPSD_MODE: 'record', MPSD_RECORDINGS_DIR: blocked });
    expect(code).to.not.equal(0);
    expect(stdout.trim().split('\n').pop()).to.equal('0 passed, 8 failed');
    expect(stdout.match(/RECORDING_WRITE_FAILED/g)?.length ?? 0).to.be.at.least(8);
    expect(stdout).to.include('could not be written (ENOTDIR)');
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
    expect(existsSync(blocked)).to.equal(true);
  });
});

describe('record-missing in a stateful flow (issue 11.6)', function () {
  this.timeout(60000);
  it('a new step sent to a target that never saw the replayed setup fails with what happened and what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpsd-missing-'));
    try {
      cpSync(join(ROOT, 'recordings'), dir, { recursive: true });
      const file = await recordingFileFor('Writing a session through a handle (3.5, 4)/a member updates its own properties', dir);
      const har = JSON.parse(readFileSync(file, 'utf8'));
      har.log.entries.pop(); // the step the test just gained: not recorded yet
      writeFileSync(file, JSON.stringify(har));
      const { stdout } = await runConformance(
        ['specs/handle-write.spec.ts'],
        { MPSD_MODE: 'record-missing', MPSD_RECORDINGS_DIR: dir },
        'a member updates its own properties',
      );
      expect(stdout).to.include(
        'record-missing replayed 2 request(s) of this test and sent 1 new one(s) to a target that never saw the replayed ones',
      );
      expect(stdout).to.include('Re-record the whole test: npm run record -- --grep');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
