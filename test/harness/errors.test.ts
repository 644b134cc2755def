import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createEmulator } from '../../emulator';
import { xboxToken } from '../../harness/auth/xbox-sign-in';
import { ContractViolation, checkedClient } from '../../harness/checks/checked-client';
import { mergeReports } from '../../harness/cli/merge-reports';
import { send } from '../../harness/client/http-transport';
import { HttpMpsdClient, type MpsdClient } from '../../harness/client/mpsd-client';
import { loadConfig, MODES, type ModeSpec } from '../../harness/config';
import { pathFor } from '../../harness/contract/operations';
import { scenario } from '../../harness/current-scenario';
import { ERROR_CODES, type ErrorCode, isHarnessError } from '../../harness/errors';
import { readAllowList, replayUsage } from '../../harness/lint/run-lint';
import { readHar } from '../../harness/recording/har';
import { principalResolver } from '../../harness/recording/matching';
import { startRecording } from '../../harness/recording/recording-session';
import { RtaClient } from '../../harness/rta/rta-client';
import { HarnessRun } from '../../harness/run';
import { SchemaRegistry, schemaRegistry } from '../../harness/schema/registry';
import { EMBEDDED_PROFILE } from '../../harness/target';
import { sampleSession, sessionExchange } from './fixtures';

const ROOT = join(__dirname, '..', '..');
const ALICE = 'XBL3.0 x=alice;xuid=2533274800000001,gamertag=Alice';
const REF = { scid: EMBEDDED_PROFILE.scid, templateName: 'standard-lobby', name: 'errors' };
const settings = (baseUrl: string) => ({
  baseUrl,
  contractVersion: 107,
  authorizations: { alice: ALICE },
  defaultPrincipal: 'alice' as const,
});

let tmp: string;
const fresh = () => mkdtempSync(join(tmpdir(), 'mpsd-errors-'));

/** A client whose every answer is the given exchange: to feed checkedClient a broken one. */
const answering = (exchange = sessionExchange({ body: { ...sampleSession(), changeNumber: 'x' } })) =>
  Object.fromEntries(
    ['createHandle', 'getHandle', 'deleteHandle', 'getSessionByHandle', 'putSessionByHandle', 'getSession', 'putSession'].map((m) => [
      m,
      async () => exchange,
    ]),
  ) as unknown as MpsdClient;

/** A run of the harness in replay, its recordings in an empty temp dir: every request misses. */
async function replayRun() {
  const run = await HarnessRun.open(loadConfig({ MPSD_RECORDINGS_DIR: tmp }, EMBEDDED_PROFILE));
  const test = run.beginTest({ titlePath: ['errors', 'a test'], fullTitle: 'errors a test' });
  return { run, test };
}

/** A recording of the embedded target, in the given mode and folder, with no principal. */
const recordingOf = (name: string, mode: ModeSpec, recordingsDir: string) =>
  startRecording({ name, mode, recordingsDir, target: 'emulator', principalOf: principalResolver([]), rerecordCommand: '-' });

