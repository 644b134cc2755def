import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Parsed } from './flags';
import { expandSpecs, filesOfShard, parseShard } from './shard';

const ROOT = join(__dirname, '..', '..');
const MOCHA = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');

interface MochaConfig {
  require: string[];
  extension: string[];
  spec: string[];
  reporter: string;
  timeout: number;
}

/**
 * The mocha command line for a run: the options of .mocharc.json, spelled out (so --spec replaces the
 * catalogue's glob instead of adding to it), then --grep with --fail-zero (a pattern that matches no
 * test fails instead of passing on nothing). With MPSD_SHARD (--shard i/n), only that shard's files.
 */
export function mochaArguments(flags: Parsed['flags'], reporter?: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const config = JSON.parse(readFileSync(join(ROOT, '.mocharc.json'), 'utf8')) as MochaConfig;
  const selected = flags.spec ? ([] as string[]).concat(flags.spec) : config.spec;
  const specs = env.MPSD_SHARD ? filesOfShard(expandSpecs(selected, ROOT), parseShard(env.MPSD_SHARD)) : selected;
  return [
    '--no-config',
    ...config.require.flatMap((r) => ['--require', r]),
    ...config.extension.flatMap((e) => ['--extension', e]),
    '--reporter',
    reporter ?? config.reporter,
    '--timeout',
    String(config.timeout),
    ...(flags.grep ? ['--grep', String(flags.grep), '--fail-zero'] : []),
    ...specs,
  ];
}

/** Run mocha as a child (its own process, as users run it) and resolve with its exit code. */
export function runMocha(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MOCHA, ...args], { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Run another entry point of the project in a child node (tsx loaded), passing its arguments through. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', join(ROOT, script), ...args], { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
