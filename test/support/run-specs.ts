import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MOCHA = join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');

export interface SpecResult {
  passes: { fullTitle: string }[];
  failures: { fullTitle: string; err: { message: string } }[];
}

/**
 * Run spec files in a child mocha (its own config, its own emulator) and return mocha's JSON result.
 * The child is how a user runs the harness, so what it reports is what a user would see.
 */
export function runSpecs(files: string[], env: Record<string, string>, grep?: string): Promise<SpecResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mpsd-specs-'));
  const output = join(dir, 'result.json');
  const args = mochaArgs(['--reporter', 'json', '--reporter-option', `output=${output}`, ...(grep ? ['--grep', grep] : []), ...files]);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, env: childEnv({ MPSD_REPORTS_DIR: dir, ...env }) }, (error, _stdout, stderr) => {
      try {
        resolve(JSON.parse(readFileSync(output, 'utf8')) as SpecResult);
      } catch {
        reject(new Error(`the child mocha produced no result (${error?.message ?? 'no error'}): ${stderr}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** The child runs with only the MPSD_* variables a test gives it. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MPSD_')));
  return { ...clean, ...env };
}

export function mochaArgs(extra: string[]): string[] {
  return [
    MOCHA,
    '--no-config',
    '--require',
    './harness/tripwire.cjs',
    '--require',
    'tsx/cjs',
    '--require',
    './harness/mocha/root-hooks.ts',
    '--extension',
    'ts',
    '--timeout',
    '20000',
    ...extra,
  ];
}

/** Run spec files with the conformance reporter (as `npm run conformance` does); resolves with the exit code and output. */
export function runConformance(files: string[], env: Record<string, string>, grep?: string): Promise<{ code: number; stdout: string }> {
  const args = mochaArgs(['--reporter', './harness/reporters/conformance-reporter.ts', ...(grep ? ['--grep', grep] : []), ...files]);
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env: childEnv(env) }, (error, stdout) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout }),
    );
  });
}
