import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { COMMANDS } from '../harness/cli/main';
import { cli } from './support/cli';

describe('the command line (mpsd-harness)', function () {
  this.timeout(60000);
  let reports: string;
  beforeEach(() => {
    reports = mkdtempSync(join(tmpdir(), 'mpsd-cli-'));
  });
  afterEach(() => rmSync(reports, { recursive: true, force: true }));

  it('lists every command, and each command explains its flags with --help', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).to.equal(0);
    for (const name of Object.keys(COMMANDS)) expect(out).to.include(`  ${name}`);
    const record = await cli(['record', '--help']);
    expect(record.out).to.include('--grep <pattern>').and.include('(MPSD_TARGET)').and.not.include('--mode');
    expect((await cli(['emulator', '--help'])).out).to.include('Reference MPSD emulator');
    const bench = await cli(['bench', '--help']);
    expect(bench.code).to.equal(0);
    expect(bench.out).to.include('--only').and.not.include('== replay'); // help, not a benchmark run
    expect((await cli(['--version'])).out.trim()).to.match(/^\d+\.\d+\.\d+$/);
  });

  it('refuses an unknown command or flag, naming what exists', async () => {
    const typo = await cli(['recrod']);
    expect(typo.code).to.equal(2);
    expect(typo.out).to.include("Did you mean 'record'?");
    const flag = await cli(['conformance', '--grpe', 'x']);
    expect(flag.code).to.equal(2);
    expect(flag.out).to.include("Unknown option '--grpe'").and.include('--grep');
  });

  it('a --grep that matches no test fails the run', async () => {
    const { code, out } = await cli(['conformance', '--grep', 'no scenario is called this', '--reports', reports]);
    expect(code).to.not.equal(0);
    expect(out).to.include('no test ran');
    expect(out.trim().split('\n').pop()).to.equal('0 passed, 1 failed');
  });

  it('--spec runs only that file, not the whole catalogue beside it', async () => {
    const { code, out } = await cli(['conformance', '--spec', 'specs/handle-query.spec.ts', '--reports', reports]);
    expect(code, out).to.equal(0);
    expect(out.trim().split('\n').pop()).to.equal('6 passed, 0 failed');
  });

  it('a flag overrides the MPSD_* variable it names', async () => {
    const { code, out } = await cli(['conformance', '--spec', 'specs/handle-query.spec.ts', '--mode', 'replay', '--reports', reports], {
      MPSD_MODE: 'record',
    });
    expect(code, out).to.equal(0);
    expect(out).to.not.include('[record]');
  });
});
