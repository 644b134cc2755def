import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { signedInEnvironment } from '../harness/cli/login-command';
import { isHarnessError } from '../harness/errors';
import { STANDIN_USER_HASH, STANDIN_XUID, type StandIn, startStandIn } from './support/xbox-standin';

const ROOT = join(__dirname, '..');
const PRELOAD = join(__dirname, 'support', 'standin-fetch.cjs');

/**
 * `mpsd-harness login` end to end against a local stand-in for Microsoft's endpoints (the real ones
 * cannot be reached from here): prismarine-auth's device-code flow, the Xbox token exchanges, the
 * owner-only cache, refresh before expiry, and live runs that take their tokens from it.
 */
describe('mpsd-harness login and logout (against a stand-in for Microsoft sign-in)', function () {
  this.timeout(60_000);
  let standIn: StandIn;
  let cache: string;
  const harness = (args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> =>
    new Promise((resolve) => {
      const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MPSD_')));
      execFile(
        process.execPath,
        ['--require', PRELOAD, join(ROOT, 'bin', 'mpsd-harness.js'), ...args],
        { cwd: cache, env: { ...clean, XBOX_STANDIN_URL: standIn.url, MPSD_TOKEN_CACHE: join(cache, 'tokens'), ...env } },
        (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, out: stdout + stderr }),
      );
    });
  /** In this process: global fetch to the sign-in hosts goes to the stand-in while `work` runs. */
  async function throughStandIn<T>(work: () => Promise<T>): Promise<T> {
    const real = globalThis.fetch;
    globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      return real(`${standIn.url}/${url.hostname}${url.pathname}${url.search}`, init);
    }) as typeof fetch;
    try {
      return await work();
    } finally {
      globalThis.fetch = real;
    }
  }
  const tokens = () => join(cache, 'tokens');

  beforeEach(async () => {
    standIn = await startStandIn();
    cache = mkdtempSync(join(tmpdir(), 'mpsd-login-'));
  });
  afterEach(async () => {
    await standIn.close();
    rmSync(cache, { recursive: true, force: true });
  });

  it('login --help explains the device-code flow, the relying party, where tokens live and logout', async () => {
    const { code, out } = await harness(['login', '--help']);
    expect(code).to.equal(0);
    for (const part of [
      'device code',
      'http://xboxlive.com',
      'XBL3.0 x=<userhash>;<token>',
      'MPSD_TOKEN_CACHE',
      'readable by you only',
      'logout',
    ])
      expect(out).to.include(part);
  });

  it('signs in with a device code, keeps the tokens owner-only in the cache, and never prints a token', async () => {
    const { code, out } = await harness(['login', '--principal', 'bob']);
    expect(code, out).to.equal(0);
    expect(out)
      .to.include('ABCD-EFGH')
      .and.include('https://www.microsoft.com/link')
      .and.include(`bob is signed in (xuid ${STANDIN_XUID})`);
    expect(out).to.not.include('xsts-token').and.not.include('refresh-token').and.not.include('msa-access');
    expect(standIn.asked).to.include.members([
      '/login.live.com/oauth20_connect.srf',
      '/user.auth.xboxlive.com/user/authenticate',
      '/xsts.auth.xboxlive.com/xsts/authorize',
    ]);
    const file = join(tokens(), 'bob.json');
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    expect(statSync(tokens()).mode & 0o777).to.equal(0o700);
    expect(readFileSync(file, 'utf8')).to.include('xsts-token-1');
  });

  it('a live run takes the signed-in tokens, reusing a valid one, and refreshes an expired one without the user', async () => {
    standIn.xstsLifetimeSeconds = 0; // the token from login is already stale when the run asks
    expect((await harness(['login'])).code).to.equal(0);
    const env = { MPSD_TOKEN_CACHE: tokens() };
    const devicesAsked = standIn.asked.filter((p) => p.endsWith('oauth20_connect.srf')).length;

    standIn.xstsLifetimeSeconds = 3600;
    const first = await throughStandIn(() => signedInEnvironment(env));
    expect(first).to.deep.equal({ MPSD_AUTH: `XBL3.0 x=${STANDIN_USER_HASH};xsts-token-2`, MPSD_XUID: STANDIN_XUID });
    expect(standIn.asked.filter((p) => p.endsWith('oauth20_connect.srf')).length, 'no new device code: a refresh').to.equal(devicesAsked);

    const second = await throughStandIn(() => signedInEnvironment(env));
    expect(second.MPSD_AUTH).to.equal(`XBL3.0 x=${STANDIN_USER_HASH};xsts-token-2`); // still valid: no new token
    expect(standIn.issued).to.equal(2);

    expect(await throughStandIn(() => signedInEnvironment({ ...env, MPSD_AUTH: 'XBL3.0 x=9;mine' })), 'a variable wins').to.deep.equal({});
  });

  it('a sign-in that can no longer be refreshed stops a run with SIGN_IN_REQUIRED, naming the login to run', async () => {
    standIn.xstsLifetimeSeconds = 0;
    standIn.userLifetimeSeconds = 0; // only the refresh token is left, and the service refuses it
    expect((await harness(['login', '--principal', 'carol'])).code).to.equal(0);
    standIn.refuseRefresh = true;
    let caught: unknown;
    try {
      await throughStandIn(() => signedInEnvironment({ MPSD_TOKEN_CACHE: tokens() }));
    } catch (error) {
      caught = error;
    }
    expect(isHarnessError(caught, 'SIGN_IN_REQUIRED'), String(caught)).to.equal(true);
    expect((caught as Error).message).to.include('npx mpsd-harness login --principal carol');
  });

  it('a live conformance run needs no MPSD_AUTH after login: it gets as far as the target', async () => {
    expect((await harness(['login'])).code).to.equal(0);
    const { code, out } = await harness([
      'conformance',
      '--mode',
      'live',
      '--target',
      'http://127.0.0.1:9',
      '--spec',
      join(ROOT, 'specs', 'handle-read.spec.ts'),
    ]);
    expect(out).to.not.include('MPSD_AUTH');
    expect(out).to.include('TARGET_UNREACHABLE');
    expect(code).to.not.equal(0);
  });

  it('logout forgets one principal or all; login refuses the service principal', async () => {
    expect((await harness(['login'])).code).to.equal(0);
    const out = await harness(['logout']);
    expect(out.out).to.include('alice: signed out').and.include('bob: was not signed in');
    expect(existsSync(join(tokens(), 'alice.json'))).to.equal(false);
    const server = await harness(['login', '--principal', 'server']);
    expect(server.code).to.equal(2);
    expect(server.out).to.include('MPSD_SERVER_AUTH');
  });
});
