import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect } from 'chai';
import { replaySeal } from '../harness/cli/seal';
import { cli } from './support/cli';

const ROOT = join(__dirname, '..');

/** This process's environment without the tripwire it hands its children: the seal alone is under test. */
const { NODE_OPTIONS: _tripwire, ...WITHOUT_TRIPWIRE } = process.env;

/** Run `command` behind the replay seal, as the command line runs a replayed mocha. */
function sealed(command: string, args: string[], env: NodeJS.ProcessEnv = WITHOUT_TRIPWIRE): Promise<{ code: number; out: string }> {
  const [first, ...rest] = [...replaySeal().prefix, command, ...args];
  return new Promise((resolve) =>
    execFile(first, rest, { env, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, out: stdout + stderr }),
    ),
  );
}

/** Issue 19.12: replay reaches nothing, from the process or from any child, on Linux. */
describe('[19.12] replay is sealed at the OS level', function () {
  this.timeout(60_000);
  let server: Server;
  let url: string;
  before(async function () {
    if (!replaySeal().prefix.length) {
      console.log(`      SKIPPED: ${replaySeal().network}`);
      this.skip();
    }
    server = createServer((_req, res) => res.end('reached'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(() => server?.close());

  it('the listener answers outside the seal (the control)', async () => {
    const { out } = await new Promise<{ out: string }>((resolve) =>
      execFile('curl', ['-s', '-m', '5', url], (_e, stdout) => resolve({ out: stdout })),
    );
    expect(out).to.equal('reached');
  });

  it('a child curl to a loopback listener reaches nothing', async () => {
    const { code, out } = await sealed('curl', ['-s', '-m', '5', url]);
    expect(out).to.not.include('reached');
    expect(code).to.not.equal(0);
  });

  it('a child node started with a clean environment reaches nothing', async () => {
    const script = `require('http').get(${JSON.stringify(url)}, (r) => r.on('data', (d) => process.stdout.write(d))).on('error', (e) => { console.log('refused ' + e.code); })`;
    const { out } = await sealed('env', ['-i', process.execPath, '-e', script], {});
    expect(out).to.match(/^refused E/);
  });

  it('DNS after dns.setServers, and a Resolver of its own, reach nothing', async () => {
    const script = `const dns = require('dns'); dns.setServers(['1.1.1.1']); const r = new dns.Resolver(); r.setServers(['8.8.8.8']);
      Promise.allSettled([dns.promises.resolve4('example.com'), new Promise((ok, ko) => r.resolveMx('example.com', (e, a) => (e ? ko(e) : ok(a))))])
        .then((all) => console.log(all.map((s) => s.status).join(',')))`;
    const { out } = await sealed(process.execPath, ['-e', script]);
    expect(out.trim()).to.equal('rejected,rejected');
  });

  it('the command line seals a replay and says so in the run header; the catalogue still passes there', async () => {
    const { code, out } = await cli([
      'conformance',
      '--spec',
      join(ROOT, 'specs', 'handle-read.spec.ts'),
      '--reports',
      join(ROOT, 'reports', 'sealed'),
    ]);
    expect(code, out).to.equal(0);
    const header = JSON.parse(require('node:fs').readFileSync(join(ROOT, 'reports', 'sealed', 'results.json'), 'utf8')).header;
    expect(header.network).to.match(/^sealed: a network namespace of its own/);
  });
});
