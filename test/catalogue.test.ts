import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { BEHAVIOURS } from '../harness/coverage/behaviours';
import { ERROR_CODES } from '../harness/errors';
import { SPECS_DIR } from '../harness/run/spec-files';

const sources = readdirSync(SPECS_DIR)
  .filter((f) => f.endsWith('.spec.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(SPECS_DIR, f), 'utf8') }));

/** A sanity check over the catalogue itself, the way JSON-Schema-Test-Suite checks its own cases. */
describe('the conformance catalogue', () => {
  const declared = sources.flatMap(({ file, text }) =>
    [...text.matchAll(/covers\(([^)]*)\)/g)].flatMap((m) =>
      [...m[1].matchAll(/'([^']+)'|`([^`]+)`/g)].map((q) => ({ file, id: q[1] ?? q[2] })),
    ),
  );
  const expanded = declared.flatMap(({ file, id }) =>
    id.includes('${')
      ? Object.keys(BEHAVIOURS)
          .filter((b) => b.startsWith(id.split('${')[0]))
          .map((b) => ({ file, id: b }))
      : [{ file, id }],
  );

  it('every documented behaviour has a scenario', () => {
    const covered = new Set(expanded.map((d) => d.id));
    expect(Object.keys(BEHAVIOURS).filter((id) => !covered.has(id))).to.deep.equal([]);
  });

  it('scenarios cover only behaviours the catalogue knows', () => {
    expect(expanded.filter(({ id }) => !(id in BEHAVIOURS)).map(({ file, id }) => `${file}: ${id}`)).to.deep.equal([]);
  });

  it('titles are short present-tense facts, unique within their file', () => {
    for (const { file, text } of sources) {
      const titles = [...text.matchAll(/\bit\((['`])(.+?)\1/g)].map((m) => m[2]);
      expect(titles.length, file).to.be.greaterThan(0);
      expect(new Set(titles).size, `${file} repeats a title`).to.equal(titles.length);
      for (const title of titles) {
        expect(title, `${file}: "${title}"`).to.not.match(/^should\b/i);
        expect(title.length, `${file}: "${title}" is long`).to.be.at.most(80);
      }
    }
  });

  it('every scenario declares with covers() what it proves', () => {
    for (const { file, text } of sources) {
      const scenarios = text.split(/\bit\(/).slice(1);
      const silent = scenarios.filter((body) => !body.slice(0, body.search(/\n\s*\}\);\n/) + 1 || undefined).includes('covers('));
      expect(
        silent.map((body) => body.split('\n')[0]),
        `${file}: scenarios without covers()`,
      ).to.deep.equal([]);
    }
  });

  it('every error code is explained in docs/troubleshooting.md', () => {
    const doc = readFileSync(join(SPECS_DIR, '..', 'docs', 'troubleshooting.md'), 'utf8');
    expect(Object.keys(ERROR_CODES).filter((code) => !doc.includes(`| \`${code}\` |`))).to.deep.equal([]);
  });

  it('specs import only the harness entry point and the example clients', () => {
    for (const { file, text } of sources) {
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(
        imports.filter((i) => i !== 'chai' && i !== '../harness' && !i.startsWith('../examples/')),
        file,
      ).to.deep.equal([]);
    }
  });
});
