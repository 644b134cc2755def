import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';

const ROOT = join(__dirname, '..');

/** A Git-for-Windows checkout (core.autocrlf=true) gets LF files: .gitattributes says eol=lf, so Biome passes there too. */
describe('line endings', () => {
  it('a checkout with core.autocrlf=true has no CRLF in the sources', function () {
    this.timeout(30_000);
    const dir = mkdtempSync(join(tmpdir(), 'mpsd-crlf-'));
    try {
      execFileSync('git', ['-c', 'core.autocrlf=true', 'clone', '-q', '--no-hardlinks', ROOT, join(dir, 'c')]);
      const files = execFileSync('git', ['ls-files', 'harness', 'specs', 'emulator', 'test', '*.json'], {
        cwd: join(dir, 'c'),
        encoding: 'utf8',
      })
        .trim()
        .split('\n');
      const withCr = files.filter((f) => readFileSync(join(dir, 'c', f), 'utf8').includes('\r'));
      expect(withCr).to.deep.equal([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
