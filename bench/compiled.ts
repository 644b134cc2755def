/**
 * The load server compiled to JavaScript, as the npm package runs the emulator (its dist/ is tsc's
 * output; a clone runs the TypeScript through tsx). tsx's output calls every export through a getter
 * and wraps inner functions to keep their names: the emulator costs measurably more CPU that way, so
 * the load bench measures both. Emitted with the project's own compiler options, under
 * node_modules/.cache, from where the emulator still finds its data files (package-files.ts).
 */
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'node_modules', '.cache', 'mpsd-harness-bench');

/** Compile bench/load-server.ts and what it imports (the emulator); returns the compiled entry point. */
export function compiledLoadServer(): string {
  const read = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT);
  const options = { ...parsed.options, noEmit: false, outDir: OUT, rootDir: ROOT, declaration: false, sourceMap: false };
  const program = ts.createProgram([join(ROOT, 'bench', 'load-server.ts')], options);
  const { diagnostics, emitSkipped } = program.emit();
  if (emitSkipped || diagnostics.length > 0)
    throw new Error(`compiling the load server failed: ${ts.formatDiagnostics(diagnostics, ts.createCompilerHost(options))}`);
  return join(OUT, 'bench', 'load-server.js');
}
