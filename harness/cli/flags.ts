import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SETTING_VARIABLES, type Setting, withSettings } from '../config';
import { ERROR_CODES, HarnessError } from '../errors';

/**
 * THE table of command-line flags. A flag that stands for an MPSD_* variable overrides it for that run
 * (README, "One command line, on every OS"); the others belong to mocha (which tests run).
 */
export const FLAGS = {
  mode: { setting: 'mode', value: '<mode>', help: 'replay (default), record, record-missing, live or verify' },
  target: { setting: 'target', value: '<url>', help: 'a live MPSD base URL; without it, the embedded emulator' },
  reports: { setting: 'reports', value: '<dir>', path: true, help: 'where reports go (default reports/)' },
  recordings: { setting: 'recordings', value: '<dir>', path: true, help: 'where recordings are read and written (default recordings/)' },
  fault: { setting: 'faults', value: '<name>', help: 'plant an emulator fault (repeatable)', multiple: true },
  client: { setting: 'client', value: '<file>', path: true, help: 'a module exporting createClient(settings): the client under test' },
  grep: { setting: undefined, value: '<pattern>', help: 'run only the tests whose full title matches; a pattern that matches none fails' },
  spec: { setting: undefined, value: '<file>', help: 'run only this spec file (repeatable)', multiple: true },
  principal: { setting: undefined, value: '<name>', help: 'the principal to sign in or out: alice (the default for login), bob or carol' },
  shard: {
    setting: 'shard',
    value: '<i/n>',
    help: 'run the i-th of n deterministic slices of the spec files (a CI job matrix); reports go to <reports>/shard-i-of-n for merge-reports',
  },
} as const satisfies Record<string, { setting: Setting | undefined; value: string; help: string; path?: true; multiple?: true }>;
export type FlagName = keyof typeof FLAGS;

export interface Parsed {
  flags: Partial<Record<FlagName, string | string[]>>;
  help: boolean;
  rest: string[];
}

/** Parse the flags a command takes; an unknown flag is an error that names the known ones. */
export function parseFlags(args: string[], allowed: readonly FlagName[]): Parsed {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const name of allowed) options[name] = { type: 'string', ...('multiple' in FLAGS[name] ? { multiple: true } : {}) };
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    const { help, ...flags } = values as Record<string, string | string[] | boolean | undefined>;
    return { flags: flags as Parsed['flags'], help: help === true, rest: positionals };
  } catch (error) {
    throw new HarnessError(
      ERROR_CODES.CONFIG_INVALID,
      `${(error as Error).message}. This command takes ${allowed.map((f) => `--${f}`).join(', ') || 'no flags'}; see --help.`,
    );
  }
}

/** The environment for a run: the caller's, with each MPSD_* variable a flag stands for overridden by the flag (paths made absolute). */
export function environmentWith(flags: Parsed['flags'], base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const settings: Partial<Record<Setting, string>> = {};
  for (const [name, value] of Object.entries(flags) as [FlagName, string | string[]][]) {
    const setting = FLAGS[name].setting;
    if (!setting || value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    // A path is the caller's: resolved against the current directory, whatever directory a child runs in.
    settings[setting] = 'path' in FLAGS[name] ? resolve(text) : text;
  }
  return withSettings(base, settings);
}

export function flagHelp(allowed: readonly FlagName[]): string {
  return allowed
    .map(
      (name) =>
        `  --${name} ${FLAGS[name].value}`.padEnd(30) +
        FLAGS[name].help +
        (FLAGS[name].setting ? ` (${SETTING_VARIABLES[FLAGS[name].setting]})` : ''),
    )
    .join('\n');
}

/** The command a typo most likely meant: the nearest by edit distance, if it is near at all. */
export function closest(word: string, candidates: string[]): string | undefined {
  const distance = (a: string, b: string) => {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      const row = [i];
      for (let j = 1; j <= b.length; j += 1)
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = row;
    }
    return previous[b.length];
  };
  const [best] = candidates.map((c) => ({ c, d: distance(word.toLowerCase(), c) })).sort((x, y) => x.d - y.d);
  return best && best.d <= Math.max(2, Math.floor(best.c.length / 3)) ? best.c : undefined;
}
