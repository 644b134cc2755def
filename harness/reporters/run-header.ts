import { execFileSync } from 'node:child_process';
import { runDescription } from '../config';
import type { RunHeader } from './html';

/** The header of a report: the run's settings (as the config reads them) and the repository, never a token. */
export function runHeader(description = runDescription(), now: Date = new Date()): RunHeader {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout: the report says so
  }
  return {
    ...description,
    commit,
    date: now.toISOString(),
  };
}
