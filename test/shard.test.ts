import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { declaredTests, expandSpecs, filesOfShard } from '../harness/cli/shard';
import { parseShard } from '../harness/config';
import { mergeCoverage } from '../harness/coverage/collector';
import { mergeDrift } from '../harness/drift/collector';
import { isHarnessError } from '../harness/errors';
import { mergeRunReports } from '../harness/reporters/merge';
import type { RunReport } from '../harness/reporters/write-reports';
import { cli } from './support/cli';

const ROOT = join(__dirname, '..');
const header = {
  mode: 'replay',
  target: 'embedded emulator',
  faults: 'none',
  client: 'the harness client',
  network: 'sealed',
  commit: 'x',
  date: 'd',
};
const test = (title: string, file: string, state: 'passed' | 'failed' = 'passed') => ({
  suite: 's',
  title,
  fullTitle: `s ${title}`,
  file,
  state,
  durationMs: 1,
  failures: [],
});
const shard = (
  index: number,
  total: number,
  tests = [test(`t${index}`, `specs/${index}.spec.ts`)],
): { source: string; report: RunReport } => ({
  source: `shard-${index}-of-${total}`,
  report: { header, tests, shard: { index, total } },
});

describe('sharding: --shard i/n and merge-reports (issue 12.5)', function () {
  this.timeout(120000);

  it('splits the spec files by their declared tests: every file in one shard, shards within one file of each other, the same on every run', () => {
    const files = expandSpecs(['specs/**/*.spec.ts'], ROOT);
    expect(files)
      .to.deep.equal([...files].sort())
      .and.to.have.length.above(10);
    const tests = (file: string) => declaredTests(readFileSync(join(ROOT, file), 'utf8'));
    const shards = [1, 2, 3, 4].map((i) => filesOfShard(files, { index: i, total: 4 }, tests));
    expect(shards.flat().sort()).to.deep.equal(files);
    const loads = shards.map((shard) => shard.reduce((sum, file) => sum + tests(file), 0));
    expect(Math.max(...loads) - Math.min(...loads), `declared tests per shard: ${loads.join('/')}`).to.be.at.most(
      Math.max(...files.map(tests)),
    );
    expect(filesOfShard(files, { index: 2, total: 4 }, tests)).to.deep.equal(shards[1]);
    expect(filesOfShard(files, parseShard('1/1'), tests)).to.deep.equal(files);
  });

  it('counts the tests a file declares, it.only included', () => {
    expect(declaredTests("it('a', () => {});\n  it.only('b', async () => {});\n// split(x)\nsubmit('c')")).to.equal(2);
  });

  it('refuses a shard that is not i/n, and one that would select no file, saying why', () => {
    for (const text of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(text), text).to.throw(/is not i\/n with 1 <= i <= n/);
    expect(() => filesOfShard(['a.spec.ts'], { index: 2, total: 2 })).to.throw(
      /selects no spec file: the selection has 1 file\(s\); use at most 1 shard/,
    );
  });

  it('merges only one whole split: a missing, repeated or foreign shard is refused by name', () => {
    const refused = (inputs: { source: string; report: RunReport }[]) => {
      try {
        mergeRunReports(inputs);
      } catch (error) {
        expect(isHarnessError(error, 'SHARDS_INCOMPLETE')).to.equal(true);
        return (error as Error).message;
      }
      throw new Error('merged');
    };
    expect(refused([shard(1, 3), shard(3, 3)])).to.include('shard(s) 2/3 missing');
    expect(refused([shard(1, 2), shard(1, 2), shard(2, 2)])).to.include('shard 1/2 twice');
    expect(refused([shard(1, 2), shard(2, 3)])).to.include('shard-2-of-3 is shard 2/3, but shard-1-of-2 is of a split into 2');
    expect(mergeRunReports([shard(2, 2), shard(1, 2)]).tests.map((t) => t.title)).to.deep.equal(['t1', 't2']);
  });

  it('merges coverage cells and scenarios, and drift counts and scenarios, in one canonical order', () => {
    const matrix = (status: string, type: string) => ({ 'GET /handles/{id}/session': { [status]: [type] } });
    const covered = (id: 'read.activity' | 'read.invite', scenario: string) => [{ id, section: '', text: '', scenarios: [scenario] }];
    const merged = mergeCoverage([
      { matrix: matrix('200', 'invite'), behaviours: covered('read.invite', 'b'), uncovered: [] },
      { matrix: matrix('200', 'activity'), behaviours: covered('read.activity', 'a'), uncovered: [] },
    ]);
    expect(merged.matrix).to.deep.equal({ 'GET /handles/{id}/session': { 200: ['activity', 'invite'] } });
    expect(merged.behaviours.find((b) => b.id === 'read.activity')?.scenarios).to.deep.equal(['a']);
    expect(merged.uncovered).to.not.include.members(['read.activity', 'read.invite']);
    const drift = (scenario: string, breaking: number) => ({
      summary: { breaking, additive: 0, changed: 0, noise: 0 },
      unrecorded: [],
      scenarios: [{ scenario, recording: 'r', items: [] }],
    });
    const both = mergeDrift([drift('z', 1), drift('a', 2)]);
    expect(both.summary.breaking).to.equal(3);
    expect(both.scenarios.map((s) => s.scenario)).to.deep.equal(['a', 'z']);
  });

  it('4 shards of the catalogue, merged, report what one unsharded run reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpsd-shards-'));
    try {
      const runs = await Promise.all([1, 2, 3, 4].map((i) => cli(['conformance', '--shard', `${i}/4`], { MPSD_REPORTS_DIR: dir })));
      for (const run of runs) expect(run.code, run.out).to.equal(0);
      const merged = await cli(['merge-reports'], { MPSD_REPORTS_DIR: dir });
      const whole = await cli(['conformance'], { MPSD_REPORTS_DIR: join(dir, 'whole') });
      expect(merged.code, merged.out).to.equal(0);
      expect(merged.out.trim().split('\n').pop()).to.equal(whole.out.trim().split('\n').pop());

      const read = (file: string) => readFileSync(join(dir, file), 'utf8');
      const outcome = (text: string) => (JSON.parse(text) as RunReport).tests.map((t) => [t.fullTitle, t.file, t.state, t.error]);
      expect(outcome(read('results.json'))).to.deep.equal(outcome(read('whole/results.json')));
      expect(JSON.parse(read('results.json')).coverage).to.deep.equal(JSON.parse(read('whole/results.json')).coverage);
      expect(read('contract-coverage.md')).to.equal(read('whole/contract-coverage.md'));
      const untimed = (xml: string) => xml.replace(/ time="[^"]*"/g, '').replace(/ timestamp="[^"]*"/g, '');
      expect(untimed(read('junit.xml'))).to.equal(untimed(read('whole/junit.xml')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
