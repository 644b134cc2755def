/**
 * The whole catalogue in replay against the floor (issue 12.3): the CPU of one mocha process running
 * specs/ as `npm run conformance` runs it, and of an empty mocha + tsx run, side by side, rounds
 * interleaved, medians. Also where the difference goes: the harness started with no scenario.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mochaArguments } from '../harness/cli/mocha-run';
import { type ChildCost, measureNode, median, ROOT, ratio } from './common';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MOCHA = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');

export async function measureCatalogue() {
  const empty = join(ROOT, 'bench', '.empty.ts');
  // One empty test, not none: a run that selects no test fails (a --grep that matches nothing is a mistake).
  writeFileSync(empty, "// the floor of a mocha + tsx run\nit('does nothing', () => {});\n");
  const emptyJs = join(ROOT, 'bench', '.empty.js');
  writeFileSync(emptyJs, "// the floor of a plain mocha run\nit('does nothing', () => {});\n");
  const whole = mochaArguments({ catalogue: true, specs: [] }, {}, {});
  // What an installed package runs: the compiled harness and catalogue (built here), no transpiler.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT });
  const dist = join(ROOT, 'dist', 'harness');
  const compiled = [
    '--no-config',
    '--no-package',
    '--require',
    join(ROOT, 'harness', 'tripwire.cjs'),
    '--require',
    join(dist, 'mocha', 'root-hooks.js'),
  ];
  const runs: Record<string, string[]> = {
    'empty mocha + tsx': ['--no-config', '--require', 'tsx/cjs', '--extension', 'ts', empty],
    // the harness's requires and reporter with no scenario: start-up alone (Polly, ajv, emulator, tsx)
    'harness start-up, no scenario': [...whole.filter((a) => !a.includes('*.spec.')), empty],
    'whole catalogue, replay': whole,
    'empty mocha, no transpiler': ['--no-config', emptyJs],
    'installed package: start-up, no scenario': [...compiled, '--reporter', join(dist, 'reporters', 'conformance-reporter.js'), emptyJs],
    'installed package: whole catalogue, replay': [
      ...compiled,
      '--reporter',
      join(dist, 'reporters', 'conformance-reporter.js'),
      '--timeout',
      '20000',
      join(ROOT, 'dist', 'specs', '**', '*.spec.js'),
    ],
  };
  // What users type: the command line (bin/mpsd-harness.js, which starts mocha in a child), every node
  // process of it counted; once with tsx's cache as a previous run left it, once with none (a fresh CI runner).
  const command = [join(ROOT, 'bin', 'mpsd-harness.js'), 'conformance'];
  const commands: Record<string, NodeJS.ProcessEnv> = {
    'the command users type: mpsd-harness conformance': {},
    'the same, tsx cache cold (a fresh CI runner)': { TSX_DISABLE_CACHE: '1' },
  };
  const samples: Record<string, ChildCost[]> = Object.fromEntries([...Object.keys(runs), ...Object.keys(commands)].map((k) => [k, []]));
  const reports = { MPSD_MODE: 'replay', MPSD_REPORTS_DIR: join(ROOT, 'reports', 'bench-catalogue') };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, env] of Object.entries(commands)) {
      const cost = await measureNode(command, { ...reports, ...env }, { tree: true });
      if (cost.code !== 0) throw new Error(`${name} failed (exit ${cost.code}):\n${cost.out.slice(-2000)}`);
      samples[name].push(cost);
    }
    for (const [name, args] of Object.entries(runs)) {
      const cost = await measureNode([MOCHA, ...args], reports);
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
    rows: Object.keys(samples).map((name) => ({
      run: name,
      cpuMs: cpu(name),
      wallMs: median(samples[name].map((s) => s.wallMs)),
      maxRssMb: median(samples[name].map((s) => s.maxRssMb)),
      cpuRatioToEmpty: ratio(cpu(name), floor),
    })),
    commandToEmptyMochaTsx: ratio(cpu('the command users type: mpsd-harness conformance'), floor),
    installedToEmptyMochaTsx: ratio(cpu('installed package: whole catalogue, replay'), floor),
    installedToEmptyMocha: ratio(cpu('installed package: whole catalogue, replay'), cpu('empty mocha, no transpiler')),
    perScenarioCpuMs: scenarios
      ? Number(((cpu('whole catalogue, replay') - cpu('harness start-up, no scenario')) / scenarios).toFixed(1))
      : undefined,
  };
}

if (require.main === module) measureCatalogue().then((r) => console.log(JSON.stringify(r, null, 2)));
