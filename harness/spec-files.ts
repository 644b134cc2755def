import { isAbsolute, join, relative } from 'node:path';

/** The command that re-records one test, shown with every replay miss. */
export function rerecordCommand(fullTitle: string): string {
  const pattern = fullTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '\\"');
  return `npm run record -- --grep "^${pattern}$"`;
}

export const SPECS_DIR = join(__dirname, '..', 'specs');

export function isSpecFile(file: string | undefined): boolean {
  if (file === undefined) return false;
  const inside = relative(SPECS_DIR, file);
  return !inside.startsWith('..') && !isAbsolute(inside);
}
