import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';

const ROOT = join(__dirname, '..', '..');
const CLI = ['--require', 'tsx/cjs', join(ROOT, 'emulator', 'cli.ts')];

describe('emulator: standalone command', () => {
  it('--help explains the test-token format', (done) => {
    execFile(process.execPath, [...CLI, '--help'], { cwd: ROOT }, (error, stdout) => {
      expect(error).to.equal(null);
      expect(stdout).to.include('XBL3.0 x=<userhash>;xuid=<decimal xuid>');
      expect(stdout).to.include('--fault');
      done();
    });
  });

  it('refuses an unknown fault with the list of known ones', (done) => {
    execFile(process.execPath, [...CLI, '--fault', 'nope'], { cwd: ROOT }, (error, _stdout, stderr) => {
      expect(error?.code).to.equal(2);
      expect(stderr).to.include("unknown planted fault 'nope'; known: missing-required-field");
      done();
    });
  });

  it('listens on the given port and logs one line per request', async () => {
    const child = spawn(process.execPath, [...CLI, '--port', '0'], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const answer = await fetch(`${url}/handles/nope`, {
        headers: { 'x-xbl-contract-version': '107', authorization: 'XBL3.0 x=1;xuid=1' },
      });
      expect(answer.status).to.equal(404);
      await new Promise((r) => setTimeout(r, 50));
      // timestamp, request, caller by name (never the token), status, latency, and the reason of a 4xx
      expect(out).to.match(/\d{4}-\d\d-\d\dT\S+Z GET \/handles\/nope as xuid 1 -> 404 in \d+\.\d ms \(The handle id 'nope' is not a GUID/);
      expect(out).to.not.include('XBL3.0');
    } finally {
      child.kill('SIGTERM');
    }
  });

  /** Start the standalone emulator with `args`; resolves with its URL and a stop function. */
  async function standalone(args: string[]): Promise<{ url: string; stop: () => void }> {
    const child = spawn(process.execPath, [...CLI, '--port', '0', ...args], { cwd: ROOT });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    return { url, stop: () => child.kill('SIGTERM') };
  }

  it('--social-graph replaces who follows whom: a followed lobby then refuses bob, whom nobody follows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpsd-graph-'));
    writeFileSync(join(dir, 'graph.json'), JSON.stringify({ follows: {} }));
    const session = '/serviceconfigs/d1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107/sessiontemplates/standard-lobby/sessions/followed';
    const as = (who: string, xuid: string) => ({
      'x-xbl-contract-version': '107',
      authorization: `XBL3.0 x=${who};xuid=${xuid}`,
      'content-type': 'application/json',
    });
    const me = JSON.stringify({ members: { me: { properties: { system: { active: true } } } } });
    const tryBob = async (args: string[]) => {
      const emulator = await standalone(args);
      try {
        const created = await fetch(`${emulator.url}${session}`, {
          method: 'PUT',
          headers: as('alice', '2533274800000001'),
          body: JSON.stringify({ ...JSON.parse(me), properties: { system: { joinRestriction: 'followed' } } }),
        });
        expect(created.status).to.equal(201);
        return (await fetch(`${emulator.url}${session}`, { method: 'PUT', headers: as('bob', '2533274800000002'), body: me })).status;
      } finally {
        emulator.stop();
      }
    };
    try {
      expect(await tryBob([]), 'the default graph: alice follows bob').to.equal(200);
      expect(await tryBob(['--social-graph', join(dir, 'graph.json')])).to.equal(403);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help names --templates and --social-graph, and a bad social graph stops it with exit 2 naming the flag', (done) => {
    execFile(process.execPath, [...CLI, '--help'], { cwd: ROOT }, (_error, stdout) => {
      expect(stdout).to.include('--templates').and.include('--social-graph');
      execFile(process.execPath, [...CLI, '--social-graph', '/no/such/graph.json'], { cwd: ROOT }, (error, _out, stderr) => {
        expect(error?.code).to.equal(2);
        expect(stderr).to.include('--social-graph');
        done();
      });
    });
  });
});
