import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MODES, withSettings } from '../config';
import type { DriftReport } from '../drift/collector';
import type { parseFlags } from './flags';
import { mochaArguments, runMocha } from './mocha-run';
import { type RunSettings, settings } from './run-settings';
import { replaySeal } from './seal';

type Flags = ReturnType<typeof parseFlags>['flags'];

/** What a run leaves in the reports folder: removed first, so an old report never looks like this run's. */
const RUN_REPORTS = ['results.json', 'junit.xml', 'conformance.html'];

/**
 * Run mocha with the run's settings (read once by the caller when it needs them too). The exit code is
 * the harness's, not mocha's failure count: 0 when everything passed, 1 when a test failed or the run
 * could not write its reports.
 */
export async function mochaWith(flags: Flags, { config, env, selection }: RunSettings, reporter?: string): Promise<number> {
  const grep = flags.grep === undefined ? undefined : String(flags.grep);
  const dir = config.reportsDir;
  for (const file of RUN_REPORTS) if (statSync(join(dir, file), { throwIfNoEntry: false })?.isFile()) rmSync(join(dir, file));
  // Replay is sealed from the network at the OS level where the OS allows it (seal.ts).
  const seal = MODES[config.mode].answers === 'recordings' ? replaySeal() : undefined;
  const code = await runMocha(
    mochaArguments(selection, { grep, reporter }, config),
    withSettings(env, { network: seal?.network }),
    seal?.prefix,
  );
  if (reporter === undefined && !existsSync(join(dir, 'results.json'))) {
    process.stderr.write(
      `mpsd-harness: the run wrote no reports to ${relative(process.cwd(), dir) || '.'} (see the errors above); it counts as failed\n`,
    );
    return 1;
  }
  return code === 0 ? 0 : 1;
}
export const mocha = async (flags: Flags, overrides: Parameters<typeof settings>[1] = {}) =>
  mochaWith(flags, await settings(flags, overrides));

/** verify: the catalogue against the target, then an exit code that follows breaking drift only. */
export async function verify(flags: Flags): Promise<number> {
  const run = await settings(flags, { mode: 'verify' });
  const dir = run.config.reportsDir;
  const driftFile = join(dir, 'drift.json');
  for (const file of [driftFile, join(dir, 'drift.md')]) rmSync(file, { force: true }); // never leave an old report looking current
  const mochaCode = await mochaWith(flags, run);
  if (!existsSync(driftFile)) {
    console.error(`verify: no drift report was written (mocha exited ${mochaCode}); see the errors above`);
    return 2;
  }
  const { breaking, additive, changed, noise } = (JSON.parse(readFileSync(driftFile, 'utf8')) as DriftReport).summary;
  console.log(
    `\ndrift: ${breaking} breaking, ${additive} additive, ${changed} changed, ${noise} noise (${relative(process.cwd(), join(dir, 'drift.md'))})`,
  );
  if (mochaCode) console.log(`note: ${mochaCode} scenario(s) failed against the target; the exit code follows breaking drift only`);
  return breaking > 0 ? 1 : 0;
}
