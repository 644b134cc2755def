import { expect } from 'chai';
import { RESPONSE_CHECKS, runResponseChecks } from '../../../harness/checks';
import type { FailureParams } from '../../../harness/checks/failure';
import type { Exchange } from '../../../harness/contract/exchange';
import { OPERATIONS } from '../../../harness/contract/operations';
import { sampleSession, sessionExchange } from '../fixtures';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const withSession = (change: (s: ReturnType<typeof sampleSession>) => void) => {
  const session = sampleSession();
  change(session);
  return sessionExchange({ body: session });
};

/**
 * Each check of the list every response goes through, given an exchange that it (and perhaps others)
 * must report. A check taken out of RESPONSE_CHECKS, or one that stops reporting, fails its row: the
 * planted faults alone would not notice, as a scenario's own assertions often fail first.
 */
const BROKEN: Record<string, () => Exchange> = {
  'throttle-has-retry-after': () =>
    sessionExchange({
      status: 429,
      body: undefined,
      headers: { 'content-type': 'text/plain', etag: undefined, 'content-location': undefined },
    }),
  'status-is-documented': () => sessionExchange({ status: 418 }),
  'content-type-matches-body': () => sessionExchange({ headers: { 'content-type': 'text/plain' } }),
  'response-matches-schema': () => withSession((s) => Object.assign(s, { changeNumber: 'x' })),
  'member-bookkeeping': () => withSession((s) => Object.assign(s.membersInfo, { count: 2 })),
  'session-fields-agree': () =>
    withSession((s) => Object.assign(s.members['0'].properties as object, { system: { active: true, ready: true } })),
  'keys-match-documented-case': () => withSession((s) => Object.assign(s, { MembersInfo: {} })),
  'session-response-has-etag': () => sessionExchange({ headers: { etag: undefined } }),
  'handle-response-names-session': () => sessionExchange({ headers: { 'content-location': undefined } }),
  'response-carries-no-credential': () =>
    withSession((s) => Object.assign(s.properties.custom, { leaked: 'XBL3.0 x=1234;eyJhbGciOiJub25lIn0.eyJ4dWlkIjoiMSJ9.c2lnbmF0dXJl' })),
};

/** What each check must say of its broken exchange above, as data: what reports group causes on. */
const PARAMS: { [K in keyof FailureParams]?: (params: FailureParams[K]) => void } = {
  'throttle-has-retry-after': (p) => expect(p).to.deep.equal({ status: 429 }),
  'status-is-documented': (p) =>
    expect(p).to.deep.equal({
      operation: 'getSessionByHandle',
      status: 418,
      documented: Object.keys(OPERATIONS.getSessionByHandle.responses).map(Number),
    }),
  'content-type-matches-body': (p) => expect(p).to.deep.equal({ status: 200, contentType: 'text/plain' }),
  'response-matches-schema': (p) => expect(p).to.deep.equal({ status: 200, schema: 'MultiplayerSession' }),
  'member-bookkeeping': (p) => expect(p.problems).to.deep.equal(['membersInfo.count is 2 but 1 member(s) qualify']),
  'session-fields-agree': (p) => expect(p.problems.join('\n')).to.match(/ready/),
  'keys-match-documented-case': (p) => expect(p).to.deep.equal({ variants: ['/MembersInfo (documented as membersInfo)'] }),
  'session-response-has-etag': (p) => expect(p).to.deep.equal({ status: 200 }),
  'handle-response-names-session': (p) => expect(p).to.deep.equal({ status: 200, contentLocation: null }),
  'response-carries-no-credential': (p) => expect(p).to.deep.equal({ where: 'body' }),
};

describe('every response check reports through the list every response goes through', () => {
  it('has a broken exchange for each check of RESPONSE_CHECKS, and for no other', () => {
    expect(Object.keys(BROKEN).sort()).to.deep.equal(RESPONSE_CHECKS.map((c) => kebab(c.name)).sort());
  });

  it('status-is-documented says which operation answered what, and what the contract documents for it', () => {
    const failure = runResponseChecks(BROKEN['status-is-documented']()).find((f) => f.check === 'status-is-documented');
    const { method, path, responses } = OPERATIONS.getSessionByHandle;
    const documented = Object.keys(responses).join(', ');
    expect(documented).to.include('200, 204'); // the list is joined by ', ', which the message must keep
    expect(failure?.message).to.equal(
      `${method} ${path} answered 418, which the contract does not document for it (documented: ${documented})`,
    );
  });

  for (const [check, exchange] of Object.entries(BROKEN)) {
    it(`${check} reports its break`, () => {
      const failures = runResponseChecks(exchange());
      expect(failures.map((f) => f.check)).to.include(check);
      const failure = failures.find((f) => f.check === check);
      (PARAMS[check as keyof FailureParams] as (params: unknown) => void)(failure?.params);
    });
  }
});
