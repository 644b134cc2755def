import { expect } from 'chai';
import { spawn, execFile } from 'node:child_process';
import { join } from 'node:path';

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
      const answer = await fetch(`${url}/handles/nope`, { headers: { 'x-xbl-contract-version': '107', authorization: 'XBL3.0 x=1;xuid=1' } });
      expect(answer.status).to.equal(404);
      await new Promise((r) => setTimeout(r, 50));
      // timestamp, request, caller by name (never the token), status, latency, and the reason of a 4xx
      expect(out).to.match(/\d{4}-\d\d-\d\dT\S+Z GET \/handles\/nope as xuid 1 -> 404 in \d+\.\d ms \(The handle id 'nope' is not a GUID/);
      expect(out).to.not.include('XBL3.0');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
