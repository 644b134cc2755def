import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

/**
 * Where the harness's own files are, in both of its shapes: a clone (TypeScript run through tsx, the
 * code beside package.json) and the installed package (compiled JavaScript under dist/, the data files
 * beside package.json). Every path to a file of the package goes through here; every path the user
 * gives resolves against the current directory instead (config.ts).
 */
function packageRootFrom(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json')) && existsSync(join(at, 'schemas'))) return at;
    if (dirname(at) === at) throw new Error(`the harness's package.json was not found above ${dir}; reinstall the package`);
  }
}

export const PACKAGE_ROOT = packageRootFrom(__dirname);

/** True when this code is the compiled package (dist/), false when a clone runs its TypeScript. */
export const COMPILED = extname(__filename) === '.js';

/** The folder that holds the harness's, the emulator's and the catalogue's code. */
const CODE_ROOT = COMPILED ? join(PACKAGE_ROOT, 'dist') : PACKAGE_ROOT;

/** A module of the package by its path without extension, e.g. `harness/mocha/root-hooks`. */
export function codeFile(modulePath: string): string {
  return join(CODE_ROOT, `${modulePath}${COMPILED ? '.js' : '.ts'}`);
}

/** The built-in conformance catalogue and, beside the package, its recordings. */
const CATALOGUE_DIR = join(CODE_ROOT, 'specs');
export const CATALOGUE_GLOB = `${CATALOGUE_DIR.split('\\').join('/')}/**/*.spec.${COMPILED ? 'js' : 'ts'}`;
export const CATALOGUE_RECORDINGS_DIR = join(PACKAGE_ROOT, 'recordings');

/**
 * Whether a spec file is the *shipped* catalogue: it replays the package's recordings whatever the
 * user's recordings folder is, and is never re-recorded from a user's project. In a clone the
 * catalogue is the project's own specs, recorded into its recordings folder like any other.
 */
export function isShippedCatalogue(file: string | undefined): boolean {
  return COMPILED && file?.startsWith(CATALOGUE_DIR) === true;
}

export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
export const OPENAPI_FILE = join(PACKAGE_ROOT, 'generated', 'openapi.json');
export const PACKAGE_JSON = join(PACKAGE_ROOT, 'package.json');
/** Plain JavaScript files that run as they are in both shapes. */
export const TRIPWIRE_FILE = join(PACKAGE_ROOT, 'harness', 'tripwire.cjs');
export const PRECOMPILED_VALIDATORS_FILE = join(PACKAGE_ROOT, 'generated', 'validators.cjs');
