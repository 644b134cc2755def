import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withoutSettings, withSettings } from '../config';
import { ERROR_CODES, HarnessError } from '../errors';
import { configuredSecrets } from '../secrets';
import type { Finding } from './finding';
import { type AllowEntry, lintRecordings } from './lint-recordings';

const ALLOWLIST_FILE = 'lint-allowlist.json';

/**
 * Replay the selection once in a child mocha (`mochaArgs`, as the run builds them) to learn which
 * recording each scenario uses and which entries it reads. Resolves with recording file -> used entry
 * indices.
 */
export function replayUsage(recordingsDir: string, mochaArgs: string[]): Promise<Record<string, number[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'mpsd-usage-'));
  const log = join(dir, 'usage.json');
  const env = withSettings(withoutSettings(process.env), { mode: 'replay', recordings: recordingsDir, usageLog: log, reports: dir });
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [require.resolve('mocha/bin/mocha.js'), ...mochaArgs], { cwd: process.cwd(), env }, (error, stdout) => {
      try {
        if (!existsSync(log))
          throw new HarnessError(
            ERROR_CODES.LINT_REPLAY_FAILED,
            `the lint replays the catalogue to learn which entries each scenario uses, and that replay wrote no usage log (${error?.message ?? 'no error'}). Run npm run conformance to see why it fails, fix that first, then lint again:\n${stdout}`,
          );
        resolve(JSON.parse(readFileSync(log, 'utf8')) as Record<string, number[]>);
      } catch (e) {
        reject(e);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

export function readAllowList(recordingsDir: string): AllowEntry[] {
  const file = join(recordingsDir, ALLOWLIST_FILE);
  if (!existsSync(file)) return [];
  let list: unknown;
  try {
    list = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HarnessError(
      ERROR_CODES.ALLOWLIST_INVALID,
      `${file} is not JSON (${(error as Error).message}); it must be a list of {file, entry?, path?, rule, reason}`,
    );
  }
  if (
    !Array.isArray(list) ||
    !list.every(
      (a) => a && typeof a.file === 'string' && typeof a.rule === 'string' && typeof a.reason === 'string' && a.reason.trim() !== '',
    )
  ) {
    throw new HarnessError(
      ERROR_CODES.ALLOWLIST_INVALID,
      `${file} must be a list of {file, entry?, path?, rule, reason}, each with the reason it was reviewed`,
    );
  }
  return list as AllowEntry[];
}

/** The real tokens to look for: the configured ones, as the scrubber knows them (secrets.ts). */
export function knownSecrets(env: Record<string, string | undefined> = process.env): string[] {
  return configuredSecrets(env);
}

/** Lint a recordings directory against the replay of the specs that use it. */
export async function lintDirectory(recordingsDir: string, mochaArgs: string[], root: string = process.cwd()): Promise<Finding[]> {
  const usage = await replayUsage(recordingsDir, mochaArgs);
  return lintRecordings({
    recordingsDir,
    expectedFiles: new Set(Object.keys(usage)),
    usage,
    knownSecrets: knownSecrets(),
    allowList: readAllowList(recordingsDir),
    root,
  });
}
