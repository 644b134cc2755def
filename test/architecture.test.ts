import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { expect } from 'chai';
import { MODULE_RULES, moduleOf, renderMayImport } from './support/architecture-rules';

const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport|\brequire\(|\bimport\()\s*'([^']+)'/g)].map((m) => m[1]);
}

const resolvesInto = (file: string, spec: string, dir: string) =>
  spec.startsWith('.') && relative(join(ROOT, dir), join(ROOT, file, '..', spec)).split('/')[0] !== '..';

/** Where a relative import lands: the file, or the folder's index. */
function targetOf(file: string, spec: string): string {
  const base = normalize(join(dirname(file), spec));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return base;
}

/** The dependency rules of ARCHITECTURE.md, checked so the page stays true. */
describe('architecture rules', () => {
  it('every relative import stays within what its module may import (test/support/architecture-rules.ts)', () => {
    const files = [...sources('harness'), ...sources('emulator'), ...sources('specs'), ...sources('examples')];
    const offences = files.flatMap((file) => {
      const from = moduleOf(file);
      if (!from) return [`${file} belongs to no module of the rules`];
      return importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .flatMap((spec) => {
          const to = moduleOf(targetOf(file, spec));
          return to && to !== from && !from.mayImport.includes(to.name) ? [`${file} (${from.name}) imports ${spec} (${to.name})`] : [];
        });
    });
    expect(offences).to.deep.equal([]);
  });

  it("ARCHITECTURE.md's module table says, row by row, what the rules say", () => {
    const rows = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim()));
    const table = new Map(rows.map((cells) => [[...cells[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]).join(' '), cells[3]]));
    for (const rule of MODULE_RULES) {
      expect(table.get(rule.paths.join(' ')), `the row of ${rule.paths.join(', ')}`).to.equal(renderMayImport(rule));
    }
    expect(rows.length, 'a row for each rule, and no other').to.equal(MODULE_RULES.length);
  });

  it('only harness/recording imports @pollyjs', () => {
    const offenders = [...sources('harness'), ...sources('emulator'), ...sources('specs'), ...sources('examples')].filter(
      (f) => !f.startsWith('harness/recording/') && importsOf(f).some((i) => i.startsWith('@pollyjs')),
    );
    expect(offenders).to.deep.equal([]);
  });

  it('the emulator never imports the harness', () => {
    expect(sources('emulator').filter((f) => importsOf(f).some((i) => resolvesInto(f, i, 'harness')))).to.deep.equal([]);
  });

  it('the HTTP client knows nothing of recording or checks', () => {
    expect(
      sources('harness/client').filter((f) =>
        importsOf(f).some((i) => resolvesInto(f, i, 'harness/recording') || resolvesInto(f, i, 'harness/checks')),
      ),
    ).to.deep.equal([]);
  });

  it('the config knows nothing of the emulator', () => {
    expect(importsOf('harness/config.ts').filter((i) => resolvesInto('harness/config.ts', i, 'emulator'))).to.deep.equal([]);
  });

  it('the operations table imports nothing but schema names, the error catalogue and where the package files are', () => {
    expect(
      sources('harness/contract').flatMap((f) =>
        importsOf(f).filter(
          (i) =>
            i.startsWith('.') &&
            !resolvesInto(f, i, 'harness/contract') &&
            !resolvesInto(f, i, 'harness/schema') &&
            !i.endsWith('/errors') &&
            !i.endsWith('/layout'),
        ),
      ),
    ).to.deep.equal([]);
  });

  it('the run imports nothing from the reporters, and scenario() nothing from mocha', () => {
    for (const file of sources('harness/run'))
      expect(
        importsOf(file).filter((i) => resolvesInto(file, i, 'harness/reporters')),
        file,
      ).to.deep.equal([]);
    expect(
      importsOf('harness/current-scenario.ts').filter(
        (i) => i === 'mocha' || resolvesInto('harness/current-scenario.ts', i, 'harness/mocha'),
      ),
    ).to.deep.equal([]);
  });

  it('checks import no I/O', () => {
    const io = ['node:http', 'node:https', 'node:fs', 'node:child_process'];
    expect(sources('harness/checks').filter((f) => importsOf(f).some((i) => io.includes(i)))).to.deep.equal([]);
  });

  it('nothing in the repository reaches outside it: a clone has no folder beside it', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(
        (f) =>
          /\.(ts|js|json|md|sh)$|^\.ci\//.test(f) &&
          !f.startsWith('recordings/') &&
          f !== 'package-lock.json' &&
          f !== 'test/architecture.test.ts',
      );
    const outside = tracked.filter((f) =>
      /\.\.\/shared\b|'\.\.', '\.\.', '\.\.'|shared\/reference/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(outside).to.deep.equal([]);
  });

  it('only the config reads a setting from the environment: no other module reads process.env.X or names an MPSD_* variable', () => {
    // The tripwire is loaded by node before any TypeScript (and so before the config) can run: it reads
    // MPSD_MODE and MPSD_TARGET itself, to know which host a live run may reach.
    const CONFIG = ['harness/config.ts', 'harness/config-values.ts', 'harness/config-target.ts'];
    const reads = /process\.env\.[A-Za-z_]|process\.env\[|['"`]MPSD_[A-Z_0-9]+['"`]|\.MPSD_[A-Z]|\bMPSD_[A-Z_0-9]+:/;
    const offences = [...sources('harness'), ...sources('emulator')]
      .filter((file) => !CONFIG.includes(file))
      .flatMap((file) =>
        readFileSync(join(ROOT, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (reads.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offences).to.deep.equal([]);
    expect(readFileSync(join(ROOT, CONFIG[1]), 'utf8')).to.match(reads); // the pattern finds a read where there is one
  });

  it('no source file grows past 200 lines', () => {
    const long = [...sources('harness'), ...sources('emulator'), ...sources('specs')].filter(
      (f) => readFileSync(join(ROOT, f), 'utf8').split('\n').length > 200,
    );
    expect(long).to.deep.equal([]);
  });
});
