import { existsSync } from 'node:fs';
import { ERROR_CODES, HarnessError } from '../errors';
import { formatFinding } from '../lint/finding';
import { lintDirectory } from '../lint/run-lint';
import { scrubText } from '../secrets';

/** mpsd-harness lint: every problem in a recordings folder, with the file, entry, JSON path and fix. */
export async function lintCommand(dir: string, mochaArgs: string[]): Promise<number> {
  if (!existsSync(dir)) {
    throw new HarnessError(
      ERROR_CODES.CONFIG_INVALID,
      `MPSD_RECORDINGS_DIR=${JSON.stringify(dir)}: no such directory, so there is nothing to lint. Point it at your recordings (default recordings/) or unset it.`,
    );
  }
  const findings = await lintDirectory(dir, mochaArgs);
  for (const finding of findings) console.log(scrubText(formatFinding(finding)));
  console.log(findings.length === 0 ? `recordings lint: no findings in ${dir}` : `recordings lint: ${findings.length} finding(s)`);
  return findings.length === 0 ? 0 : 1;
}
