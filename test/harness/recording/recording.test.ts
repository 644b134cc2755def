import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createEmulator, type Emulator } from '../../../emulator';
import { HttpMpsdClient } from '../../../harness/client/mpsd-client';
import { MODES, type Mode } from '../../../harness/config';
import { isHarnessError } from '../../../harness/errors';
import { principalResolver } from '../../../harness/recording/matching';
import { startRecording } from '../../../harness/recording/recording-session';

const ALICE = 'XBL3.0 x=alice;xuid=2533274800000001,gamertag=Alice';
const SCID = 'd1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107';
const ref = { scid: SCID, templateName: 'standard-lobby', name: 'rec-test' };
const join_ = { members: { me: { properties: { system: { active: true } } } } };

describe('recording layer', () => {
  let emulator: Emulator;
  let dir: string;
  const principalOf = principalResolver([{ name: 'alice', authorization: ALICE }]);

  before(async () => {
    emulator = createEmulator();
    await emulator.start();
  });
  after(() => emulator.stop());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-recordings-'));
    emulator.reset();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const session = (mode: Mode) =>
    startRecording({
      name: 'recording layer/a test',
      mode: MODES[mode],
      recordingsDir: dir,
      target: 'emulator',
      principalOf,
      origin: { from: emulator.url, to: 'http://mpsd-emulator.invalid' },
      rerecordCommand: 'npm run record -- --grep "^recording layer a test$"',
    });
  const client = (baseUrl = emulator.url) =>
    new HttpMpsdClient({ baseUrl, contractVersion: 107, authorizations: { alice: ALICE }, defaultPrincipal: 'alice' });

  async function recordOnce() {
    const recording = session('record');
    const created = await client().putSession(ref, join_);
    await recording.stop({ failed: false });
    return { file: join(process.cwd(), recording.file), created };
  }

  it('records without the token and replays the same answer with no server', async () => {
    const { file, created } = await recordOnce();
    const text = readFileSync(file, 'utf8');
    expect(text).to.not.include('xuid=2533274800000001,gamertag');
    expect(text).to.include('<redacted principal=alice>');

    const replay = session('replay');
    const replayed = await client('http://mpsd-emulator.invalid').putSession(ref, join_);
    await replay.stop({ failed: false });
    expect(replayed.response.status).to.equal(201);
    expect(replayed.response.text).to.equal(created.response.text);
  });

  it('fails a request with no recording, naming the file, the difference and the fix', async () => {
    await recordOnce();
    const replay = session('replay');
    let error: unknown;
    try {
      await client('http://mpsd-emulator.invalid').putSession(ref, { members: { me: null } });
    } catch (e) {
      error = e;
    }
    await replay.stop({ failed: true });
    expect(isHarnessError(error, 'REPLAY_MISS'), String(error)).to.equal(true);
    const message = (error as Error).message;
    expect(message).to.include('recording.har (1 entries)');
    expect(message).to.include('body/members/me: null here');
    expect(message).to.include('npm run record -- --grep');
    expect(message).to.not.include(ALICE);
  });

  it('fails a global fetch during replay instead of reaching the network', async () => {
    let hits = 0;
    const server: Server = createServer((_req, res) => {
      hits += 1;
      res.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/escape`;
    const replay = session('replay');
    let error: unknown;
    try {
      await fetch(url);
    } catch (e) {
      error = e;
    }
    await replay.stop({ failed: true });
    server.close();
    expect(hits, 'the request reached the server').to.equal(0);
    expect(String((error as Error)?.message ?? error)).to.include('REPLAY_MISS');
  });

  it('never writes a recording for a test that failed while recording', async () => {
    const { file } = await recordOnce();
    const before = readFileSync(file, 'utf8');
    emulator.reset();
    const again = session('record');
    await client().putSession(ref, join_);
    await client().getSession(ref);
    await again.stop({ failed: true });
    expect(readFileSync(file, 'utf8')).to.equal(before);
  });

  it('stores fresh inputs with the recording and reads them back on replay', async () => {
    const recording = session('record');
    const name = recording.inputs.value('session:lobby', 'session');
    await client().putSession({ ...ref, name }, join_);
    await recording.stop({ failed: false });
    const replay = session('replay');
    expect(replay.inputs.value('session:lobby', 'session')).to.equal(name);
    await replay.stop({ failed: false });
  });

  it('writes nothing in replay mode', async () => {
    const replay = session('replay');
    await client('http://mpsd-emulator.invalid')
      .getSession(ref)
      .catch(() => undefined);
    await replay.stop({ failed: false });
    expect(existsSync(join(process.cwd(), replay.file))).to.equal(false);
  });
});
