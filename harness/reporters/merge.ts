import { mergeCoverage } from '../coverage/collector';
import { ERROR_CODES, HarnessError } from '../errors';
import { canonical, type RunReport } from './write-reports';

/**
 * The reports of the n jobs of a --shard matrix as the report of one run. Refuses anything but one whole
 * split (each of 1..n exactly once, all of the same n): a merge that silently lacked a shard would
 * certify a catalogue nobody ran. Pure.
 */
export function mergeRunReports(reports: { source: string; report: RunReport }[]): RunReport {
  if (reports.length === 0)
    throw new HarnessError(
      ERROR_CODES.SHARDS_INCOMPLETE,
      'no shard reports to merge: run each job with --shard i/n first, then pass their report directories',
    );
  const unsharded = reports.find((r) => !r.report.shard);
  if (unsharded)
    throw new HarnessError(
      ERROR_CODES.SHARDS_INCOMPLETE,
      `${unsharded.source} is not the report of a --shard run; merge only the directories the shards wrote`,
    );
  const total = reports[0].report.shard?.total as number;
  const other = reports.find((r) => r.report.shard?.total !== total);
  if (other)
    throw new HarnessError(
      ERROR_CODES.SHARDS_INCOMPLETE,
      `${other.source} is shard ${other.report.shard?.index}/${other.report.shard?.total}, but ${reports[0].source} is of a split into ${total}; merge the shards of one run`,
    );
  const seen = new Map<number, string>();
  for (const { source, report } of reports) {
    const index = report.shard?.index as number;
    if (seen.has(index))
      throw new HarnessError(
        ERROR_CODES.SHARDS_INCOMPLETE,
        `shard ${index}/${total} twice: ${seen.get(index)} and ${source}; pass each shard once`,
      );
    seen.set(index, source);
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    throw new HarnessError(
      ERROR_CODES.SHARDS_INCOMPLETE,
      `shard(s) ${missing.map((i) => `${i}/${total}`).join(', ')} missing: a merged report must cover the whole catalogue; run them, or merge once every job has finished`,
    );
  }
  const sorted = [...reports].sort((a, b) => (a.report.shard?.index ?? 0) - (b.report.shard?.index ?? 0));
  const coverages = sorted.flatMap((r) => (r.report.coverage ? [r.report.coverage] : []));
  return canonical({
    header: sorted[0].report.header,
    tests: sorted.flatMap((r) => r.report.tests),
    ...(coverages.length > 0 ? { coverage: mergeCoverage(coverages) } : {}),
  });
}
