import { expect } from 'chai';
import { runResponseChecks } from '../../../harness/checks';
import { contentTypeMatchesBody } from '../../../harness/checks/content-type-matches-body';
import { handleResponseNamesSession } from '../../../harness/checks/handle-response-names-session';
import { keysMatchDocumentedCase } from '../../../harness/checks/keys-match-documented-case';
import { bookkeepingProblems, memberBookkeeping } from '../../../harness/checks/member-bookkeeping';
import { requestMatchesSchema } from '../../../harness/checks/request-matches-schema';
import { responseMatchesSchema } from '../../../harness/checks/response-matches-schema';
import { sessionResponseHasEtag } from '../../../harness/checks/session-response-has-etag';
import { throttleHasRetryAfter } from '../../../harness/checks/throttle-has-retry-after';
import { sampleSession, sessionExchange } from '../fixtures';

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

    it('reports a session body that is not JSON, quoting at most 120 characters of it', () => {
      const exchange = { ...sessionExchange(), body: undefined };
      expect(responseMatchesSchema(exchange)?.message).to.include('is not JSON');
      const long = { ...exchange, response: { ...exchange.response, text: `<html>${'y'.repeat(1000)}` } };
      const failure = responseMatchesSchema(long);
      expect(failure).to.deep.include({ check: 'response-matches-schema', params: { status: 200, schema: 'MultiplayerSession' } });
      expect(failure?.message).to.include(`"<html>${'y'.repeat(114)}"`);
      expect(failure?.message.length).to.be.below(250);
    });

    it('checks a 412 that returns the session, and not a 404 text answer', () => {
      expect(
        responseMatchesSchema(sessionExchange({ operation: 'putSessionByHandle', status: 412, body: { ...sampleSession(), members: 3 } }))
          ?.violations?.[0].instancePath,
      ).to.equal('/members');
      expect(responseMatchesSchema(sessionExchange({ status: 404, body: undefined, headers: { 'content-type': 'text/plain' } }))).to.equal(
        undefined,
      );
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
    expect(handleResponseNamesSession(sessionExchange({ headers: { 'content-location': undefined } }))?.message).to.include(
      'no Content-Location',
    );
    expect(handleResponseNamesSession(sessionExchange({ headers: { 'content-location': '/handles/x' } }))?.message).to.include(
      'not a direct session path',
    );
    expect(handleResponseNamesSession(sessionExchange({ operation: 'getSession', headers: { 'content-location': undefined } }))).to.equal(
      undefined,
    );
  });

  it('session-response-has-etag reports a session without ETag', () => {
    expect(sessionResponseHasEtag(sessionExchange({ headers: { etag: undefined } }))?.message).to.include('no ETag');
  });

  it('throttle-has-retry-after passes a 503 or 429 that says when to retry, and reports one that does not', () => {
    expect(throttleHasRetryAfter(sessionExchange({ status: 503, body: undefined, headers: { 'retry-after': '30' } }))).to.equal(undefined);
    expect(throttleHasRetryAfter(sessionExchange({ status: 429, body: undefined, headers: { 'retry-after': '0' } }))).to.equal(undefined);
    expect(throttleHasRetryAfter(sessionExchange({ status: 429, body: undefined }))?.message).to.include('without the Retry-After header');
  });

  it('request-matches-schema names the field an outgoing PUT body gets wrong', () => {
    expect(
      requestMatchesSchema('putSessionByHandle', JSON.stringify({ members: { me: { properties: { system: { active: 'yes' } } } } }))
        ?.message,
    ).to.include('at /members/me/properties/system/active: found "yes" (string), expected type boolean');
    expect(requestMatchesSchema('putSession', JSON.stringify({ members: { me: null } }))).to.equal(undefined);
  });
});