/** How each code is provoked for real. Every code of the catalogue has one. */
const TRIGGERS: Record<ErrorCode, () => unknown> = {
  CONFIG_INVALID: () => loadConfig({ MPSD_MODE: 'constructor' }, EMBEDDED_PROFILE),
  CLIENT_MODULE_INVALID: () => loadConfig({ MPSD_CLIENT: './nope.ts' }, EMBEDDED_PROFILE),
  CLIENT_LACKS_OPERATION: () => checkedClient(answering()).leaveSession(REF),
  RTA_PROTOCOL: async () => {
    // An RTA service that refuses the connections subscription (status 1: unknown resource).
    const refusing = async () => {
      let listener = (_text: string) => {};
      const onMessage = (l: (text: string) => void) => {
        listener = l;
      };
      return { send: (text: string) => setImmediate(() => listener(`[1,${JSON.parse(text)[1]},1]`)), onMessage, close: async () => {} };
    };
    return (await RtaClient.open(refusing, 'ws://rta.invalid/connect', ALICE)).subscribeToConnection();
  },
  PRINCIPAL_MISSING: () => new HttpMpsdClient(settings('http://127.0.0.1:1')).getHandle('x', { as: 'bob' }),
  REPLAY_MISS: async () => {
    const recording = recordingOf('errors/miss', MODES.replay, tmp);
    try {
      await new HttpMpsdClient(settings('http://mpsd-emulator.invalid')).getSession(REF);
    } finally {
      await recording.stop({ failed: true });
    }
  },
  CONTRACT_VIOLATION: () => checkedClient(answering()).getSessionByHandle('h'),
  REQUEST_INVALID: () => checkedClient(answering()).putSession(REF, { members: 5 }),
  SCHEMA_UNKNOWN: () => schemaRegistry().validator('Nope' as never),
  SCHEMA_INVALID: () => {
    writeFileSync(join(tmp, 'Broken.json'), '{ "$id": ');
    return new SchemaRegistry(tmp);
  },
  RECORDING_INVALID: () => {
    writeFileSync(
      join(tmp, 'recording.har'),
      JSON.stringify({ log: { version: '1.2', entries: [{ request: { method: 'GET', url: '/', headers: [] } }] } }),
    );
    return readHar(join(tmp, 'recording.har'));
  },
  RECORDING_WRITE_FAILED: async () => {
    const emulator = createEmulator();
    const url = await emulator.start();
    const blocked = join(tmp, 'a-file');
    writeFileSync(blocked, 'not a directory');
    const recording = recordingOf('errors/write', MODES.record, blocked);
    try {
      await new HttpMpsdClient(settings(url)).getSession(REF);
      await recording.stop({ failed: false });
    } finally {
      await emulator.stop();
    }
  },
  ALLOWLIST_INVALID: () => {
    writeFileSync(join(tmp, 'lint-allowlist.json'), JSON.stringify([{ file: 'x', rule: 'secret' }]));
    return readAllowList(tmp);
  },
  LINT_REPLAY_FAILED: () => replayUsage(tmp, ['--reporter', join(tmp, 'no-such-reporter.js')]),
  TARGET_UNREACHABLE: () => send('http://127.0.0.1:1', { method: 'GET', path: '/handles/x', headers: {} }),
  TARGET_TIMEOUT: async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      await send(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`, { method: 'GET', path: '/', headers: {} }, 200);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  },
  NETWORK_ESCAPE: async () => {
    require('../../harness/tripwire.cjs'); // npm test loads it first; this makes the test stand alone
    const { run, test } = await replayRun();
    try {
      (await import('node:net')).connect(80, '192.0.2.1');
    } catch {
      // refused where it was made; the verdict must still fail the test that made it
    }
    const verdict = await test.wireVerdict();
    await test.end({ failed: false });
    await run.close();
    // This escape was made on purpose: take it off the tripwire's list so it does not fail npm test.
    (globalThis as { __mpsdTripwire?: { blocked: unknown[] } }).__mpsdTripwire?.blocked.pop();
    throw verdict;
  },
  WIRE_REQUEST_FAILED: async () => {
    const { run, test } = await replayRun();
    await globalThis
      .fetch(`http://mpsd-emulator.invalid${pathFor('getSession', { scid: REF.scid, templateName: REF.templateName, sessionName: 'x' })}`)
      .catch(() => undefined); // an SDK that swallows the miss
    const verdict = await test.wireVerdict();
    await test.end({ failed: false });
    await run.close();
    throw verdict;
  },
  BEHAVIOUR_UNKNOWN: async () => {
    const { run, test } = await replayRun();
    try {
      test.context.covers('no.such-behaviour' as never);
    } finally {
      await test.end({ failed: true });
      await run.close();
    }
  },
  NO_SCENARIO: () => scenario(),
  HELPER_MISUSE: () => pathFor('getHandle', {}),
  SHARDS_INCOMPLETE: () => mergeReports([], tmp),
  SIGN_IN_REQUIRED: () => xboxToken('bob', tmp),
};

describe('the error catalogue', function () {
  this.timeout(20000);
  beforeEach(() => {
    tmp = fresh();
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('every code is thrown somewhere in harness/', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) =>
        statSync(join(dir, n)).isDirectory() ? sources(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : [],
      );
    const text = sources(join(ROOT, 'harness'))
      .filter((f) => !f.endsWith('errors.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(Object.keys(ERROR_CODES).filter((code) => !text.includes(`ERROR_CODES.${code}`))).to.deep.equal([]);
  });

  it('every code has a trigger below that provokes it for real', () => {
    expect(Object.keys(TRIGGERS).sort()).to.deep.equal(Object.keys(ERROR_CODES).sort());
  });

  for (const [code, trigger] of Object.entries(TRIGGERS) as [ErrorCode, () => unknown][]) {
    it(`${code} is raised with its code and a message that names the fix`, async () => {
      let caught: unknown;
      try {
        await trigger();
      } catch (error) {
        caught = error;
      }
      expect(isHarnessError(caught, code), `expected ${code}, got ${String(caught)}`).to.equal(true);
      expect((caught as Error).message).to.match(/\[harness:\w+\] .{20,}/);
      if (caught instanceof ContractViolation) expect(caught.failures.length).to.be.greaterThan(0);
    });
  }
});
