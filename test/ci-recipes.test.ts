import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import type { FLAGS } from '../harness/cli/flags';
import { COMMANDS } from '../harness/cli/main';

const ROOT = join(__dirname, '..');

/** Every `mpsd-harness <command> [--flag ...]` line of a recipe, as command and flags. */
function harnessCommands(recipe: unknown): { command: string; flags: string[] }[] {
  const lines = JSON.stringify(recipe).match(/mpsd-harness [^"\\]+/g) ?? [];
  return lines.map((line) => {
    const [, command, ...rest] = line.trim().split(/\s+/);
    return { command, flags: rest.filter((w) => w.startsWith('--')).map((w) => w.slice(2)) };
  });
}

describe('docs/ci.md: the CI recipes', () => {
  const text = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
  const recipes = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

  it('holds a GitHub Actions and a GitLab CI recipe, the first one what init writes', () => {
    expect(recipes).to.have.length(2);
    expect(recipes[0]).to.equal(readFileSync(join(ROOT, 'harness', 'cli', 'init-files', 'mpsd-harness.yml.txt'), 'utf8'));
  });

  for (const [i, name] of ['GitHub Actions', 'GitLab CI'].entries()) {
    it(`the ${name} recipe parses, and every command and flag it uses exists`, () => {
      const recipe = parse(recipes[i]) as Record<string, unknown>;
      const used = harnessCommands(recipe);
      expect(used.map((u) => u.command)).to.include.members(['conformance', 'merge-reports']);
      for (const { command, flags } of used) {
        expect(COMMANDS, `mpsd-harness ${command}`).to.have.property(command);
        for (const flag of flags)
          expect(COMMANDS[command].flags as readonly string[], `mpsd-harness ${command} --${flag}`).to.include(flag as keyof typeof FLAGS);
      }
      expect(JSON.stringify(recipe)).to.include('reports/junit.xml').and.include('conformance.html');
    });
  }
});
