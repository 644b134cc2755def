import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportsDir } from '../config';
import type { CoverageReport } from './collector';
import { renderCoverageMarkdown } from './render';

/** Write reports/contract-coverage.{json,md}; printed by `npm run coverage:contract`. */
export function writeCoverage(report: CoverageReport, dir: string = reportsDir()): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'contract-coverage.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'contract-coverage.md'), renderCoverageMarkdown(report));
}
