import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reportsDir } from '../config';
import type { DriftReport } from './collector';

const ROOT = join(__dirname, '..', '..');

/**
 * npm run verify: run the catalogue against the target with MPSD_MODE=verify (nothing is
 * overwritten), then exit non-zero only when reports/drift.json holds breaking drift.
 */
function main(): void {
  const driftFile = join(reportsDir(), 'drift.json');
  const driftMarkdown = join(reportsDir(), 'drift.md');
  // An old report must never be left behind looking current.
  rmSync(driftFile, { force: true });
  rmSync(driftMarkdown, { force: true });
  const mocha = spawn(process.execPath, [join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'), ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, MPSD_MODE: 'verify' },
  });
  mocha.on('exit', (mochaCode) => {
    if (!existsSync(driftFile)) {
      console.error(`verify: no drift report was written (mocha exited ${mochaCode}); see the errors above`);
      process.exit(2);
    }
    const report = JSON.parse(readFileSync(driftFile, 'utf8')) as DriftReport;
    const { breaking, additive, changed, noise } = report.summary;
    console.log(`\ndrift: ${breaking} breaking, ${additive} additive, ${changed} changed, ${noise} noise (${relative(process.cwd(), driftMarkdown) || driftMarkdown})`);
    if (mochaCode) console.log(`note: ${mochaCode} scenario(s) failed against the target; the exit code follows breaking drift only`);
    process.exit(breaking > 0 ? 1 : 0);
  });
}

main();
