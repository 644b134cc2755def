import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError, ERROR_CODES } from '../errors';
import { scrubText } from '../secrets';
import { formatFinding } from './finding';
import { ROOT, lintDirectory } from './run-lint';

/** npm run lint:recordings: every problem in recordings/, with the file, entry, JSON path and fix. */
async function main(): Promise<void> {
  const dir = process.env.MPSD_RECORDINGS_DIR || join(ROOT, 'recordings');
  if (!existsSync(dir)) {
    throw new HarnessError(
      ERROR_CODES.CONFIG_INVALID,
      `MPSD_RECORDINGS_DIR=${JSON.stringify(dir)}: no such directory, so there is nothing to lint. Point it at your recordings (default recordings/) or unset it.`,
    );
  }
  const findings = await lintDirectory(dir);
  for (const finding of findings) console.log(scrubText(formatFinding(finding)));
  console.log(findings.length === 0 ? `recordings lint: no findings in ${dir}` : `recordings lint: ${findings.length} finding(s)`);
  process.exitCode = findings.length === 0 ? 0 : 1;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 2;
});
