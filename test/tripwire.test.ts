import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { childEnv, mochaArgs } from './support/run-specs';

const ROOT = join(__dirname, '..');
const TRIPWIRE = join(ROOT, 'harness', 'tripwire.cjs');
/** TEST-NET-1 (RFC 5737): never routed, so even an escape would reach nobody. */
const NOWHERE = '192.0.2.1';

/** Each way a process can reach the network, as a script that tries it at module load. */
const PATHS: Record<string, string> = {
  'node:http at module load': `require('node:http').get('http://${NOWHERE}/');`,
  'node:https': `require('node:https').get('https://${NOWHERE}/');`,
  'a fetch reference saved at import': `const saved = fetch; saved('http://${NOWHERE}/').catch((e) => { console.error(e.cause.message); process.exitCode = 1; });`,
  'net.connect': `require('node:net').connect(80, '${NOWHERE}');`,
  'tls.connect': `require('node:tls').connect(443, '${NOWHERE}');`,
  'http2.connect': `require('node:http2').connect('https://${NOWHERE}').on('error', () => {});`,
  'a UDP datagram (dgram)': `require('node:dgram').createSocket('udp4').send(Buffer.from('x'), 53, '${NOWHERE}');`,
  'a DNS lookup': `require('node:dns').lookup('sessiondirectory.xboxlive.com', () => {});`,
  // 19.12: the paths that passed unnoticed before
  'DNS after dns.setServers (19.12)': `const dns = require('node:dns'); dns.setServers(['${NOWHERE}']); dns.resolve4('sessiondirectory.xboxlive.com', () => {});`,
  'resolveMx, resolveNs, resolveSoa, resolvePtr, resolveNaptr, resolveCaa and lookupService (19.12)': `const dns = require('node:dns'); let refused = 0;
    for (const call of [() => dns.resolveMx('x.example', () => {}), () => dns.resolveNs('x.example', () => {}), () => dns.resolveSoa('x.example', () => {}), () => dns.resolvePtr('x.example', () => {}), () => dns.resolveNaptr('x.example', () => {}), () => dns.resolveCaa('x.example', () => {}), () => dns.lookupService('${NOWHERE}', 80, () => {})])
      try { call(); } catch (e) { refused += 1; console.error(e.message); }
    if (refused !== 7) { console.error('only ' + refused + ' of 7 refused'); process.exit(0); }`,
  'a dns.Resolver instance (19.12)': `const { Resolver } = require('node:dns'); const r = new Resolver(); r.setServers(['${NOWHERE}']); r.resolve4('sessiondirectory.xboxlive.com', () => {});`,
  'a custom lookup that answers an outside address (19.12)': `require('node:net').connect({ host: 'localhost', port: 80, lookup: (h, o, cb) => cb(null, '${NOWHERE}', 4) }).on('error', (e) => { console.error(e.message); process.exitCode = 1; });`,
  "process.binding('tcp_wrap') (19.12)": `process.binding('tcp_wrap');`,
  'a child process': `require('node:child_process').execFileSync(process.execPath, ['-e', "require('node:net').connect(80, '${NOWHERE}')"], { stdio: 'inherit' });`,
  'a worker thread': `const { Worker } = require('node:worker_threads'); new Worker("require('node:net').connect(80, '${NOWHERE}')", { eval: true }).on('error', (e) => { console.error(e.message); process.exitCode = 1; });`,
};

function runNode(script: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', TRIPWIRE, script],
      { cwd: ROOT, env: childEnv(env), timeout: 20000 },
      (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, out: stdout + stderr }),
    );
  });
}

/** Issue 10.7: in replay nothing reaches the network, from anywhere in the process. */
describe('the network tripwire', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-tripwire-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [path, code] of Object.entries(PATHS)) {
    it(`refuses ${path} in replay, naming the call site, and fails the process`, async () => {
      const script = join(dir, `${path.replace(/\W+/g, '-')}.js`);
      writeFileSync(script, `${code}\n`);
      const { code: exit, out } = await runNode(script, { MPSD_MODE: 'replay' });
      expect(exit, out).to.not.equal(0);
      expect(out).to.include('[harness:NETWORK_ESCAPE]');
      expect(out).to.include('must not reach the network');
      if (!/fetch|worker|child/.test(path)) expect(out).to.include(script); // the call site, in the script that made the call
    });
  }

  it('throws a NetworkEscapeError that carries its code, the refused host and the call site as fields', async () => {
    const script = join(dir, 'fields.js');
    writeFileSync(
      script,
      `try { require('node:net').connect(443, 'example.com'); } catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, host: e.host, site: typeof e.site })); process.exitCode = 0; }\n`,
    );
    const { out } = await runNode(script, { MPSD_MODE: 'replay' });
    expect(out).to.include(JSON.stringify({ name: 'NetworkEscapeError', code: 'NETWORK_ESCAPE', host: 'example.com:443', site: 'string' }));
  });

  it('leaves loopback open (the embedded emulator) and the target host in modes that use one', async () => {
    const script = join(dir, 'allowed.js');
    writeFileSync(
      script,
      `const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { require('node:net').connect(s.address().port, '127.0.0.1', function () { this.end(); s.close(); }); });\nrequire('node:dns').lookup('target.example.test', () => {});\n`,
    );
    const { code, out } = await runNode(script, { MPSD_MODE: 'live', MPSD_TARGET: 'https://target.example.test' });
    expect(out).to.not.include('NETWORK_ESCAPE');
    expect(code, out).to.equal(0);
  });

  it("a request made in a mocha before() hook of a spec is answered by the hook's recording, never the network (19.13)", async () => {
    const spec = join(dir, 'hook.spec.js');
    writeFileSync(
      spec,
      `before(() => new Promise((resolve) => require('node:http').get('http://${NOWHERE}/').on('error', () => resolve())));\nit('runs', () => {});\n`,
    );
    const out = await new Promise<string>((resolve) => {
      execFile(
        process.execPath,
        mochaArgs(['--require', TRIPWIRE, spec]),
        { cwd: ROOT, env: childEnv({ MPSD_MODE: 'replay' }) },
        (_e, stdout, stderr) => resolve(stdout + stderr),
      );
    });
    expect(out).to.not.include('outbound connection(s) refused'); // Polly answered it: nothing reached a socket
    expect(out).to.include('REPLAY_MISS').and.include('"before all" hook');
  });
});
