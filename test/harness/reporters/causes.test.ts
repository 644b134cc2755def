import { expect } from 'chai';
import { type CheckId, type FailureParams, failure } from '../../../harness/checks/failure';
import { causeOf, groupByCause } from '../../../harness/reporters/causes';
import type { TestResult } from '../../../harness/reporters/results';

const failed = (title: string, failures: TestResult['failures'], error = 'failed'): TestResult => ({
  suite: 's',
  title,
  fullTitle: `s ${title}`,
  state: 'failed',
  durationMs: 1,
  error,
  failures,
});

describe('failures grouped by cause', () => {
  it('groups check failures on the check and the params that name the cause, never on the message', () => {
    const undocumented = (status: number, path: string) =>
      failure(
        'status-is-documented',
        { operation: 'getSessionByHandle', status, documented: [200, 404] },
        `GET ${path} answered ${status}`,
      );
    const causes = groupByCause([
      failed('a', [undocumented(500, '/handles/1/session')]),
      failed('b', [undocumented(500, '/handles/2/session')]),
      failed('c', [undocumented(503, '/handles/3/session')]),
    ]);
    expect(causes.map((c) => [c.cause, c.tests.length])).to.deep.equal([
      ['status-is-documented (operation getSessionByHandle; status 500)', 2],
      ['status-is-documented (operation getSessionByHandle; status 503)', 1],
    ]);
  });

  it('leaves per-test params out of the cause: two sessions with different bookkeeping problems are one cause', () => {
    const a = failed('a', [failure('member-bookkeeping', { problems: ['membersInfo.count is 3 but 2 member(s) qualify'] }, 'x')]);
    const b = failed('b', [failure('member-bookkeeping', { problems: ['member 4 is reserved but has a gamertag'] }, 'y')]);
    expect(groupByCause([a, b]).map((c) => c.tests.length)).to.deep.equal([2]);
    expect(causeOf(a)).to.equal('member-bookkeeping');
  });

  it("names every check's cause by the params that read the same in every test it hits, and by no other", () => {
    // [a failure's params, the params that name its cause]. A param left out is per test: a session's own
    // problems, a path with its ids, a leaked value, the list that follows from the operation.
    const SPEC: { [K in CheckId]: [FailureParams[K], (keyof FailureParams[K])[]] } = {
      'content-type-matches-body': [{ status: 200, contentType: 'text/plain' }, ['status', 'contentType']],
      'handle-response-names-session': [{ status: 200, contentLocation: '/serviceconfigs/x/sessions/y' }, ['status']],
      'keys-match-documented-case': [{ variants: ['MembersInfo'] }, ['variants']],
      'member-bookkeeping': [{ problems: ['membersInfo.count is 3'] }, []],
      'request-matches-schema': [{ operation: 'putSessionByHandle', schema: 'MultiplayerSessionRequest' }, ['operation', 'schema']],
      'response-carries-no-credential': [{ where: 'header x-echo' }, ['where']],
      'response-matches-schema': [{ status: 200, schema: 'MultiplayerSession' }, ['status', 'schema']],
      'rta-frame-is-documented': [{ problem: 'frame 3 is not an array' }, []],
      'session-fields-agree': [{ problems: ['next is 2'] }, []],
      'session-response-has-etag': [{ status: 201 }, ['status']],
      'status-is-documented': [{ operation: 'getSessionByHandle', status: 500, documented: [200, 404] }, ['operation', 'status']],
      'throttle-has-retry-after': [{ status: 429 }, ['status']],
    };
    const other = (value: unknown): unknown =>
      typeof value === 'number' ? value + 1 : Array.isArray(value) ? [...value, 'another'] : `${String(value)}-another`;
    for (const [check, [params, naming]] of Object.entries(SPEC) as [CheckId, [Record<string, unknown>, string[]]][]) {
      const cause = (p: Record<string, unknown>) => causeOf(failed('t', [failure(check, p as never, 'message')]));
      if (naming.length === 0) expect(cause(params), check).to.equal(check);
      for (const name of Object.keys(params)) {
        const changed = cause({ ...params, [name]: other(params[name]) });
        if (naming.includes(name)) expect(changed, `${check}: ${name} names the cause`).to.not.equal(cause(params));
        else expect(changed, `${check}: ${name} is per test`).to.equal(cause(params));
      }
    }
  });

  it('names a schema break by its first violation, and a failure from an older results.json by its check', () => {
    const schema = failure('response-matches-schema', { status: 200, schema: 'MultiplayerSession' }, 'm', [
      { instancePath: '/membersInfo/count', expected: 'integer', keyword: 'type', schemaPath: '#/x', message: 'must be integer' } as never,
    ]);
    expect(causeOf(failed('a', [schema]))).to.equal('response-matches-schema at /membersInfo/count: expected integer');
    const old = { check: 'session-response-has-etag', message: 'the 200 session response has no ETag header' } as never;
    expect(causeOf(failed('b', [old]))).to.equal('session-response-has-etag');
  });

  it('an error that is no check failure is named by its first line, its ids left out', () => {
    const one = failed('a', [], 'AssertionError: expected 404 for session-0123456789ab at 8c3f8a51-1c9e-4b2a-9d3e-0a1b2c3d4e5f\n  at x');
    const two = failed('b', [], 'AssertionError: expected 404 for session-ba9876543210 at 11111111-2222-4333-8444-555555555555\n  at y');
    expect(groupByCause([one, two]).map((c) => [c.cause, c.tests.length])).to.deep.equal([
      ['AssertionError: expected 404 for {name} at {id}', 2],
    ]);
  });
});
