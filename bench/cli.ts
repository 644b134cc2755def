/**
 * npm run bench [-- --only replay,size,catalogue,load,scale]: every row of issue 12's table, measured in
 * one run on this machine, printed and written to reports/bench.json. The machines are small (2 cores)
 * and noisy: read the ratios, which are measured side by side, not the absolute figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { reportsDir } from '../harness/config';
import { measureCatalogue } from './catalogue.bench';
import { measureEmulatorLoad } from './emulator-load.bench';
import { measureRecordingSize } from './recording-size.bench';
import { measureReplay } from './replay.bench';
import { measureScale } from './scale.bench';

const SECTIONS = {
  replay: measureReplay,
  size: measureRecordingSize,
  catalogue: measureCatalogue,
  load: measureEmulatorLoad,
  scale: measureScale,
} as const;
type Section = keyof typeof SECTIONS;

function chosen(argv: string[]): Section[] {
  const at = argv.indexOf('--only');
  if (at < 0) return Object.keys(SECTIONS) as Section[];
  const names = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.find((n) => !(n in SECTIONS));
  if (unknown || names.length === 0)
    throw new Error(`--only takes a comma-separated list of ${Object.keys(SECTIONS).join(', ')}; got '${argv[at + 1] ?? ''}'`);
  return names as Section[];
}

const HELP = `npm run bench [-- --only ${Object.keys(SECTIONS).join(',')}]

Measures every row of BENCHMARKS.md side by side in one run (or only the sections named) and writes
reports/bench.json. Takes several minutes; the figures are ratios measured in the same run.
`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) },
  };
  for (const section of chosen(process.argv.slice(2))) {
    const started = Date.now();
    console.log(`\n== ${section}`);
    results[section] = await SECTIONS[section]();
    console.log(JSON.stringify(results[section], null, 2));
    console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  mkdirSync(reportsDir(), { recursive: true });
  writeFileSync(join(reportsDir(), 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${join(reportsDir(), 'bench.json')}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
