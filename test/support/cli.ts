import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { childEnv } from './run-specs';

const ROOT = join(__dirname, '..', '..');

/** Run the CLI as its bin does; resolves with the exit code and everything printed. */
export function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'mpsd-harness.js'), ...args],
      { cwd: ROOT, env: childEnv(env), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, out: stdout + stderr }),
    );
  });
}
