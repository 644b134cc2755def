import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { globSync } from 'glob';

const ROOT = join(__dirname, '..');
const config = JSON.parse(readFileSync(join(ROOT, 'mutation', 'stryker.config.json'), 'utf8'));

/** npm run mutation runs in a CI job of its own: a rename must not silently shrink what it measures. */
describe('the mutation run (npm run mutation)', () => {
  it('mutates files that exist: every mutate pattern names at least one source file', () => {
    for (const pattern of config.mutate as string[]) expect(globSync(pattern, { cwd: ROOT }), pattern).to.not.be.empty;
  });

  it('runs test files that exist, and leaves out only files that exist', () => {
    for (const pattern of config.mocha12.spec as string[]) expect(globSync(pattern, { cwd: ROOT }), pattern).to.not.be.empty;
    for (const file of config.mocha12.ignore as string[]) expect(existsSync(join(ROOT, file)), file).to.equal(true);
  });

  it('fails below 85%, the score the project holds the checks and the emulator rules to', () => {
    expect(config.thresholds.break).to.equal(85);
    expect(config.coverageAnalysis, 'each mutant runs only the tests that cover it').to.equal('perTest');
  });
});
