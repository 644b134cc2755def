import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, HarnessError } from '../errors';
import { COMPILED, PACKAGE_JSON } from '../layout';
import { closest, type FlagName, flagHelp, parseFlags } from './flags';
import { initCommand } from './init';
import { lintCommand } from './lint-command';
import { LOGIN_HELP, loginCommand, logoutCommand } from './login-command';
import { mergeReports, shardDirectories } from './merge-reports';
import { mochaArguments, runScript } from './mocha-run';
import { mocha, mochaWith, verify } from './run-commands';
import { settings } from './run-settings';

interface Command {
  summary: string;
  flags: readonly FlagName[];
  /** Commands that hand their arguments to another program, which has its own --help. */
  passThrough?: string;
  /** What positional arguments the command takes, for --help; commands without it take none. */
  positional?: string;
  /** What --help says beyond the summary and the flags. */
  details?: string;
  /** Only in a clone of the harness (it writes the harness's own files or measures them). */
  cloneOnly?: boolean;
  run(flags: ReturnType<typeof parseFlags>['flags'], rest: string[]): Promise<number>;
}

const RUN_FLAGS = ['mode', 'grep', 'spec', 'shard', 'target', 'reports', 'recordings', 'fault', 'client'] as const;

export const COMMANDS: Record<string, Command> = {
  conformance: {
    summary: 'run the catalogue (replayed offline unless --mode says otherwise) and write the reports',
    flags: RUN_FLAGS,
    run: (f) => mocha(f),
  },
  record: {
    summary: 'rewrite recordings from the target (the embedded emulator unless --target)',
    flags: RUN_FLAGS.filter((f) => f !== 'mode'),
    run: (f) => mocha(f, { mode: 'record' }),
  },
  verify: {
    summary: 'run the catalogue live and classify every difference from the recordings; exit 1 on breaking drift',
    flags: RUN_FLAGS.filter((f) => f !== 'mode'),
    run: verify,
  },
  coverage: {
    summary: 'run the catalogue and print endpoints x statuses x handle types and the documented behaviours covered',
    flags: RUN_FLAGS,
    run: async (f) => {
      const run = await settings(f);
      const code = await mochaWith(f, run); // the conformance reporter writes the coverage
      const file = join(run.config.reportsDir, 'contract-coverage.md');
      if (existsSync(file)) process.stdout.write(readFileSync(file, 'utf8'));
      return code;
    },
  },
  lint: {
    summary: 'lint the recordings: parse, checks, orphans, unused entries, secrets',
    flags: ['recordings', 'spec'],
    run: async (f) => {
      const { config, selection } = await settings({ ...f, mode: 'replay' });
      return lintCommand(config.recordingsDir, mochaArguments(selection, { reporter: 'dot' }, config));
    },
  },
  emulator: {
    summary: 'start the reference emulator',
    flags: [],
    passThrough: 'emulator/cli',
    run: (_f, rest) => runScript('emulator/cli', rest, process.env),
  },
  proxy: {
    summary: 'a recording, checking proxy for clients in any language',
    flags: [],
    passThrough: 'harness/proxy/cli',
    run: (_f, rest) => runScript('harness/proxy/cli', rest, process.env),
  },
  bench: {
    summary: 'measure every row of BENCHMARKS.md in one run (--only replay,size,catalogue,load,scale)',
    flags: [],
    passThrough: 'bench/cli',
    cloneOnly: true,
    run: (_f, rest) => runScript('bench/cli', rest, process.env),
  },
  'merge-reports': {
    summary: "combine the reports of --shard runs (JUnit, HTML, coverage, drift) into one run's; exit 1 if a test failed",
    flags: ['reports'],
    positional: '[<shard report dir>...]   (default: every <reports>/shard-i-of-n)',
    run: async (f, dirs) => {
      const out = (await settings(f)).config.reportsDir;
      return mergeReports(dirs.length > 0 ? dirs : shardDirectories(out), out);
    },
  },
  login: {
    summary: 'sign a principal in to Xbox Live (Microsoft account, device code) for live runs; tokens stay in your user cache',
    flags: ['principal'],
    details: LOGIN_HELP,
    run: async (f) => loginCommand(f.principal as string | undefined, process.env),
  },
  logout: {
    summary: "forget a principal's saved tokens (every principal's without --principal)",
    flags: ['principal'],
    run: async (f) => logoutCommand(f.principal as string | undefined, process.env),
  },
  init: {
    summary: 'start a project: a config file, an example spec (recorded against the embedded emulator), a CI workflow',
    flags: [],
    run: () => initCommand((spec) => mocha({ spec }, { mode: 'record' })),
  },
  generate: {
    summary:
      'regenerate the derived files: generated/openapi.json, generated/validators.cjs and schemas/MultiplayerSessionRequest.system.json',
    flags: [],
    cloneOnly: true,
    run: () => runScript('harness/contract/cli', [], process.env),
  },
};

function usage(): string {
  const commands = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(15)}${c.summary}`)
    .join('\n');
  return `Usage: npx mpsd-harness <command> [flags]   (in a clone of the harness, npm run <command> -- [flags] does the same)\n\n${commands}\n\nmpsd-harness <command> --help lists a command's flags. Flags override the MPSD_* variables they name.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${(JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    const near = closest(name, Object.keys(COMMANDS));
    process.stderr.write(`mpsd-harness: no command '${name}'.${near ? ` Did you mean '${near}'?` : ''}\n\n${usage()}`);
    return 2;
  }
  if (command.cloneOnly && COMPILED) {
    process.stderr.write(`mpsd-harness ${name} works on the harness's own files: run it in a clone of the harness repository.\n`);
    return 2;
  }
  if (command.passThrough) return command.run({}, args);
  const { flags, help, rest } = parseFlags(args, command.flags);
  if (help) {
    process.stdout.write(
      `mpsd-harness ${name}${command.positional ? ` ${command.positional}` : ''}: ${command.summary}\n\n${flagHelp(command.flags) || '  (no flags)'}\n${command.details ? `\n${command.details}` : ''}`,
    );
    return 0;
  }
  if (rest.length > 0 && !command.positional)
    throw new HarnessError(
      ERROR_CODES.CONFIG_INVALID,
      `mpsd-harness ${name} takes no arguments besides flags; found ${rest.join(' ')} (did you mean --spec ${rest[0]}?)`,
    );
  return command.run(flags, rest);
}

/** What bin/mpsd-harness.js runs: the command, then exit with its code. */
export function cli(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    },
  );
}
