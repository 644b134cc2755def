import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The emulator's data files (templates, social graph, the OpenAPI document) sit beside the package's
 * package.json, whether this code runs from a clone (TypeScript) or compiled under dist/. The
 * emulator finds them itself: it imports nothing of the harness.
 */
function packageRoot(): string {
  for (let at = __dirname; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json')) && existsSync(join(at, 'emulator', 'templates.json'))) return at;
    if (dirname(at) === at) return join(__dirname, '..');
  }
}

const ROOT = packageRoot();

/** A file of the package, by its path from the package root. */
export const packageFile = (...parts: string[]): string => join(ROOT, ...parts);
