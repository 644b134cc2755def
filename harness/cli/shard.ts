import { globSync } from 'glob';
import { join } from 'node:path';
import { HarnessError, ERROR_CODES } from '../errors';

/**
 * --shard i/n: one of n CI jobs runs every n-th spec file of the sorted catalogue, starting at the i-th.
 * Deterministic (the same files in every job of the matrix, whatever the machine), whole files only
 * (a scenario's recordings and its describe-level set-up stay together), and round-robin so that files
 * added at the end of the alphabet spread over the shards instead of piling onto the last one.
 */
export interface Shard {
  index: number;
  total: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || total < 1 || index < 1 || index > total) {
    throw new HarnessError(ERROR_CODES.CONFIG_INVALID, `--shard '${text}' is not i/n with 1 <= i <= n (for example --shard 2/4: the second of four jobs)`);
  }
  return { index, total };
}

/** The spec files the patterns name, relative to the repository, sorted: the same list on every machine. */
export function expandSpecs(patterns: string[], root: string): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) for (const file of globSync(pattern, { cwd: root, nodir: true, posix: true })) files.add(file);
  return [...files].sort();
}

/** The files of one shard. Pure. An empty shard is an error: the matrix is larger than the catalogue. */
export function filesOfShard(files: string[], shard: Shard): string[] {
  const mine = files.filter((_, i) => i % shard.total === shard.index - 1);
  if (mine.length === 0) {
    throw new HarnessError(ERROR_CODES.CONFIG_INVALID, `--shard ${shard.index}/${shard.total} selects no spec file: the selection has ${files.length} file(s); use at most ${files.length} shard(s)`);
  }
  return mine;
}

/** Where a shard writes its reports unless --reports says otherwise: one directory per job, for merge-reports. */
export function shardReportsDir(reports: string, shard: Shard): string {
  return join(reports, `shard-${shard.index}-of-${shard.total}`);
}
