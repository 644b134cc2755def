import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect } from 'chai';
import { mochaArguments } from '../harness/cli/mocha-run';
import { type Finding, formatFinding } from '../harness/lint/finding';
import { harFiles, lintRecordings } from '../harness/lint/lint-recordings';
import { replayUsage } from '../harness/lint/run-lint';

const ROOT = join(__dirname, '..');

import type { Har } from '../harness/recording/har';

describe('recordings lint', function () {
  this.timeout(60000);
  let dir: string;
  let usage: Record<string, number[]>;
  let first: string;

  const lint = (overrides: Partial<Parameters<typeof lintRecordings>[0]> = {}): Finding[] =>
    lintRecordings({
      recordingsDir: dir,
      expectedFiles: new Set(Object.keys(usage).map((f) => join(dir, relative(join(ROOT, 'recordings'), f)))),
      knownSecrets: [],
      allowList: [],
      root: ROOT,
      ...overrides,
    });
  const edit = (file: string, change: (har: Har) => void) => {
    const har = JSON.parse(readFileSync(file, 'utf8')) as Har;
    change(har);
    writeFileSync(file, JSON.stringify(har, null, 2));
  };

  before(async () => {
    usage = await replayUsage(join(ROOT, 'recordings'), mochaArguments({ catalogue: true, specs: [] }, { reporter: 'dot' }, {}));
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-lint-'));
    cpSync(join(ROOT, 'recordings'), dir, { recursive: true });
    first = harFiles(dir)[0];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the committed recordings have no findings, and every entry is used by its scenario', () => {
    const committed = lintRecordings({
      recordingsDir: join(ROOT, 'recordings'),
      expectedFiles: new Set(Object.keys(usage)),
      usage,
      knownSecrets: [],
      allowList: [],
      root: ROOT,
    });
    expect(committed.map(formatFinding)).to.deep.equal([]);
    expect(Object.keys(usage)).to.have.length(harFiles(join(ROOT, 'recordings')).length);
  });

  it('a planted JWT in a response body is found, with file, entry, JSON path and fix', () => {
    edit(first, (har) => {
      const body = JSON.parse(har.log.entries[0].response.content.text ?? '{}');
      body.debug = { token: 'eyJhbGciOiJSUzI1NiJ9.eyJ4dWlkIjoiMjUzMzI3NDgwMDAwMDAwMSJ9.c2lnbmF0dXJl' };
      har.log.entries[0].response.content.text = JSON.stringify(body);
    });
    const findings = lint();
    const finding = findings.find((f) => f.rule === 'secret') as Finding;
    expect(finding).to.include({ rule: 'secret', file: relative(ROOT, first), entry: 1, path: 'response.content.text/debug/token' });
    // and the recorded answer itself breaks the contract: a service never sends a token back
    expect(findings.some((f) => f.rule === 'check' && f.message.includes('response-carries-no-credential'))).to.equal(true);
    expect(formatFinding(finding)).to.include('fix: remove the value and re-record');
  });

  it('an unredacted Authorization header and an XBL3.0 token are found', () => {
    edit(first, (har) => {
      har.log.entries[0].request.headers.push({ name: 'authorization', value: 'XBL3.0 x=1;abc' });
      har.log.entries[0].response.headers.push({ name: 'x-debug', value: 'XBL3.0 x=998877;secrettoken' });
    });
    expect(
      lint()
        .filter((f) => f.rule === 'secret')
        .map((f) => f.path),
    ).to.deep.equal(['request.headers.authorization', 'response.headers.x-debug']);
  });

  it('the value of MPSD_AUTH is found wherever it appears', () => {
    edit(first, (har) => {
      har.log.entries[0].request.url += '?note=plain-looking-token-123';
    });
    expect(lint({ knownSecrets: ['plain-looking-token-123'] })[0].message).to.include('MPSD_AUTH');
  });

  it('a recording no scenario uses (a renamed test) is an orphan', () => {
    const renamed = join(dir, 'Old-title_123', 'gone_456', 'recording.har');
    mkdirSync(dirname(renamed), { recursive: true });
    cpSync(first, renamed);
    const findings = lint();
    expect(findings.map((f) => [f.rule, f.file])).to.deep.equal([['orphan', relative(ROOT, renamed)]]);
    expect(formatFinding(findings[0])).to.include('fix: delete the folder');
  });

  it('a hand-edited body that breaks the schema is found with its path', () => {
    edit(first, (har) => {
      const entry = har.log.entries.find((e) => e.response.content.text?.startsWith('{"contractVersion"'));
      entry!.response.content.text = entry!.response.content.text!.replace('"changeNumber":1', '"changeNumber":"one"');
    });
    const [finding] = lint();
    expect(finding).to.include({ rule: 'schema', path: 'response.content.text/changeNumber' });
    expect(finding.message).to.include('type integer');
  });

  it('an entry its scenario never requests is reported', () => {
    const findings = lint({ usage: { [first]: [] } }); // the scenario replayed and read none of its entries
    expect(findings.length).to.be.greaterThan(0);
    expect(findings.every((f) => f.rule === 'unused-entry')).to.equal(true);
  });

  it('a reviewed allow-list entry silences its finding, and a stale one is reported', () => {
    edit(first, (har) => {
      har.log.entries[0].request.url += '?seed=Zq8Lm2Xv9Rt4Wp7Ky3Nb6Hc1Jd5Fg0Se';
    });
    const allow = { file: relative(ROOT, first), entry: 1, rule: 'secret' as const, reason: 'a fixed seed, not a credential' };
    expect(lint({ allowList: [allow] })).to.deep.equal([]);
    expect(lint({ allowList: [allow, { ...allow, entry: 2 }] }).map((f) => f.rule)).to.deep.equal(['stale-allowlist']);
  });

  it('[19.15] a scenario whose recording was deleted is a finding, not a clean lint', () => {
    rmSync(first);
    const findings = lint({ usage: undefined });
    expect(findings.map((f) => f.rule)).to.deep.equal(['missing']);
    expect(findings[0].file).to.equal(relative(ROOT, first));
  });

  it('[19.15] a recording saved with a UTF-8 BOM reads as the same recording', () => {
    writeFileSync(first, `\uFEFF${readFileSync(first, 'utf8')}`);
    expect(lint({ usage: undefined })).to.deep.equal([]);
  });

  it('npm run lint:recordings exits 1 and names the file when a recording is broken', (done) => {
    writeFileSync(first, '{ not json');
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'mpsd-harness.js'), 'lint'],
      { cwd: ROOT, env: { ...process.env, MPSD_RECORDINGS_DIR: dir } },
      (error, stdout) => {
        expect(error?.code).to.equal(1);
        expect(stdout).to.include(`${relative(ROOT, first)}: [not-har]`);
        expect(stdout).to.include('fix: restore the file from git');
        done();
      },
    );
  });
});
