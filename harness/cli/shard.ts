import { join } from 'node:path';
import { globSync } from 'glob';
import type { Shard } from '../config';
import { ERROR_CODES, HarnessError } from '../errors';

/**
 * --shard i/n: one of n CI jobs runs a share of the sorted catalogue's spec files, balanced by how many
 * tests each file declares (its `it(` calls, read from the file: a cheap, stable proxy for its cost).
 * Deterministic (the same files in every job of the matrix, whatever the machine) and whole files only
 * (a scenario's recordings and its describe-level set-up stay together).
 */
/** The spec files the patterns name, relative to the repository, sorted: the same list on every machine. */
export function expandSpecs(patterns: string[], root: string): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) for (const file of globSync(pattern, { cwd: root, nodir: true, posix: true })) files.add(file);
  return [...files].sort();
}

/**
 * The files of one shard. Pure. Largest first, each file goes to the shard with the fewest tests so far
 * (the lower index on a tie): shards within one file's weight of each other. An empty shard is an error:
 * the matrix is larger than the catalogue.
 */
export function filesOfShard(files: string[], shard: Shard, weightOf: (file: string) => number = () => 1): string[] {
  const load = new Array<number>(shard.total).fill(0);
  const owner = new Map<string, number>();
  const heaviestFirst = files
    .map((file) => ({ file, weight: Math.max(1, weightOf(file)) }))
    .sort((a, b) => b.weight - a.weight || a.file.localeCompare(b.file));
  for (const { file, weight } of heaviestFirst) {
    const lightest = load.indexOf(Math.min(...load));
    owner.set(file, lightest);
    load[lightest] += weight;
  }
  const mine = files.filter((file) => owner.get(file) === shard.index - 1);
  if (mine.length === 0) {
    throw new HarnessError(
      ERROR_CODES.CONFIG_INVALID,
      `--shard ${shard.index}/${shard.total} selects no spec file: the selection has ${files.length} file(s); use at most ${files.length} shard(s)`,
    );
  }
  return mine;
}

/** How many tests a spec file declares: its `it(` and `it.only(` calls (one per loop body, so a floor). */
export function declaredTests(text: string): number {
  return (text.match(/\bit(?:\.only)?\(/g) ?? []).length;
}

/** Where a shard writes its reports unless --reports says otherwise: one directory per job, for merge-reports. */
export function shardReportsDir(reports: string, shard: Shard): string {
  return join(reports, `shard-${shard.index}-of-${shard.total}`);
}