describe('member-bookkeeping', () => {
  const m = (s: { members: Record<string, unknown> }, key: string) => s.members[key] as Record<string, unknown>;
  const session = () => {
    const s = sampleSession();
    s.members['1'] = { ...structuredClone(s.members['0']), constants: { system: { xuid: '2533274800000002' } } };
    m(s, '0').next = 1;
    m(s, '1').next = 2;
    s.membersInfo = { first: 0, next: 2, count: 2, accepted: 2, active: 2 };
    return s;
  };
  const problems = (mutate: (s: ReturnType<typeof session>) => void) => {
    const s = session();
    mutate(s);
    return bookkeepingProblems(s as never);
  };

  it('passes consistent bookkeeping', () => {
    expect(problems(() => {})).to.deep.equal([]);
    expect(memberBookkeeping(sessionExchange({ body: session() }))).to.equal(undefined);
  });

  it('names each way the bookkeeping can disagree, one message each', () => {
    expect(
      problems((s) => {
        m(s, '0').next = 7;
      }),
    ).to.deep.equal(['the next chain reaches 7, which is not a member']);
    expect(
      problems((s) => {
        m(s, '1').next = 1;
      }),
    ).to.deep.include('the next chain loops at member 1');
    expect(
      problems((s) => {
        s.membersInfo.first = 1;
      }),
    ).to.deep.equal(['the next chain from membersInfo.first misses member(s) 0']);
    expect(
      problems((s) => {
        s.membersInfo.count = 3;
      }),
    ).to.deep.equal(['membersInfo.count is 3 but 2 member(s) qualify']);
    expect(
      problems((s) => {
        s.membersInfo.accepted = 1;
      }),
    ).to.deep.equal(['membersInfo.accepted is 1 but 2 member(s) qualify']);
    expect(
      problems((s) => {
        s.membersInfo.active = 0;
      }),
    ).to.deep.equal(['membersInfo.active is 0 but 2 member(s) qualify']);
    expect(
      problems((s) => {
        s.members['1'].reserved = true;
        s.membersInfo.accepted = 1;
      }),
    ).to.deep.equal(['member 1 is reserved but has a gamertag (only accepted members have one)']);
    expect(
      problems((s) => {
        s.members['1'].activeTitleId = '1';
        m(s, '1').properties = { system: {} };
        s.membersInfo.active = 1;
      }),
    ).to.deep.equal(['member 1 has activeTitleId but is not active']);
    expect(
      problems((s) => {
        s.members['1'].turn = true;
      }),
    ).to.deep.equal(['member 1 has turn: true but is not in properties.system.turn']);
    expect(
      problems((s) => {
        s.members['1'].roles = { team: 'red' };
      }),
    ).to.deep.equal(['member 1 holds role team.red, which roleTypes does not declare']);
    expect(
      problems((s) => {
        (s.properties.system as Record<string, unknown>).owners = [0];
      }),
    ).to.deep.equal(['properties.system.owners is set but the session lacks the hasOwners capability']);
    expect(
      problems((s) => {
        s.membersInfo.next = 1;
        s.members['0'].next = 1;
      }),
    ).to.include('member index(es) 1 are not below membersInfo.next 1');
  });

  it('fails a session response with all its problems listed', () => {
    const body = session();
    body.membersInfo.count = 5;
    expect(memberBookkeeping(sessionExchange({ body }))?.message).to.include('membersInfo.count is 5 but 2 member(s) qualify');
  });
});

describe('keys-match-documented-case', () => {
  it('passes documented keys and unknown ones, and names a key that differs from a documented one only by case', () => {
    expect(keysMatchDocumentedCase(sessionExchange())).to.equal(undefined);
    const body = sampleSession();
    (body as Record<string, unknown>).somethingNew = 1;
    expect(keysMatchDocumentedCase(sessionExchange({ body }))).to.equal(undefined);
    (body as Record<string, unknown>).ChangeNumber = 2;
    (body.members['0'] as Record<string, unknown>).GamerTag = 'x';
    expect(keysMatchDocumentedCase(sessionExchange({ body }))?.message).to.equal(
      'keys differ from the documented ones only by case: /members/0/GamerTag (documented as gamertag), /ChangeNumber (documented as changeNumber)',
    );
  });

  it('the schema refuses a third key in a property bag and an undocumented capability, and accepts crossplay, the 2016 spelling (N17)', () => {
    const body = sampleSession();
    (body.properties as Record<string, unknown>).extra = {};
    (body.constants.system.capabilities as Record<string, unknown>).teleport = true;
    (body.constants.system.capabilities as Record<string, unknown>).crossplay = true;
    const messages = responseMatchesSchema(sessionExchange({ body }))?.violations?.map((v) => `${v.instancePath} ${v.expected}`);
    expect(messages).to.include.members([
      "/properties no property 'extra' (unknown keys are rejected here)",
      "/constants/system/capabilities no property 'teleport' (unknown keys are rejected here)",
    ]);
    expect(messages?.join('\n')).to.not.include('crossplay');
  });
});
