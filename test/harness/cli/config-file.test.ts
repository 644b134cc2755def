import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { checkConfig, configEnvironment, configSelection, findConfigFile, readConfigFile } from '../../../harness/cli/config-file';
import { environmentWith } from '../../../harness/cli/flags';
import { isHarnessError } from '../../../harness/errors';
import { REPO_ROOT } from '../../support/paths';

const ROOT = REPO_ROOT;

describe('mpsd-harness.config.{json,mjs,ts}', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is found from the current directory upward, the nearest first', () => {
    const nested = join(dir, 'a', 'b');
    mkdirSync(nested, { recursive: true });
    expect(findConfigFile(nested)).to.equal(undefined);
    writeFileSync(join(dir, 'mpsd-harness.config.json'), '{}');
    expect(findConfigFile(nested)).to.equal(join(dir, 'mpsd-harness.config.json'));
    writeFileSync(join(dir, 'a', 'mpsd-harness.config.mjs'), 'export default {}');
    expect(findConfigFile(nested)).to.equal(join(dir, 'a', 'mpsd-harness.config.mjs'));
  });

  it('reads the JSON, ES module and TypeScript forms alike', async () => {
    const settings = { recordings: 'rec', specs: ['t/*.spec.ts'] };
    const files = {
      'c.json': JSON.stringify(settings),
      'c.mjs': `export default ${JSON.stringify(settings)};`,
      'c.ts': `const settings: { recordings: string; specs: string[] } = ${JSON.stringify(settings)};\nexport default settings;`,
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, name), text);
      expect(await readConfigFile(join(dir, name)), name).to.deep.equal(settings);
    }
  });

  it('resolves its paths against its own folder and names the variables they stand for', () => {
    const file = join(dir, 'mpsd-harness.config.json');
    const config = checkConfig(
      {
        recordings: 'mpsd/recordings',
        reports: 'out',
        client: './adapter.ts',
        scid: 'x',
        templates: { lobby: 'my-lobby' },
        principals: { bob: { xuid: '2', tokenVariable: 'BOB_XBL' } },
      },
      file,
    );
    expect(configEnvironment(config, file, { BOB_XBL: 'XBL3.0 x=u;t' })).to.deep.equal({
      MPSD_RECORDINGS_DIR: join(dir, 'mpsd', 'recordings'),
      MPSD_REPORTS_DIR: join(dir, 'out'),
      MPSD_CLIENT: join(dir, 'adapter.ts'),
      MPSD_SCID: 'x',
      MPSD_TEMPLATE: 'my-lobby',
      MPSD_XUID_2: '2',
      MPSD_AUTH_2: 'XBL3.0 x=u;t',
    });
    expect(configSelection(config, file)).to.deep.equal({ catalogue: true, specs: [] });
    expect(configSelection({ catalogue: false, specs: ['s/*.spec.ts'] }, file)).to.deep.equal({
      catalogue: false,
      specs: [`${dir.split('\\').join('/')}/s/*.spec.ts`],
    });
  });

  it('refuses an unknown key, kind or principal, and a value of the wrong type, naming it', () => {
    const cases: [unknown, RegExp][] = [
      [{ recording: 'x' }, /unknown key 'recording'/],
      [{ templates: { lobbby: 'x' } }, /unknown kind 'lobbby'/],
      [{ principals: { dave: {} } }, /unknown principal 'dave'/],
      [{ catalogue: 'yes' }, /'catalogue' must be true or false/],
      [{ specs: 'a.spec.ts' }, /'specs' must be a list/],
      [[], /one object/],
    ];
    for (const [value, message] of cases) {
      let caught: unknown;
      try {
        checkConfig(value, 'c.json');
      } catch (error) {
        caught = error;
      }
      expect(isHarnessError(caught, 'CONFIG_INVALID'), JSON.stringify(value)).to.equal(true);
      expect((caught as Error).message).to.match(message);
    }
  });

  it('ranks a flag over its variable over the file', () => {
    const fromFile = { MPSD_REPORTS_DIR: '/from-file', MPSD_MODE: 'live', MPSD_SCID: 'file-scid' };
    const env = environmentWith({ reports: 'from-flag' }, { ...fromFile, MPSD_MODE: 'replay' });
    expect(env.MPSD_REPORTS_DIR).to.equal(join(process.cwd(), 'from-flag'));
    expect(env.MPSD_MODE).to.equal('replay');
    expect(env.MPSD_SCID).to.equal('file-scid');
  });

  it('a bad config file stops the run before any test with exit 2 and the file named', (done) => {
    writeFileSync(join(dir, 'mpsd-harness.config.json'), '{"recording": "x"}');
    execFile(process.execPath, [join(ROOT, 'bin', 'mpsd-harness.js'), 'conformance'], { cwd: dir }, (error, stdout, stderr) => {
      expect(error?.code).to.equal(2);
      expect(stderr).to.include('mpsd-harness.config.json').and.include("unknown key 'recording'");
      expect(stdout).to.not.match(/passing|failing/);
      done();
    });
  });
});
