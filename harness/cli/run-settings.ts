import { resolve } from 'node:path';
import { MODES, type Mode, loadConfig, reportsDir } from '../config';
import { EMBEDDED_PROFILE } from '../target';
import { HarnessError, ERROR_CODES } from '../errors';
import { COMPILED } from '../layout';
import { configEnvironment, configSelection, findConfigFile, readConfigFile } from './config-file';
import { type Parsed, environmentWith } from './flags';
import { signedInEnvironment } from './login-command';
import type { Selection } from './mocha-run';
import { parseShard, shardReportsDir } from './shard';

type Flags = Parsed['flags'];

/** What one run is given: its environment (flags over MPSD_* variables over the config file) and its specs. */
export interface RunSettings {
  env: NodeJS.ProcessEnv;
  selection: Selection;
}

export async function settings(flags: Flags, extra: Record<string, string> = {}): Promise<RunSettings> {
  const file = findConfigFile();
  const config = file ? await readConfigFile(file) : undefined;
  const fromFile = config && file ? configEnvironment(config, file) : {};
  const env = { ...environmentWith(flags, { ...fromFile, ...process.env }), ...extra };
  if (env.MPSD_SHARD) env.MPSD_REPORTS_DIR = shardReportsDir(reportsDir(env), parseShard(env.MPSD_SHARD));
  const selection: Selection = flags.spec
    ? { catalogue: false, specs: ([] as string[]).concat(flags.spec).map((s) => resolve(s).split('\\').join('/')) }
    : config && file
      ? configSelection(config, file)
      : { catalogue: true, specs: [] };
  const mode = (env.MPSD_MODE || 'replay') as Mode;
  // A live target takes the principals signed in with `login` where no MPSD_AUTH* is set.
  if (env.MPSD_TARGET && Object.hasOwn(MODES, mode) && MODES[mode].answers !== 'recordings') Object.assign(env, await signedInEnvironment(env));
  if (COMPILED && selection.catalogue && Object.hasOwn(MODES, mode) && MODES[mode].writes !== 'nothing') {
    throw new HarnessError(
      ERROR_CODES.CONFIG_INVALID,
      `--mode ${mode} would rewrite the built-in catalogue's recordings, which belong to the package. Record your own specs only (--spec, or "catalogue": false in the config file), or run the catalogue with --mode live or verify.`,
    );
  }
  // Every setting checked before any test runs: a bad one is one message and exit 2, never a failed test.
  loadConfig(env, EMBEDDED_PROFILE);
  return { env, selection };
}
