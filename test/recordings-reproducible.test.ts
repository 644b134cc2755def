import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect } from 'chai';
import { harFiles } from '../harness/lint/lint-recordings';
import { runSpecs } from './support/run-specs';

const ROOT = join(__dirname, '..');
const SPECS = ['specs'];

function files(dir: string): Map<string, string> {
  return new Map(harFiles(dir).map((path) => [relative(dir, path), readFileSync(path, 'utf8')]));
}

/** The recording date is the one field allowed to differ between two recordings of the same answers. */
const withoutDate = (text: string) => text.replace(/"recordedAt": "[^"]+"/, '"recordedAt": ""');

describe('recordings are reproducible', function () {
  this.timeout(120000);
  let dir: string;
  let first: Map<string, string>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-rerecord-'));
    const result = await runSpecs(SPECS, { MPSD_MODE: 'record', MPSD_RECORDINGS_DIR: dir });
    expect(result.failures.map((f) => f.fullTitle)).to.deep.equal([]);
    first = files(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('recording the whole catalogue twice in a row changes no byte', async () => {
    const result = await runSpecs(SPECS, { MPSD_MODE: 'record', MPSD_RECORDINGS_DIR: dir });
    expect(result.failures).to.deep.equal([]);
    const second = files(dir);
    expect([...second.keys()].sort()).to.deep.equal([...first.keys()].sort());
    for (const [file, text] of second) expect(text, file).to.equal(first.get(file));
  });

  it('the committed recordings are what the emulator answers today (re-record after changing it)', () => {
    const committed = files(join(ROOT, 'recordings'));
    expect([...committed.keys()].sort(), 'recordings/ and the catalogue disagree on which tests exist').to.deep.equal(
      [...first.keys()].sort(),
    );
    for (const [file, text] of first) {
      expect(withoutDate(committed.get(file) ?? ''), `recordings/${file} is stale: run npm run record`).to.equal(withoutDate(text));
    }
  });
});
