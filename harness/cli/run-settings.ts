import { resolve } from 'node:path';
import { type HarnessConfig, loadConfig, MODES, type Setting, withSettings } from '../config';
import { ERROR_CODES, HarnessError } from '../errors';
import { COMPILED } from '../layout';
import { EMBEDDED_PROFILE } from '../target';
import { configEnvironment, configSelection, findConfigFile, readConfigFile } from './config-file';
import { environmentWith, type Parsed } from './flags';
import { signedInEnvironment } from './login-command';
import type { Selection } from './mocha-run';
import { shardReportsDir } from './shard';

type Flags = Parsed['flags'];

/**
 * What one run is given: the settings, read and checked once (`config`); the environment that carries
 * them to the mocha child (flags over MPSD_* variables over the config file); and the specs.
 */
export interface RunSettings {
  config: Readonly<HarnessConfig>;
  env: NodeJS.ProcessEnv;
  selection: Selection;
}

export async function settings(flags: Flags, overrides: Partial<Record<Setting, string>> = {}): Promise<RunSettings> {
  const file = findConfigFile();
  const fromConfigFile = file ? await readConfigFile(file) : undefined;
  const fromFile = fromConfigFile && file ? configEnvironment(fromConfigFile, file, process.env) : {};
  let env = withSettings(environmentWith(flags, { ...fromFile, ...process.env }), overrides);
  const selection: Selection = flags.spec
    ? { catalogue: false, specs: ([] as string[]).concat(flags.spec).map((s) => resolve(s).split('\\').join('/')) }
    : fromConfigFile && file
      ? configSelection(fromConfigFile, file)
      : { catalogue: true, specs: [] };
  // A first read learns where the run goes, before any token is asked for.
  const where = loadConfig(env, EMBEDDED_PROFILE, { tokensFromClients: true });
  // A live target takes the principals signed in with `login` where no MPSD_AUTH* is set.
  if (where.target.kind === 'live' && MODES[where.mode].answers !== 'recordings') env = { ...env, ...(await signedInEnvironment(env)) };
  if (where.shard) env = withSettings(env, { reports: shardReportsDir(where.reportsDir, where.shard) });
  if (COMPILED && selection.catalogue && MODES[where.mode].writes !== 'nothing') {
    throw new HarnessError(
      ERROR_CODES.CONFIG_INVALID,
      `--mode ${where.mode} would rewrite the built-in catalogue's recordings, which belong to the package. Record your own specs only (--spec, or "catalogue": false in the config file), or run the catalogue with --mode live or verify.`,
    );
  }
  // Every setting checked before any test runs: a bad one is one message and exit 2, never a failed test.
  return { config: loadConfig(env, EMBEDDED_PROFILE), env, selection };
}
