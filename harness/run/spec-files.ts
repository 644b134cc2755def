import { join } from 'node:path';

/** The command that re-records one test, shown with every replay miss. */
export function rerecordCommand(fullTitle: string): string {
  const pattern = fullTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '\\"');
  return `npm run record -- --grep "^${pattern}$"`;
}

export const SPECS_DIR = join(__dirname, '..', '..', 'specs');

/**
 * A conformance scenario is a test in a `*.spec.ts` file: the catalogue in specs/, or a generated one
 * (bench/synthetic/). The harness's own tests are `*.test.ts` and run without a recording around them.
 */
export function isSpecFile(file: string | undefined): boolean {
  return file !== undefined && /\.spec\.[cm]?[jt]s$/.test(file);
}
