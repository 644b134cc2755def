import { expect } from 'chai';
import { runResponseChecks } from '../../harness/checks';
import { contentTypeMatchesBody } from '../../harness/checks/content-type-matches-body';
import { handleResponseNamesSession } from '../../harness/checks/handle-response-names-session';
import { responseMatchesSchema } from '../../harness/checks/response-matches-schema';
import { sessionResponseHasEtag } from '../../harness/checks/session-response-has-etag';
import { throttleHasRetryAfter } from '../../harness/checks/throttle-has-retry-after';
import { requestMatchesSchema } from '../../harness/checks/request-matches-schema';
import { sampleSession, sessionExchange } from './fixtures';

describe('checks', () => {
  it('a valid session response through a handle passes every check', () => {
    expect(runResponseChecks(sessionExchange())).to.deep.equal([]);
  });

  describe('response-matches-schema', () => {
    it('reports a wrong type with its instance path', () => {
      const failure = responseMatchesSchema(sessionExchange({ body: { ...sampleSession(), changeNumber: '1' } }));
      expect(failure?.message).to.include('at /changeNumber: found "1" (string), expected type integer');
      expect(failure?.violations?.[0].instancePath).to.equal('/changeNumber');
    });

    it('reports a session body that is not JSON', () => {
      const exchange = { ...sessionExchange(), body: undefined };
      expect(responseMatchesSchema(exchange)?.message).to.include('is not JSON');
    });

    it('checks a 412 that returns the session, and not a 404 text answer', () => {
      expect(responseMatchesSchema(sessionExchange({ operation: 'putSessionByHandle', status: 412, body: { ...sampleSession(), members: 3 } }))?.violations?.[0].instancePath).to.equal('/members');
      expect(responseMatchesSchema(sessionExchange({ status: 404, body: undefined, headers: { 'content-type': 'text/plain' } }))).to.equal(undefined);
    });

    it('checks created handles against the Handle schema', () => {
      const exchange = sessionExchange({ operation: 'createHandle', status: 201, body: { id: 'nope', type: 'activity', version: 1 } });
      expect(responseMatchesSchema(exchange)?.message).to.include('Handle schema');
    });
  });

  it('content-type-matches-body reports a session labelled text/plain', () => {
    const failure = contentTypeMatchesBody(sessionExchange({ headers: { 'content-type': 'text/plain; charset=utf-8' } }));
    expect(failure?.message).to.include('says Content-Type: text/plain; charset=utf-8; expected application/json');
  });

  it('handle-response-names-session reports a missing or malformed Content-Location', () => {
    expect(handleResponseNamesSession(sessionExchange({ headers: { 'content-location': undefined } }))?.message).to.include('no Content-Location');
    expect(handleResponseNamesSession(sessionExchange({ headers: { 'content-location': '/handles/x' } }))?.message).to.include('not a direct session path');
    expect(handleResponseNamesSession(sessionExchange({ operation: 'getSession', headers: { 'content-location': undefined } }))).to.equal(undefined);
  });

  it('session-response-has-etag reports a session without ETag', () => {
    expect(sessionResponseHasEtag(sessionExchange({ headers: { etag: undefined } }))?.message).to.include('no ETag');
  });

  it('throttle-has-retry-after reports 503 with its Retry-After, and 429 without one', () => {
    expect(throttleHasRetryAfter(sessionExchange({ status: 503, body: undefined, headers: { 'retry-after': '30' } }))?.message).to.include('503 Service Unavailable with Retry-After: 30');
    expect(throttleHasRetryAfter(sessionExchange({ status: 429, body: undefined }))?.message).to.include('without the Retry-After header');
  });

  it('request-matches-schema names the field an outgoing PUT body gets wrong', () => {
    expect(requestMatchesSchema('putSessionByHandle', JSON.stringify({ members: { me: { properties: { system: { active: 'yes' } } } } }))?.message).to.include(
      'at /members/me/properties/system/active: found "yes" (string), expected type boolean',
    );
    expect(requestMatchesSchema('putSession', JSON.stringify({ members: { me: null } }))).to.equal(undefined);
  });
});
