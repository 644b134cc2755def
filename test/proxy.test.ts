import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { harFiles, lintRecordings } from '../harness/lint/lint-recordings';
import { startProxy } from './support/proxy-process';
import { childEnv } from './support/run-specs';

const ROOT = join(__dirname, '..');
const SCID = 'd1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107';
const TOKEN = 'XBL3.0 x=9876;xuid=2533274800000001,gamertag=Alice';

/** The addresses a process listens on (Linux: its socket inodes looked up in /proc/net/tcp and tcp6). */
function listeningAddresses(pid: number): string[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        return [/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]].filter((i): i is string => !!i);
      } catch {
        return [];
      }
    }),
  );
  const ipv4 = (hex: string) =>
    hex
      .match(/../g)
      ?.reverse()
      .map((b) => Number.parseInt(b, 16))
      .join('.') ?? hex;
  const ipv6 = (hex: string) => (/^0{24}01000000$/i.test(hex) ? '::1' : /^0{32}$/.test(hex) ? '::' : `ipv6:${hex}`);
  return ['tcp', 'tcp6'].flatMap((table) =>
    readFileSync(`/proc/net/${table}`, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[3] === '0A' && inodes.has(f[9]))
      .map((f) => (table === 'tcp' ? ipv4(f[1].split(':')[0]) : ipv6(f[1].split(':')[0]))),
  );
}

/** curl, the non-Node client: returns the status and the body. */
function curl(url: string, method: string, body?: unknown, extra: string[] = []): Promise<{ status: number; body: string }> {
  const args = [
    ...extra,
    '-s',
    '-w',
    '\n%{http_code}',
    '-X',
    method,
    '-H',
    'x-xbl-contract-version: 107',
    '-H',
    `Authorization: ${TOKEN}`,
    '-H',
    'Content-Type: application/json',
    ...(body ? ['--data', JSON.stringify(body)] : []),
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile('curl', args, (error, stdout) => {
      if (error) return reject(error);
      const at = stdout.lastIndexOf('\n');
      resolve({ body: stdout.slice(0, at), status: Number(stdout.slice(at + 1)) });
    });
  });
}

/** A lobby created, an activity handle posted, and the session read through it. */
async function session(url: string) {
  const path = `/serviceconfigs/${SCID}/sessiontemplates/standard-lobby/sessions/curl-lobby`;
  const created = await curl(`${url}${path}`, 'PUT', { members: { me: { properties: { system: { active: true } } } } });
  const handle = await curl(`${url}/handles`, 'POST', {
    version: 1,
    type: 'activity',
    sessionRef: { scid: SCID, templateName: 'standard-lobby', name: 'curl-lobby' },
  });
  const read = await curl(`${url}/handles/${JSON.parse(handle.body).id}/session`, 'GET');
  return [created, handle, read];
}

