import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { resolve } from 'node:path';
import type { HarnessConfig } from '../config';
import { CATALOGUE_GLOB, COMPILED, codeFile, TRIPWIRE_FILE } from '../layout';
import { declaredTests, expandSpecs, filesOfShard } from './shard';

const MOCHA = require.resolve('mocha/bin/mocha.js');

/** The run's mocha settings, in one place (.mocharc.json repeats them for a bare `npx mocha` in a clone). */
const MOCHA_SETTINGS = {
  reporter: codeFile('harness/reporters/conformance-reporter'),
  rootHooks: codeFile('harness/mocha/root-hooks'),
  timeoutMs: 20_000,
} as const;

/** What a run selects: the built-in catalogue, the user's own spec patterns (absolute), or both. */
export interface Selection {
  catalogue: boolean;
  specs: string[];
}

const patternsOf = (selection: Selection): string[] => [...(selection.catalogue ? [CATALOGUE_GLOB] : []), ...selection.specs];

/** TypeScript specs or client modules need tsx; the compiled harness itself never does. */
const isTypeScript = (path: string) => /\.[cm]?tsx?$|\{[^}]*\bts\b[^}]*\}$/.test(path);

/**
 * The mocha command line for a run, spelled out (no config file is read): the tripwire first, tsx when
 * anything TypeScript is loaded, the root hooks, the reporter, then --grep with --fail-zero (a pattern
 * that matches no test fails instead of passing on nothing). With a shard (--shard i/n), only that
 * shard's files.
 */
export function mochaArguments(
  selection: Selection,
  options: { grep?: string; reporter?: string },
  config: Pick<HarnessConfig, 'shard' | 'clientModule'>,
): string[] {
  const patterns = patternsOf(selection);
  const weight = (file: string) => declaredTests(readFileSync(resolve(process.cwd(), file), 'utf8'));
  const specs = config.shard ? filesOfShard(expandSpecs(patterns, process.cwd()), config.shard, weight) : patterns;
  const needsTsx = !COMPILED || patterns.some(isTypeScript) || (config.clientModule !== undefined && isTypeScript(config.clientModule));
  return [
    '--no-config',
    '--no-package',
    '--require',
    TRIPWIRE_FILE,
    ...(needsTsx ? ['--require', require.resolve('tsx/cjs')] : []),
    '--require',
    MOCHA_SETTINGS.rootHooks,
    '--extension',
    'ts',
    '--extension',
    'js',
    '--reporter',
    options.reporter ?? MOCHA_SETTINGS.reporter,
    '--timeout',
    String(MOCHA_SETTINGS.timeoutMs),
    ...(options.grep ? ['--grep', options.grep, '--fail-zero'] : []),
    ...specs,
  ];
}

/** Run mocha as a child in the caller's directory (behind `prefix`, a network seal) and resolve with its exit code. */
export function runMocha(args: string[], env: NodeJS.ProcessEnv, prefix: string[] = []): Promise<number> {
  return runNode([MOCHA, ...args], env, prefix);
}

/** Run another entry point of the package (`harness/lint/cli`, say) in a child node, arguments passed through. */
export function runScript(modulePath: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return runNode([...(COMPILED ? [] : ['--require', require.resolve('tsx/cjs')]), codeFile(modulePath), ...args], env);
}

/** How often a running command checks that whoever started it is still there. */
const PARENT_CHECK_MS = 500;

/**
 * Run a child node and resolve with its exit code. SIGINT and SIGTERM are passed on to it, so the
 * child (a proxy, a run) saves what it must and its code is the command's. A parent that goes away
 * without a signal (`npm run proxy &` then `kill $!` kills npm and its shell, which pass nothing on) is
 * noticed as this process being re-parented, and handled as SIGTERM.
 */
function runNode(args: string[], env: NodeJS.ProcessEnv, prefix: string[] = []): Promise<number> {
  return new Promise((resolve) => {
    const [command, ...rest] = [...prefix, process.execPath, ...args];
    const child = spawn(command, rest, { cwd: process.cwd(), env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals = ['SIGINT', 'SIGTERM'] as const;
    for (const signal of signals) process.on(signal, forward);
    const parent = process.ppid;
    const orphaned = setInterval(() => {
      if (process.ppid !== parent) forward('SIGTERM');
    }, PARENT_CHECK_MS);
    child.on('exit', (code, signal) => {
      clearInterval(orphaned);
      for (const name of signals) process.off(name, forward);
      resolve(code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1));
    });
  });
}
