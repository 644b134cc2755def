import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import * as harness from '../harness';
import { cli } from './support/cli';

const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** docs/adding-a-scenario.md, followed as written: its example is a real scenario, and its commands work. */
describe('docs/adding-a-scenario.md, step by step', function () {
  this.timeout(60_000);
  const page = read('docs/adding-a-scenario.md');
  const example = /```ts\n(import [\s\S]*?)```/.exec(page)?.[1] ?? '';

  it('the behaviour it adds and the example scenario are in the catalogue as written', () => {
    const behaviour = /```ts\n('invite\.full-session'.*)\n```/.exec(page)?.[1];
    expect(read('harness/coverage/behaviours.ts')).to.include(`  ${behaviour}`);
    const body = /\n( {2}it\([\s\S]*?\n {2}\}\);\n)/.exec(example)?.[1];
    expect(body, 'the example has an it() block').to.be.a('string');
    expect(read('specs/invite-handles.spec.ts')).to.include(body as string);
  });

  it('the example imports only what the harness exports', () => {
    const names =
      /import \{([^}]*)\} from '\.\.\/harness'/
        .exec(example)?.[1]
        .split(',')
        .map((n) => n.trim()) ?? [];
    expect(names).to.not.be.empty;
    for (const name of names) expect(harness, name).to.have.property(name);
  });

  it('its record command re-records the example unchanged, and its conformance command replays it', async () => {
    const recordings = mkdtempSync(join(tmpdir(), 'mpsd-doc-'));
    try {
      cpSync(join(ROOT, 'recordings'), recordings, { recursive: true });
      const grep = /npm run record -- --grep "([^"]+)"/.exec(page)?.[1] as string;
      const recorded = await cli(['record', '--grep', grep], {
        MPSD_RECORDINGS_DIR: recordings,
        MPSD_REPORTS_DIR: join(recordings, 'reports'),
      });
      expect(recorded.code, recorded.out).to.equal(0);
      expect(recorded.out).to.match(/\[record\] unchanged \S*an-invite-handle-to-a-full-session/);
      const spec = /npm run conformance -- --spec (\S+)/.exec(page)?.[1] as string;
      const replayed = await cli(['conformance', '--spec', spec], { MPSD_REPORTS_DIR: join(recordings, 'reports') });
      expect(replayed.code, replayed.out).to.equal(0);
      expect(replayed.out)
        .to.include('an invite handle to a full session is still created')
        .and.match(/\d+ passed, 0 failed/);
    } finally {
      rmSync(recordings, { recursive: true, force: true });
    }
  });
});