describe('the recording proxy, driven by curl', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-proxy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const env = () => ({ MPSD_RECORDINGS_DIR: join(dir, 'recordings'), MPSD_REPORTS_DIR: join(dir, 'reports') });

  it('records a session from curl, then replays it offline byte for byte', async () => {
    const recorder = await startProxy(['--mode', 'record', '--recording', 'curl'], env());
    const recorded = await session(recorder.url);
    const stopped = await recorder.stop();
    expect(recorded.map((r) => r.status)).to.deep.equal([201, 201, 200]);
    expect(stopped.code, stopped.out).to.equal(0);
    expect(stopped.out).to.include('3 passed, 0 failed');
    const [file] = harFiles(join(dir, 'recordings'));
    const text = readFileSync(file, 'utf8');
    expect(text).to.not.include(TOKEN);
    expect(text).to.match(/<redacted principal=user-[0-9a-f]{8}>/);
    expect(
      lintRecordings({ recordingsDir: join(dir, 'recordings'), expectedFiles: new Set(), knownSecrets: [TOKEN], allowList: [], root: dir }),
    ).to.deep.equal([]);

    const replayer = await startProxy(['--mode', 'replay', '--recording', 'curl'], env());
    const replayed = await session(replayer.url);
    const miss = await curl(`${replayer.url}/handles/8d050174-412b-4d51-a29b-d55a34edfdb7/session`, 'GET');
    const ended = await replayer.stop();
    expect(replayed).to.deep.equal(recorded);
    expect(miss.status).to.equal(424);
    expect(miss.body).to.include('[harness:REPLAY_MISS]');
    expect(ended.code).to.equal(1);
    expect(ended.out).to.include('1 replay miss(es)');
    expect(ended.out).to.include('3 passed, 1 failed');
  });

  it('intercepts HTTPS to the hard-coded MPSD host through mockttp, with a CA the user generated', async () => {
    const ca = join(dir, 'ca');
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['--require', 'tsx/cjs', 'harness/proxy/cli.ts', '--generate-ca', ca], { cwd: ROOT }, (e) =>
        e ? reject(e) : resolve(),
      ),
    );
    const proxy = await startProxy(['--https', '--ca', ca, '--mode', 'record', '--recording', 'https'], env());
    const via = ['--proxy', proxy.url, '--cacert', join(ca, 'ca.pem')];
    const path = `/serviceconfigs/${SCID}/sessiontemplates/standard-lobby/sessions/tls-lobby`;
    const created = await curl(
      `https://sessiondirectory.xboxlive.com${path}`,
      'PUT',
      { members: { me: { properties: { system: { active: true } } } } },
      via,
    );
    const untrusted = await curl(`https://sessiondirectory.xboxlive.com${path}`, 'GET', undefined, ['--proxy', proxy.url]).catch(
      (error: Error) => error,
    );
    const { code, out } = await proxy.stop();
    expect(created.status, created.body).to.equal(201);
    expect(untrusted, 'curl must refuse the certificate of a CA it was not told to trust').to.be.instanceOf(Error);
    expect(code, out).to.equal(0);
    expect(readFileSync(harFiles(join(dir, 'recordings'))[0], 'utf8')).to.include('"status": 201');
  });

  it('reports a planted fault as it happens, and in the JUnit report', async () => {
    const proxy = await startProxy(['--mode', 'live', '--fault', 'wrong-type'], env());
    await session(proxy.url);
    const { code, out } = await proxy.stop();
    expect(code).to.equal(1);
    expect(out).to.include('VIOLATION response-matches-schema');
    expect(out).to.include('at /changeNumber: found "1" (string), expected type integer');
    expect(readFileSync(join(dir, 'reports', 'junit.xml'), 'utf8')).to.match(/<failure type="failure" message="response-matches-schema/);
  });

  const lobby = (url: string, name: string, extra: Record<string, unknown> = {}) =>
    curl(`${url}/serviceconfigs/${SCID}/sessiontemplates/standard-lobby/sessions/${name}`, 'PUT', {
      members: { me: { properties: { system: { active: true } } } },
      ...extra,
    });
  const entriesOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: unknown[] } }).log.entries.length;

  it('[19.7] a kill -9 of a recording proxy loses at most the exchange in flight: the next session recovers the rest', async () => {
    const first = await startProxy(['--mode', 'record', '--recording', 'killed'], env());
    for (const name of ['a', 'b', 'c']) expect((await lobby(first.url, name)).status).to.equal(201);
    process.kill(first.pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const second = await startProxy(['--mode', 'record-missing', '--recording', 'killed'], env());
    const { code, out } = await second.stop();
    expect(code, out).to.equal(0);
    expect(out).to.match(/\[record\] recovered 3 exchange\(s\) of an interrupted session into \S+recording\.har/);
    const [file] = harFiles(join(dir, 'recordings'));
    expect(entriesOf(file)).to.equal(3);
    expect(readFileSync(file, 'utf8')).to.not.include(TOKEN.split(';')[1]); // the journal held what the recording holds: no token
    const replay = await startProxy(['--recording', 'killed'], env());
    expect((await lobby(replay.url, 'b')).status, 'the recovered recording replays').to.equal(201);
    expect((await replay.stop()).code).to.equal(0);
  });

  it('[19.7] a second signal during the save waits for it: nothing half-written', async () => {
    const proxy = await startProxy(['--mode', 'record', '--recording', 'twice'], env());
    for (const name of ['a', 'b']) await lobby(proxy.url, name);
    process.kill(proxy.pid, 'SIGINT');
    const { code, out } = await proxy.stop(); // the second SIGINT
    expect(code, out).to.equal(0);
    expect(entriesOf(harFiles(join(dir, 'recordings'))[0])).to.equal(2);
  });

  it('[19.7] a request body over --max-body is answered 413 with the reason, neither forwarded nor recorded', async () => {
    const proxy = await startProxy(['--mode', 'record', '--recording', 'big', '--max-body', '200'], env());
    const big = await lobby(proxy.url, 'big', { properties: { custom: { pad: 'x'.repeat(1000) } } });
    const small = await lobby(proxy.url, 'small');
    const { code, out } = await proxy.stop();
    expect(big.status).to.equal(413);
    expect(big.body).to.include("over the proxy's limit of 200 bytes (--max-body)");
    expect(small.status).to.equal(201);
    expect(code, out).to.equal(0);
    const recorded = readFileSync(harFiles(join(dir, 'recordings'))[0], 'utf8');
    expect(recorded).to.include('sessions/small').and.not.include('sessions/big');
  });

  it('[19.8] with --https the proxy listens on loopback only, as the plain listener does', async function () {
    if (process.platform !== 'linux') this.skip();
    const ca = join(dir, 'ca');
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['--require', 'tsx/cjs', 'harness/proxy/cli.ts', '--generate-ca', ca], { cwd: ROOT }, (e) =>
        e ? reject(e) : resolve(),
      ),
    );
    const proxy = await startProxy(['--https', '--ca', ca, '--mode', 'live'], env());
    try {
      const addresses = listeningAddresses(proxy.pid);
      expect(addresses, 'the proxy listens somewhere').to.not.be.empty;
      expect(
        addresses.filter((a) => !a.startsWith('127.') && a !== '::1'),
        `every listening address: ${addresses.join(', ')}`,
      ).to.deep.equal([]);
      expect(proxy.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await proxy.stop();
    }
  });

  it('[19.9] with --https, TLS to any other host is tunnelled untouched: never terminated, never sent to the target, never recorded', async () => {
    const ca = join(dir, 'ca');
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['--require', 'tsx/cjs', 'harness/proxy/cli.ts', '--generate-ca', ca], { cwd: ROOT }, (e) =>
        e ? reject(e) : resolve(),
      ),
    );
    // Another host's own TLS server (a sign-in service, say), with a certificate of its own.
    const { generateCACertificate } = await import('mockttp');
    const own = await generateCACertificate({ commonName: 'elsewhere' });
    const elsewhere = createHttpsServer({ cert: own.cert, key: own.key }, (_req, res) => res.end('answered by the other host itself'));
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const port = (elsewhere.address() as AddressInfo).port;
    const proxy = await startProxy(['--https', '--ca', ca, '--mode', 'record', '--recording', 'tunnel'], env());
    try {
      const other = await curl(`https://127.0.0.1:${port}/user/authenticate`, 'POST', { RpsTicket: 'd=not-token-shaped-but-secret' }, [
        '--proxy',
        proxy.url,
        '-k',
      ]);
      expect(other.status).to.equal(200);
      expect(other.body).to.equal('answered by the other host itself');
    } finally {
      elsewhere.close();
    }
    const { code, out } = await proxy.stop();
    expect(code, out).to.equal(0);
    expect(out).to.not.include('not-token-shaped-but-secret');
    const recorded = harFiles(join(dir, 'recordings'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('');
    expect(recorded).to.not.include('user/authenticate').and.not.include('not-token-shaped');
  });

  /** `proxy ... -- sh script`: the script's curl reads the proxy's URL from MPSD_PROXY_URL. */
  function proxyAround(args: string[], scriptBody: string): Promise<{ code: number; out: string }> {
    const script = join(dir, 'sdk-tests.sh');
    writeFileSync(script, scriptBody);
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(ROOT, 'bin', 'mpsd-harness.js'), 'proxy', '--port', '0', ...args, '--', 'sh', script],
        { cwd: dir, env: childEnv(env()) },
        (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, out: stdout + stderr }),
      );
    });
  }
  const CURL_SCRIPT = `set -e
h='-H x-xbl-contract-version:107 -H Content-Type:application/json'
curl -sf $h -H 'Authorization: ${TOKEN}' -X PUT --data '{"members":{"me":{"properties":{"system":{"active":true}}}}}' "$MPSD_PROXY_URL/serviceconfigs/${SCID}/sessiontemplates/standard-lobby/sessions/script-lobby" > /dev/null
`;

  it('proxy -- <command> runs the command against the proxy, then writes the recording and exits 0', async () => {
    const { code, out } = await proxyAround(['--mode', 'record', '--recording', 'sdk'], CURL_SCRIPT);
    expect(code, out).to.equal(0);
    expect(out).to.match(/1 passed, 0 failed/);
    expect(harFiles(join(dir, 'recordings'))).to.have.length(1);
  });

  it("proxy -- <command> exits 1 when the contract broke, and with the command's own code when it failed", async () => {
    const broke = await proxyAround(['--mode', 'record', '--recording', 'sdk', '--fault', 'wrong-type'], CURL_SCRIPT);
    expect(broke.code, broke.out).to.equal(1);
    expect(broke.out).to.include('VIOLATION response-matches-schema');
    const failed = await proxyAround(['--mode', 'live'], `${CURL_SCRIPT}exit 7\n`);
    expect(failed.code, failed.out).to.equal(7);
  });
});
