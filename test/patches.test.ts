import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/**
 * The committed patches (patch-package, applied by npm's postinstall) are in force: every line a patch
 * adds is in the installed file. A dependency update that drops one fails here, not silently in a
 * benchmark.
 */
describe('committed dependency patches', () => {
  for (const patch of readdirSync(join(ROOT, 'patches')).filter((f) => f.endsWith('.patch'))) {
    it(`${patch} is applied to node_modules`, () => {
      const text = readFileSync(join(ROOT, 'patches', patch), 'utf8');
      for (const [, file, body] of text.matchAll(/^diff --git a\/(\S+) b\/\S+\n([\s\S]*?)(?=^diff --git |(?![\s\S]))/gm)) {
        const installed = readFileSync(join(ROOT, file), 'utf8');
        const added = body
          .split('\n')
          .filter((l) => l.startsWith('+') && !l.startsWith('+++'))
          .map((l) => l.slice(1));
        for (const line of added) expect(installed, `${file} lacks a line of ${patch}: ${line}`).to.include(line);
      }
    });
  }
});
