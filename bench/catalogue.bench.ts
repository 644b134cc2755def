/**
 * The whole catalogue in replay against the floor (issue 12.3): the CPU of one mocha process running
 * specs/ as `npm run conformance` runs it, and of an empty mocha + tsx run, side by side, rounds
 * interleaved, medians. Also where the difference goes: the harness started with no scenario.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mochaArguments } from '../harness/cli/mocha-run';
import { type ChildCost, ROOT, measureNode, median, ratio } from './common';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MOCHA = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');

export async function measureCatalogue() {
  const empty = join(ROOT, 'bench', '.empty.ts');
  writeFileSync(empty, '// no test: the floor of a mocha + tsx run\n');
  const whole = mochaArguments({ catalogue: true, specs: [] }, {}, process.env);
  const runs: Record<string, string[]> = {
    'empty mocha + tsx': ['--no-config', '--require', 'tsx/cjs', '--extension', 'ts', empty],
    // the harness's requires and reporter with no scenario: start-up alone (Polly, ajv, emulator, tsx)
    'harness start-up, no scenario': [...whole.filter((a) => !a.includes('*.spec.')), empty],
    'whole catalogue, replay': whole,
  };
  const samples: Record<string, ChildCost[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, args] of Object.entries(runs)) {
      const cost = await measureNode([MOCHA, ...args], { MPSD_MODE: 'replay', MPSD_REPORTS_DIR: join(ROOT, 'reports', 'bench-catalogue') });
      if (cost.code !== 0) throw new Error(`${name} failed (exit ${cost.code}):\n${cost.out.slice(-2000)}`);
      samples[name].push(cost);
    }
  }
  const cpu = (name: string) => median(samples[name].map((s) => s.cpuMs));
  const floor = cpu('empty mocha + tsx');
  const scenarios = Number(/(\d+) passed/.exec(samples['whole catalogue, replay'][0].out)?.[1] ?? 0);
  return {
    method: `${ROUNDS} interleaved rounds, medians of each process's own CPU (user + system, all threads) and wall time`,
    scenarios,
    rows: Object.keys(runs).map((name) => ({
      run: name,
      cpuMs: cpu(name),
      wallMs: median(samples[name].map((s) => s.wallMs)),
      maxRssMb: median(samples[name].map((s) => s.maxRssMb)),
      cpuRatioToEmpty: ratio(cpu(name), floor),
    })),
    perScenarioCpuMs: scenarios ? Number(((cpu('whole catalogue, replay') - cpu('harness start-up, no scenario')) / scenarios).toFixed(1)) : undefined,
  };
}

if (require.main === module) measureCatalogue().then((r) => console.log(JSON.stringify(r, null, 2)));
