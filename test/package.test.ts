import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';

const ROOT = join(__dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Ran {
  code: number;
  out: string;
}
function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  // No MPSD_* setting of the caller's shell leaks into the user's project.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MPSD_') && !k.startsWith('npm_')));
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...clean, ...env }, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, out: stdout + stderr }),
    );
  });
}

/**
 * The path a user takes: `npm pack`, then in an empty project `npm install <tarball>`, `npx mpsd-harness
 * init` and `npx mpsd-harness conformance`. Everything runs from the packed files, compiled, with the
 * user's project as the current directory.
 */
describe('the packed package, installed in an empty project', function () {
  this.timeout(300_000);
  let work: string;
  let project: string;
  let tarball: string;
  const harness = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    sh(join(project, 'node_modules', '.bin', 'mpsd-harness'), args, project, env);

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'mpsd-pack-'));
    const packed = await sh(NPM, ['pack', '--silent', '--pack-destination', work], ROOT);
    expect(packed.code, packed.out).to.equal(0);
    tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) as string);
    project = join(work, 'sdk');
    require('node:fs').mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'an-sdk', version: '1.0.0', private: true }));
    const installed = await sh(NPM, ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
    expect(installed.code, installed.out).to.equal(0);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('has no install script, ships compiled code with types and no TypeScript source, and declares its runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules', 'mpsd-harness', 'package.json'), 'utf8'));
    expect(pkg.private).to.not.equal(true);
    for (const script of ['preinstall', 'install', 'postinstall']) expect(pkg.scripts?.[script], script).to.equal(undefined);
    for (const dependency of ['@pollyjs/core', 'mocha', 'chai', 'ajv']) expect(pkg.dependencies, dependency).to.have.property(dependency);
    const installed = join(project, 'node_modules', 'mpsd-harness');
    expect(existsSync(join(installed, 'dist', 'harness', 'index.js'))).to.equal(true);
    expect(existsSync(join(installed, 'dist', 'harness', 'index.d.ts'))).to.equal(true);
    expect(existsSync(join(installed, 'harness', 'cli', 'main.ts')), 'TypeScript source shipped').to.equal(false);
    expect(existsSync(join(installed, 'patches')), 'dependency patches shipped').to.equal(false);
    expect(existsSync(join(installed, 'test')), 'tests shipped').to.equal(false);
  });

  it('answers --help and --version through npx, and suggests the command a typo meant', async () => {
    expect((await harness(['--help'])).out).to.include('conformance');
    expect((await harness(['--version'])).out.trim()).to.equal(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const typo = await harness(['conformnce']);
    expect(typo.code).to.equal(2);
    expect(typo.out).to.include("Did you mean 'conformance'?");
  });

  it('init writes a config, an example spec with its recording and a CI workflow; conformance then replays all of it with 0 failed, reports in the project', async () => {
    const init = await harness(['init']);
    expect(init.code, init.out).to.equal(0);
    for (const file of ['mpsd-harness.config.json', 'mpsd/example.spec.ts', '.github/workflows/mpsd-harness.yml'])
      expect(existsSync(join(project, file)), file).to.equal(true);
    expect(readdirSync(join(project, 'mpsd', 'recordings'))).to.have.length(1);

    const run = await harness(['conformance']);
    expect(run.code, run.out).to.equal(0);
    const summary = /(\d+) passed, (\d+) failed/.exec(run.out);
    expect(Number(summary?.[1])).to.be.greaterThan(60); // the shipped catalogue and the example
    expect(summary?.[2]).to.equal('0');
    expect(run.out).to.include('My MPSD client (example)');
    expect(existsSync(join(project, 'reports', 'junit.xml'))).to.equal(true);
    expect(existsSync(join(project, 'node_modules', 'mpsd-harness', 'reports')), 'reports written inside node_modules').to.equal(false);
  });

  it("conformance --client ./test/mpsd-adapter.ts replays the shipped catalogue through the user's own TypeScript client", async () => {
    require('node:fs').mkdirSync(join(project, 'test'), { recursive: true });
    writeFileSync(
      join(project, 'test', 'mpsd-adapter.ts'),
      `import { type ClientSettings, HttpMpsdClient, type HttpRequest, type HttpResponse, type MpsdClient } from 'mpsd-harness';
export let calls = 0;
async function viaFetch(baseUrl: string, request: HttpRequest): Promise<HttpResponse> {
  calls += 1;
  const { 'content-length': _length, ...headers } = request.headers;
  const response = await globalThis.fetch(new URL(request.path, baseUrl), { method: request.method, headers, body: request.body });
  return { status: response.status, headers: Object.fromEntries(response.headers), text: await response.text() };
}
export function createClient(settings: ClientSettings): MpsdClient {
  return new HttpMpsdClient(settings, viaFetch);
}
`,
    );
    const run = await harness(['conformance', '--client', './test/mpsd-adapter.ts', '--reports', 'reports-adapter']);
    expect(run.code, run.out).to.equal(0);
    expect(run.out).to.match(/\d+ passed, 0 failed/);
    const header = JSON.parse(readFileSync(join(project, 'reports-adapter', 'results.json'), 'utf8')).header;
    expect(JSON.stringify(header)).to.include('mpsd-adapter');
  });

  it('init never overwrites a file', async () => {
    const workflow = join(project, '.github', 'workflows', 'mpsd-harness.yml');
    writeFileSync(workflow, '# mine\n');
    const again = await harness(['init']);
    expect(again.code, again.out).to.equal(0);
    expect(again.out).to.include('kept .github/workflows/mpsd-harness.yml').and.include('kept mpsd/example.spec.ts');
    expect(readFileSync(workflow, 'utf8')).to.equal('# mine\n');
  });

  it('refuses to re-record the shipped catalogue into the package: exit 2, before any test, saying what to do', async () => {
    const refused = await harness(['record']);
    expect(refused.code, refused.out).to.equal(2);
    expect(refused.out).to.include("built-in catalogue's recordings");
    expect(refused.out).to.not.match(/passing|failing/);
  });

  it('run() from code resolves to the results; startEmulator() serves the emulator in-process', async () => {
    const script = `
      const { run, startEmulator } = require('mpsd-harness');
      (async () => {
        const outcome = await run({ specs: ['mpsd/example.spec.ts'], reports: 'reports-api' });
        const emulator = await startEmulator();
        const answer = await fetch(emulator.url + '/handles/00000000-0000-0000-0000-000000000000/session', { headers: { 'x-xbl-contract-version': '107', authorization: 'XBL3.0 x=1;xuid=2533274800000001' } });
        await emulator.stop();
        console.log(JSON.stringify({ exitCode: outcome.exitCode, passed: outcome.passed, failed: outcome.failed, status: answer.status }));
      })();`;
    const ran = await sh(process.execPath, ['-e', script], project);
    expect(ran.code, ran.out).to.equal(0);
    expect(JSON.parse(ran.out.trim().split('\n').pop() as string)).to.deep.equal({ exitCode: 0, passed: 1, failed: 0, status: 404 });
  });
});
