import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportsDir } from '../config';
import { scrubText } from '../secrets';
import type { DriftReport } from './collector';
import { renderDriftMarkdown } from './render';

/** Write reports/drift.{json,md}; `npm run verify` reads drift.json for its exit code. */
export function writeDrift(report: DriftReport, dir: string = reportsDir()): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'drift.json'), scrubText(`${JSON.stringify(report, null, 2)}\n`));
  writeFileSync(join(dir, 'drift.md'), scrubText(renderDriftMarkdown(report)));
}
