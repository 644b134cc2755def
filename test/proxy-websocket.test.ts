import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { WebSocket } from 'undici';
import { harFiles } from '../harness/lint/lint-recordings';
import { startProxy } from './support/proxy-process';

const SCID = 'd1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107';
const ALICE = 'XBL3.0 x=9876;xuid=2533274800000001,gamertag=Alice';
const BOB = 'XBL3.0 x=5432;xuid=2533274800000002,gamertag=Bob';

/** A client of the proxy as an SDK is one: its RTA websocket and its session writes both go through it. */
async function lobbyWithTaps(proxyUrl: string): Promise<string[]> {
  const ws = new WebSocket(`${proxyUrl.replace(/^http/, 'ws')}/connect`, { headers: { authorization: ALICE } } as unknown as string[]);
  const frames: string[] = [];
  ws.addEventListener('message', (event) => frames.push(String(event.data)));
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve);
    ws.addEventListener('error', reject);
  });
  const answered = (count: number) =>
    new Promise<void>((resolve) => {
      const poll = () => (frames.length >= count ? resolve() : setTimeout(poll, 10));
      poll();
    });
  ws.send(JSON.stringify([1, 1, 'https://sessiondirectory.xboxlive.com/connections/']));
  await answered(1);
  const connection = (JSON.parse(frames[0]) as [number, number, number, number, { ConnectionId: string }])[4].ConnectionId;
  const put = (authorization: string, system: object) =>
    fetch(`${proxyUrl}/serviceconfigs/${SCID}/sessiontemplates/standard-lobby/sessions/proxied`, {
      method: 'PUT',
      headers: { authorization, 'x-xbl-contract-version': '107', 'content-type': 'application/json' },
      body: JSON.stringify({ members: { me: { properties: { system } } } }),
    });
  await put(ALICE, {
    active: true,
    connection,
    subscription: { id: '5a1ce000-0000-4000-8000-00000000a11c', changeTypes: ['membersList'] },
  });
  await put(BOB, { active: true });
  ws.send(JSON.stringify([2, 2, 0])); // its answer comes after the taps of both writes
  await answered(4);
  ws.close();
  await new Promise((resolve) => ws.addEventListener('close', resolve));
  return frames;
}

describe('the recording proxy and RTA websockets', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-proxy-ws-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const env = () => ({ MPSD_RECORDINGS_DIR: join(dir, 'recordings'), MPSD_REPORTS_DIR: join(dir, 'reports') });

  it('passes a websocket through, records its frames in the HAR, and replays them offline', async () => {
    const recorder = await startProxy(['--mode', 'record', '--recording', 'rta'], env());
    const recorded = await lobbyWithTaps(recorder.url);
    const stopped = await recorder.stop();
    expect(stopped.code, stopped.out).to.equal(0);
    expect(recorded.filter((f) => f.startsWith('[3,')).map((f) => JSON.parse(f)[2].shoulderTaps[0].changeNumber)).to.deep.equal([1, 2]);
    const [file] = harFiles(join(dir, 'recordings'));
    const har = JSON.parse(readFileSync(file, 'utf8')) as {
      log: { entries: { _resourceType?: string; _webSocketMessages?: { type: string; data: string }[] }[] };
    };
    const socket = har.log.entries.find((e) => e._resourceType === 'websocket');
    expect(socket?._webSocketMessages?.filter((m) => m.type === 'receive').map((m) => m.data)).to.deep.equal(recorded);
    expect(readFileSync(file, 'utf8')).to.not.include('x=9876');

    const replayer = await startProxy(['--mode', 'replay', '--recording', 'rta'], env());
    const replayed = await lobbyWithTaps(replayer.url);
    const ended = await replayer.stop();
    expect(replayed).to.deep.equal(recorded);
    expect(ended.code, ended.out).to.equal(0);
  });

  it('checks every frame the target sends: a planted tap without changeNumber fails the session', async () => {
    const proxy = await startProxy(['--mode', 'live', '--fault', 'tap-without-change-number'], env());
    await lobbyWithTaps(proxy.url);
    const { code, out } = await proxy.stop();
    expect(out).to.include('[rta] VIOLATION rta-frame-is-documented');
    expect(out).to.include("expected required property 'changeNumber'");
    expect(out, 'two exchanges pass, the two taps fail').to.include('2 passed, 2 failed');
    expect(code).to.equal(1);
  });
});
