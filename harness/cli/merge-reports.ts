import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeCoverage } from '../coverage/write';
import type { DriftReport } from '../drift/collector';
import { mergeDrift } from '../drift/collector';
import { writeDrift } from '../drift/write';
import { ERROR_CODES, HarnessError } from '../errors';
import { mergeRunReports } from '../reporters/merge';
import { RESULTS_FILE, type RunReport, tally, writeRunReports } from '../reporters/write-reports';

/** The shard directories under a reports directory, as the shards wrote them (shard-i-of-n). */
export function shardDirectories(reports: string): string[] {
  if (!existsSync(reports)) return [];
  return readdirSync(reports)
    .filter((name) => /^shard-\d+-of-\d+$/.test(name))
    .map((name) => join(reports, name))
    .sort();
}

function readJson<T>(file: string, what: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new HarnessError(
      ERROR_CODES.SHARDS_INCOMPLETE,
      `${file} cannot be read as ${what} (${(error as Error).message}); re-run that shard, or pass only complete shard directories`,
    );
  }
}

/**
 * mpsd-harness merge-reports: the JUnit, HTML, coverage and drift of every shard as one run's, written to
 * `out`. Returns the process exit code: 1 when a merged test failed, as the unsharded run would.
 */
export function mergeReports(directories: string[], out: string): number {
  const inputs = directories.map((dir) => {
    const file = join(dir, RESULTS_FILE);
    if (!existsSync(file))
      throw new HarnessError(
        ERROR_CODES.SHARDS_INCOMPLETE,
        `${dir} holds no ${RESULTS_FILE}: it is not a finished shard's report directory (a shard that crashed writes none); re-run that shard`,
      );
    return { source: relative(process.cwd(), dir) || dir, report: readJson<RunReport>(file, 'a shard report') };
  });
  const merged = writeRunReports(out, mergeRunReports(inputs));
  if (merged.coverage) writeCoverage(merged.coverage, out);
  const drifts = directories
    .filter((dir) => existsSync(join(dir, 'drift.json')))
    .map((dir) => readJson<DriftReport>(join(dir, 'drift.json'), 'a drift report'));
  if (drifts.length > 0) writeDrift(mergeDrift(drifts), out);
  const { passed, failed, skipped } = tally(merged.tests);
  console.log(
    `merged ${inputs.length} shard(s) into ${relative(process.cwd(), out) || out}: junit.xml, conformance.html, ${RESULTS_FILE}${merged.coverage ? ', contract-coverage' : ''}${drifts.length ? ', drift' : ''}`,
  );
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed > 0 ? 1 : 0;
}
