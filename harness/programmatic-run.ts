import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from './layout';
import type { Mode } from './modes';
import type { TestResult } from './reporters/results';

/** What `run()` takes: the command line's flags, as options. Paths resolve against `cwd`. */
export interface RunOptions {
  mode?: Mode;
  /** A module exporting createClient(settings): the client under test (default: the harness's own). */
  client?: string;
  /** Spec files; without them, what the config file selects (or the built-in catalogue). */
  specs?: string[];
  recordings?: string;
  reports?: string;
  target?: string;
  grep?: string;
  faults?: string[];
  /** The directory the run works in (default: the current one). */
  cwd?: string;
  /** Extra environment (MPSD_* variables); the process's own is passed through. */
  env?: Record<string, string>;
  /** Where mocha's output goes (default: discarded; the results carry what failed). */
  output?: 'inherit' | 'ignore';
}

export interface RunOutcome {
  /** 0 everything passed, 1 a test or the contract failed, 2 a usage or configuration error. */
  exitCode: number;
  passed: number;
  failed: number;
  skipped: number;
  tests: TestResult[];
  reportsDir: string;
}

/**
 * The conformance run from code, as `mpsd-harness conformance` runs it (in a child process, so the
 * tripwire and the run's hooks never touch the caller's process), resolving to the results.
 */
export function run(options: RunOptions = {}): Promise<RunOutcome> {
  const cwd = resolve(options.cwd ?? '.');
  const reportsDir = resolve(cwd, options.reports ?? 'reports');
  const args = ['conformance', '--reports', reportsDir];
  const add = (flag: string, value: string | undefined) => value !== undefined && args.push(`--${flag}`, value);
  add('mode', options.mode);
  add('client', options.client && resolve(cwd, options.client));
  add('recordings', options.recordings && resolve(cwd, options.recordings));
  add('target', options.target);
  add('grep', options.grep);
  for (const spec of options.specs ?? []) add('spec', resolve(cwd, spec));
  for (const fault of options.faults ?? []) add('fault', fault);
  const resultsFile = join(reportsDir, 'results.json');
  rmSync(resultsFile, { force: true }); // never read the previous run's results as this one's
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'mpsd-harness.js'), ...args], {
      cwd,
      env: { ...process.env, ...options.env },
      stdio: options.output ?? 'ignore',
    });
    child.on('error', fail);
    child.on('exit', (code) => {
      const tests = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { tests: TestResult[] }).tests : [];
      const count = (state: TestResult['state']) => tests.filter((t) => t.state === state).length;
      done({ exitCode: code ?? 1, passed: count('passed'), failed: count('failed'), skipped: count('pending'), tests, reportsDir });
    });
  });
}
