import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../layout';
import { findConfigFile } from './config-file';

/** What `mpsd-harness init` writes, relative to the current directory, and from which template. */
const STARTER_CONFIG = {
  catalogue: true,
  specs: ['mpsd/**/*.spec.ts'],
  recordings: 'mpsd/recordings',
  reports: 'reports',
};
const INIT_FILES: { path: string; text: () => string }[] = [
  { path: 'mpsd-harness.config.json', text: () => `${JSON.stringify(STARTER_CONFIG, null, 2)}\n` },
  { path: 'mpsd/example.spec.ts', text: () => template('example.spec.ts.txt') },
  { path: '.github/workflows/mpsd-harness.yml', text: () => template('mpsd-harness.yml.txt') },
];
const EXAMPLE_SPEC = 'mpsd/example.spec.ts';

function template(name: string): string {
  return readFileSync(join(PACKAGE_ROOT, 'harness', 'cli', 'init-files', name), 'utf8');
}

/**
 * Write the starter files a project needs, never overwriting one, then record the example spec against
 * the embedded emulator (`record` is the command that does that; `init` asks the caller to run it).
 * Returns what was written and what was kept.
 */
function writeStarterFiles(cwd: string): { written: string[]; kept: string[]; configElsewhere?: string } {
  const found = findConfigFile(cwd);
  const configElsewhere = found && dirname(found) !== cwd ? relative(cwd, found) : undefined;
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of INIT_FILES) {
    const target = join(cwd, file.path);
    if (existsSync(target)) {
      kept.push(file.path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text(), { flag: 'wx' }); // wx: never replace a file that appeared meanwhile
    written.push(file.path);
  }
  mkdirSync(join(cwd, STARTER_CONFIG.recordings), { recursive: true });
  return { written, kept, ...(configElsewhere ? { configElsewhere } : {}) };
}

/** mpsd-harness init: the starter files, then the example spec recorded by `record(spec)`. */
export async function initCommand(record: (spec: string) => Promise<number>): Promise<number> {
  const { written, kept, configElsewhere } = writeStarterFiles(process.cwd());
  for (const file of written) console.log(`wrote ${file}`);
  for (const file of kept) console.log(`kept ${file} (it exists; init never overwrites a file)`);
  if (configElsewhere)
    console.log(
      `note: ${configElsewhere} was found first from here before; the new mpsd-harness.config.json in this folder now comes first`,
    );
  if (!written.includes(EXAMPLE_SPEC)) return 0;
  console.log(`recording ${EXAMPLE_SPEC} against the embedded emulator...`);
  const code = await record(EXAMPLE_SPEC);
  if (code === 0) console.log('\nnext: npx mpsd-harness conformance   (the built-in catalogue and your specs, replayed offline)');
  return code;
}
