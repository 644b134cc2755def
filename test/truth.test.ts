import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createEmulator } from '../emulator';
import { rememberSecret, scrubText } from '../harness/secrets';
import { cli } from './support/cli';
import { childEnv } from './support/run-specs';

const ROOT = join(__dirname, '..');
const READ_SPEC = 'specs/handle-read.spec.ts';

/** Issue 19: a run never lies: exit codes CI can trust, flags that cannot act refused, a proxy that saves on any stop. */
describe('a run that never lies', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-truth-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('[19.1] a usage or config error stops before any test with one message and exit 2, and leaves no old report', async () => {
    writeFileSync(join(dir, 'junit.xml'), '<old/>');
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['conformance'], { MPSD_TARGET: 'notaurl' }, /MPSD_TARGET="notaurl" is not valid/],
      [['conformance', '--mode', 'sometimes'], {}, /MPSD_MODE="sometimes" is not valid/],
      [['conformance', '--mode', 'live', '--fault', 'no-such-fault'], {}, /MPSD_EMULATOR_FAULTS="no-such-fault"/],
      [['conformance', '--client', './no/such/client.ts'], {}, /file not found/],
    ];
    for (const [args, env, message] of cases) {
      const { code, out } = await cli(args, { ...env, MPSD_REPORTS_DIR: dir });
      expect(code, out).to.equal(2);
      expect(out).to.match(message);
      expect(out, 'no test ran').to.not.match(/passing|failing|\d+ passed/);
      expect(out, 'no raw stack').to.not.match(/\n\s+at .+:\d+:\d+/);
    }
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8'), 'a config error writes no report').to.equal('<old/>');
  });

  it('[19.1] failing tests exit 1 whatever their number, and a report that cannot be written fails the run', async () => {
    const broken = await cli(['conformance', '--mode', 'live', '--fault', 'wrong-type', '--spec', READ_SPEC], { MPSD_REPORTS_DIR: dir });
    expect(broken.out).to.match(/\d+ passed, [2-9] failed/);
    expect(broken.code).to.equal(1);
    mkdirSync(join(dir, 'reports', 'conformance.html'), { recursive: true }); // where the HTML report should go, a folder
    const unwritable = await cli(['conformance', '--spec', READ_SPEC], { MPSD_REPORTS_DIR: join(dir, 'reports') });
    expect(unwritable.out).to.include('the reports could not be written');
    expect(unwritable.code).to.equal(1);
  });

  it('[19.2] a flag that cannot act in the chosen mode is refused, saying why: --fault in replay', async () => {
    const { code, out } = await cli(['conformance', '--fault', 'wrong-type'], { MPSD_REPORTS_DIR: dir });
    expect(code).to.equal(2);
    expect(out).to.include('never reaches the emulator').and.include('--mode live');
  });

  it('[19.3] an MPSD_TARGET left in the shell: replay says once what to unset instead of failing every test', async () => {
    const { code, out } = await cli(['conformance'], { MPSD_TARGET: 'https://sessiondirectory.xboxlive.com', MPSD_REPORTS_DIR: dir });
    expect(code).to.equal(2);
    expect(out).to.include('unset MPSD_TARGET');
    expect(out.match(/MPSD_TARGET/g)?.length ?? 0, 'one message, not one per test').to.be.lessThan(6);
    expect(out).to.not.include('no credentials');
  });

  it('[19.4] a live verify whose scenarios skip (no MPSD_FOLLOWS) reports no drift for them and exits 0', async () => {
    const emulator = createEmulator({ deterministic: false });
    const url = await emulator.start(0, '127.0.0.1');
    try {
      const token = (name: string, xuid: string) => `XBL3.0 x=${name};xuid=${xuid},gamertag=${name}`;
      const { code, out } = await cli(['verify', '--target', url, '--spec', 'specs/followed-sessions.spec.ts'], {
        MPSD_AUTH: token('alice', '2533274800000001'),
        MPSD_XUID: '2533274800000001',
        MPSD_AUTH_2: token('bob', '2533274800000002'),
        MPSD_XUID_2: '2533274800000002',
        MPSD_AUTH_3: token('carol', '2533274800000003'),
        MPSD_XUID_3: '2533274800000003',
        MPSD_REPORTS_DIR: dir,
      });
      expect(out).to.include('SKIPPED');
      expect(out).to.include('drift: 0 breaking');
      expect(code, out).to.equal(0);
    } finally {
      await emulator.stop();
    }
  });

  /** Start the proxy through `command` (the CLI, or npm), with the harness's output captured. */
  function startThrough(
    command: string,
    args: string[],
  ): Promise<{ child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }> {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: childEnv({ MPSD_RECORDINGS_DIR: join(dir, 'recordings'), MPSD_REPORTS_DIR: join(dir, 'reports') }),
    });
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        out += chunk;
        const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
        if (url) resolve({ child, url, output: () => out, exited });
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      setTimeout(() => reject(new Error(`the proxy did not listen:\n${out}`)), 20_000).unref();
    });
  }
  const put = (url: string) =>
    fetch(`${url}/serviceconfigs/d1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107/sessiontemplates/standard-lobby/sessions/signals`, {
      method: 'PUT',
      headers: { 'x-xbl-contract-version': '107', authorization: 'XBL3.0 x=1;xuid=2533274800000001', 'content-type': 'application/json' },
      body: JSON.stringify({ members: { me: { properties: { system: { active: true } } } } }),
    });
  const refused = (url: string) =>
    new Promise<boolean>((resolve) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      socket.on('connect', () => resolve(!socket.destroy()));
      socket.on('error', () => resolve(true));
    });
  async function until(condition: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
    const end = Date.now() + ms;
    while (!(await condition())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The command line's proxy, on a free port, recording into the named recording. */
  const recordingProxy = (recording: string) =>
    startThrough(process.execPath, [
      join(ROOT, 'bin', 'mpsd-harness.js'),
      'proxy',
      '--port',
      '0',
      '--mode',
      'record',
      '--recording',
      recording,
    ]);

  it('[19.6] SIGTERM to the CLI reaches the proxy, which writes its recording and report, and the CLI exits with its code', async () => {
    const proxy = await recordingProxy('signals');
    expect((await put(proxy.url)).status).to.equal(201);
    proxy.child.kill('SIGTERM');
    expect(await proxy.exited, proxy.output()).to.equal(0);
    expect(existsSync(join(dir, 'reports', 'junit.xml'))).to.equal(true);
    expect(proxy.output()).to.match(/\[record\] created \S*proxy_\d+\/signals_\d+\/recording\.har/);
  });

  it('[19.6] a backgrounded npm run proxy stopped with kill still saves, and leaves nothing listening', async () => {
    const proxy = await startThrough('npm', ['run', '--silent', 'proxy', '--', '--port', '0', '--mode', 'record', '--recording', 'orphan']);
    expect((await put(proxy.url)).status).to.equal(201);
    proxy.child.kill('SIGTERM'); // npm: what `kill $!` reaches after `npm run proxy &`
    await until(() => existsSync(join(dir, 'reports', 'junit.xml')));
    await until(() => refused(proxy.url));
    expect(readFileSync(join(dir, 'reports', 'junit.xml'), 'utf8')).to.include('testsuite');
  });

  it('[19.10] a five-segment JWE is redacted whole, and a token seen once in Authorization is scrubbed anywhere after', () => {
    const jwe =
      'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6ji.XFBoMYUZodetZdvTiFvSkQ';
    expect(scrubText(`token ${jwe} end`)).to.equal('token <redacted> end');
    const plain = 'XBL3.0 x=77;plainlookingsecretvalue';
    expect(scrubText('?t=plainlookingsecretvalue')).to.include('plainlookingsecretvalue'); // not token-shaped: unknown yet
    rememberSecret(plain);
    expect(scrubText('?t=plainlookingsecretvalue&x-custom: plainlookingsecretvalue')).to.not.include('plainlookingsecretvalue');
  });

  it('[19.15] the proxy names the recording file it wrote as it is on disk, never the raw --recording text', async () => {
    const proxy = await recordingProxy('../../etc/my sdk');
    expect((await put(proxy.url)).status).to.equal(201);
    proxy.child.kill('SIGINT');
    expect(await proxy.exited).to.equal(0);
    const line = /\[record\] created (\S+)/.exec(proxy.output())?.[1] as string;
    expect(line).to.not.include('../../etc');
    expect(existsSync(join(ROOT, line)), line).to.equal(true);
  });

  it('[19.15] a recordings folder that does not exist is one error before any test, not a replay miss per test', async () => {
    const { code, out } = await cli(['conformance'], { MPSD_RECORDINGS_DIR: join(dir, 'nowhere'), MPSD_REPORTS_DIR: dir });
    expect(code).to.equal(2);
    expect(out).to.include('MPSD_RECORDINGS_DIR').and.include('an existing folder of recordings');
    expect(out).to.not.include('REPLAY_MISS');
  });

  it('[19.11] bad proxy flags print one message and exit 2, never a stack', async () => {
    for (const args of [['--port', 'abc'], ['--port', '99999'], ['--target'], ['--no-such-flag']]) {
      const { code, out } = await cli(['proxy', ...args]);
      expect(code, args.join(' ')).to.equal(2);
      expect(out).to.include('[harness:CONFIG_INVALID]');
      expect(out).to.not.match(/\n\s+at .+:\d+:\d+/);
    }
  });
});
