/**
 * Scale (issue 12.5): a synthetic catalogue of 2,000 scenarios, recorded once, then replayed whole and
 * in parts (time should grow linearly, memory stay flat), and split into 4 shards whose merged reports
 * must equal the unsharded run's. Each run is one mocha process, measured from inside (bench/probe.cjs).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { mergeReports, shardDirectories } from '../harness/cli/merge-reports';
import { mochaArguments } from '../harness/cli/mocha-run';
import { shardReportsDir } from '../harness/cli/shard';
import { runShard } from '../harness/config';
import type { RunReport } from '../harness/reporters/write-reports';
import { measureNode, ROOT } from './common';
import { BARE_DIR, generateSyntheticCatalogue, SYNTHETIC_DIR } from './synthetic';

const FILES = Number(process.env.BENCH_SCALE_FILES ?? 40);
const PER_FILE = Number(process.env.BENCH_SCALE_PER_FILE ?? 50);
const MOCHA = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');

export async function measureScale() {
  const files = generateSyntheticCatalogue(FILES, PER_FILE);
  const work = mkdtempSync(join(tmpdir(), 'mpsd-bench-scale-'));
  const env = (extra: Record<string, string>) => ({
    MPSD_RECORDINGS_DIR: join(work, 'recordings'),
    MPSD_REPORTS_DIR: join(work, 'reports'),
    ...extra,
  });
  const run = async (specs: string[], extra: Record<string, string>) => {
    const environment = env(extra);
    const cost = await measureNode(
      [MOCHA, ...mochaArguments({ catalogue: false, specs }, {}, { shard: runShard(environment) })],
      environment,
    );
    if (cost.code !== 0) throw new Error(`a synthetic run failed (exit ${cost.code}):\n${cost.out.slice(-3000)}`);
    return {
      scenarios: Number(/(\d+) passed, 0 failed\s*$/.exec(cost.out)?.[1] ?? Number.NaN),
      cpuMs: cost.cpuMs,
      wallMs: cost.wallMs,
      maxRssMb: cost.maxRssMb,
      heapAtEndMb: cost.heapAtEndMb,
      heapAtEndKb: cost.heapAtEndKb,
    };
  };
  try {
    const recorded = await run(files, { MPSD_MODE: 'record' });
    const sizes = [FILES / 4, FILES / 2, FILES].map((n) => Math.max(1, Math.round(n)));
    const replays: Awaited<ReturnType<typeof run>>[] = [];
    for (const n of sizes)
      replays.push(await run(files.slice(0, n), { MPSD_MODE: 'replay', MPSD_REPORTS_DIR: join(work, `reports-${n}`) }));
    const whole = replays[replays.length - 1];
    // The control: the same tests with empty bodies under plain mocha + tsx, at the smallest and largest size.
    const bare = files.map((f) => join(BARE_DIR, basename(f)));
    const plainMocha = async (n: number) => {
      const cost = await measureNode([MOCHA, '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', ...bare.slice(0, n)]);
      if (cost.code !== 0) throw new Error(`the bare synthetic run failed (exit ${cost.code}):\n${cost.out.slice(-3000)}`);
      return cost;
    };
    const control = [await plainMocha(sizes[0]), await plainMocha(sizes[sizes.length - 1])];
    const kbPerScenario = (a: { heapAtEndKb: number }, b: { heapAtEndKb: number }) =>
      Number(((b.heapAtEndKb - a.heapAtEndKb) / (whole.scenarios - replays[0].scenarios)).toFixed(1));
    const shards = [];
    for (let i = 1; i <= 4; i += 1)
      shards.push(
        await run(files, {
          MPSD_MODE: 'replay',
          MPSD_SHARD: `${i}/4`,
          MPSD_REPORTS_DIR: shardReportsDir(join(work, 'sharded'), { index: i, total: 4 }),
        }),
      );
    // Two shards at once on this machine: what mocha --parallel would buy, with processes instead of workers.
    const pairStart = Date.now();
    await Promise.all(
      [1, 2].map((i) =>
        run(files, {
          MPSD_MODE: 'replay',
          MPSD_SHARD: `${i}/2`,
          MPSD_REPORTS_DIR: shardReportsDir(join(work, 'pair'), { index: i, total: 2 }),
        }),
      ),
    );
    const twoAtOnceWallMs = Date.now() - pairStart;
    const mergeStart = Date.now();
    mergeReports(shardDirectories(join(work, 'sharded')), join(work, 'sharded'));
    const mergeMs = Date.now() - mergeStart;
    const outcome = (dir: string) =>
      (JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunReport).tests.map((t) => [t.fullTitle, t.file, t.state, t.error]);
    const coverage = (dir: string) => readFileSync(join(dir, 'contract-coverage.json'), 'utf8');
    const unsharded = join(work, `reports-${FILES}`);
    const perScenario = (r: { cpuMs: number; scenarios: number }) => Number((r.cpuMs / r.scenarios).toFixed(1));
    // Linear growth: each added scenario costs the same, whether it is the 600th or the 1,600th.
    const marginal = (a: { cpuMs: number; scenarios: number }, b: { cpuMs: number; scenarios: number }) =>
      (b.cpuMs - a.cpuMs) / (b.scenarios - a.scenarios);
    return {
      catalogue: `${FILES} generated spec files x ${PER_FILE} scenarios (bench/synthetic/, git-ignored), 4 requests each`,
      record: recorded,
      replay: replays.map((r) => ({ ...r, cpuMsPerScenario: perScenario(r) })),
      marginalCpuMsPerScenario: [marginal(replays[0], replays[1]), marginal(replays[1], whole)].map((m) => Number(m.toFixed(1))),
      linearity: Number((marginal(replays[1], whole) / marginal(replays[0], replays[1])).toFixed(2)),
      memoryGrowth: {
        peakRss: Number((whole.maxRssMb / replays[0].maxRssMb).toFixed(2)),
        heapAtEnd: Number((whole.heapAtEndMb / replays[0].heapAtEndMb).toFixed(2)),
        // What each added scenario leaves on the heap at exit, in the harness run and in plain mocha running the same tests empty.
        heapKbPerAddedScenario: { harness: kbPerScenario(replays[0], whole), plainMochaSameTests: kbPerScenario(control[0], control[1]) },
        plainMochaHeapAtEndMb: control.map((c) => c.heapAtEndMb),
      },
      shards: { runs: shards, longestShardWallMs: Math.max(...shards.map((s) => s.wallMs)), mergeMs },
      oneMachine: {
        unshardedWallMs: whole.wallMs,
        twoShardsAtOnceWallMs: twoAtOnceWallMs,
        speedUp: Number((whole.wallMs / twoAtOnceWallMs).toFixed(2)),
      },
      mergedEqualsUnsharded: {
        tests: JSON.stringify(outcome(join(work, 'sharded'))) === JSON.stringify(outcome(unsharded)),
        coverage: coverage(join(work, 'sharded')) === coverage(unsharded),
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(SYNTHETIC_DIR, { recursive: true, force: true });
  }
}

if (require.main === module) measureScale().then((r) => console.log(JSON.stringify(r, null, 2)));
