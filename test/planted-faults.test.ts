import { expect } from 'chai';
import { FAULTS, type FaultName } from '../emulator';
import { runSpecs } from './support/run-specs';

/**
 * The proof that the harness can fail: each planted fault makes the emulator break the contract,
 * the affected scenarios run against it live, and the harness must report exactly that break.
 */
/** Faults that are the service working as documented, each proved harmless elsewhere, with where. */
const NOT_BREAKS: Partial<Record<FaultName, string>> = {
  'throttle-every-other': 'test/harness/run/throttling.test.ts: retried, never recorded, never a break',
  '503-with-retry-after': 'test/harness/run/throttling.test.ts: past the retries, reported as throttling (skipped, with the reason)',
};

const CASES: Record<
  Exclude<FaultName, 'throttle-every-other' | '503-with-retry-after'>,
  { spec: string; grep: string; message: string }
> = {
  'missing-required-field': {
    spec: 'specs/handle-read.spec.ts',
    grep: 'an activity handle reads the session',
    message: "expected required property 'correlationId'",
  },
  'wrong-type': {
    spec: 'specs/handle-read.spec.ts',
    grep: 'an activity handle reads the session',
    message: 'at /changeNumber: found "1" (string), expected type integer',
  },
  'wrong-content-type': {
    spec: 'specs/handle-read.spec.ts',
    grep: 'an activity handle reads the session',
    message: 'says Content-Type: text/plain; charset=utf-8; expected application/json',
  },
  'stale-etag-accepted': { spec: 'specs/concurrency.spec.ts', grep: 'a stale If-Match', message: 'answered 200, expected 412' },
  'no-content-location': {
    spec: 'specs/handle-read.spec.ts',
    grep: 'an activity handle reads the session',
    message: 'handle-response-names-session: a 200 session response through a handle has no Content-Location header',
  },
  '404-instead-of-204': { spec: 'specs/handle-read.spec.ts', grep: 'emptied session reads 204', message: 'answered 404, expected 204' },
  'tap-without-change-number': {
    spec: 'specs/rta-shoulder-taps.spec.ts',
    grep: 'one tap when a second member joins',
    message: "an RTA event's data breaks the RtaShoulderTaps schema",
  },
  'echo-token': {
    spec: 'specs/handle-read.spec.ts',
    grep: 'an activity handle reads the session',
    message: 'response-carries-no-credential: the response echoes a credential in its header x-echo-authorization',
  },
};

describe('planted faults are caught', function () {
  this.timeout(60000);

  it('every fault the emulator can plant has a case here', () => {
    expect([...Object.keys(CASES), ...Object.keys(NOT_BREAKS)].sort()).to.deep.equal(Object.keys(FAULTS).sort());
  });

  it('the affected scenarios pass live against the emulator without faults', async () => {
    const specs = [...new Set(Object.values(CASES).map((c) => c.spec))];
    const result = await runSpecs(specs, { MPSD_MODE: 'live' });
    expect(result.failures.map((f) => `${f.fullTitle}: ${f.err.message}`)).to.deep.equal([]);
    expect(result.passes.length).to.be.greaterThan(3);
  });

  it('a third-party SDK the harness does not wrap fails at the wire with the exact violation', async () => {
    const result = await runSpecs(['specs/sdk-client.spec.ts'], { MPSD_MODE: 'live', MPSD_EMULATOR_FAULTS: 'wrong-type' });
    expect(result.failures).to.have.length(1);
    expect(result.failures[0].err.message).to.include('at /changeNumber: found "1" (string), expected type integer');
    expect(result.failures[0].err.message).to.include('/sessionTemplates/standard-lobby/sessions/');
  });

  for (const [fault, { spec, grep, message }] of Object.entries(CASES)) {
    it(`${fault} fails the scenario with the expected message`, async () => {
      const result = await runSpecs([spec], { MPSD_MODE: 'live', MPSD_EMULATOR_FAULTS: fault }, grep);
      expect(result.failures, `no scenario failed under ${fault}`).to.have.length(1);
      expect(result.failures[0].err.message).to.include(message);
    });
  }
});
