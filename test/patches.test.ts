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

describe('the deferred node server of @pollyjs/persister-fs', () => {
  it('keeps persister-fs its file layout, and loads no node server until its API is used', () => {
    const { API } = require('@pollyjs/node-server') as { API: new (o: { recordingsDir: string }) => { filenameFor(id: string): string } };
    const { HarnessPersister } = require('../harness/recording/harness-persister') as typeof import('../harness/recording/harness-persister');
    const persister = Object.create(HarnessPersister.prototype) as InstanceType<typeof HarnessPersister>;
    Object.defineProperty(persister, 'options', { value: { recordingsDir: '/r' } });
    expect(persister.filenameFor('suite_1/test_2')).to.equal(new API({ recordingsDir: '/r' }).filenameFor('suite_1/test_2'));
    const probe = `require('@pollyjs/persister-fs'); console.log(Object.keys(require.cache).some((f) => f.includes('node-server')))`;
    expect(require('node:child_process').execFileSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8' }).trim()).to.equal('false');
  });
});
