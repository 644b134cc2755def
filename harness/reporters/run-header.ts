import { execFileSync } from 'node:child_process';
import type { RunHeader } from './html';

/** The header of a report: read from the run's environment and the repository, never from a token. */
export function runHeader(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): RunHeader {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout: the report says so
  }
  return {
    mode: env.MPSD_MODE || 'replay',
    target: env.MPSD_TARGET ? `live (${new URL(env.MPSD_TARGET).host})` : 'embedded emulator',
    faults: env.MPSD_EMULATOR_FAULTS || 'none',
    client: env.MPSD_CLIENT || 'the harness client',
    // Set by the command line (cli/seal.ts); a bare mocha run has only the in-process tripwire.
    network: env.MPSD_NETWORK || ((env.MPSD_MODE || 'replay') === 'replay' ? 'in-process tripwire only' : 'the target only'),
    commit,
    date: now.toISOString(),
  };
}
