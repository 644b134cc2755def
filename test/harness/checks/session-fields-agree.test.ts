import { expect } from 'chai';
import { runResponseChecks } from '../../../harness/checks';
import { crossFieldProblems, sessionFieldsAgree } from '../../../harness/checks/session-fields-agree';
import { sampleSession, sessionExchange } from '../fixtures';

type Doc = ReturnType<typeof sampleSession> & Record<string, unknown>;
const with_ = (change: (s: Doc) => void): Doc => {
  const session = sampleSession() as Doc;
  change(session);
  return session;
};
const member = (s: Doc) =>
  (
    s.members as Record<
      string,
      { properties: { system: Record<string, unknown> }; constants: { system: Record<string, unknown> } } & Record<string, unknown>
    >
  )['0'];
const system = (s: Doc) => (s.properties as { system: Record<string, unknown> }).system;
const constants = (s: Doc) => (s.constants as { system: Record<string, unknown> & { capabilities: Record<string, unknown> } }).system;

/** Issue 18 §3: documented rules between fields that no schema states, each one a sentence, each one caught. */
describe('session-fields-agree (the documented cross-field rules)', () => {
  it('a conforming session passes, and runs among every response check', () => {
    expect(crossFieldProblems(sampleSession())).to.deep.equal([]);
    const broken = with_((s) => Object.assign(member(s).properties.system, { active: true, ready: true }));
    expect(runResponseChecks(sessionExchange({ body: broken })).map((f) => f.check)).to.include('session-fields-agree');
  });

  const CASES: [string, (s: Doc) => void, RegExp][] = [
    [
      'initializationSucceeded echoed',
      (s) => Object.assign(system(s), { initializationSucceeded: true }),
      /initializationSucceeded is echoed back/,
    ],
    ['encounters echoed', (s) => Object.assign(member(s).properties.system, { encounters: ['x'] }), /encounters is echoed back/],
    ['group echoed', (s) => Object.assign(member(s).properties.system, { group: [0] }), /group is echoed back/],
    [
      'a member both active and ready',
      (s) => Object.assign(member(s).properties.system, { active: true, ready: true }),
      /both active and ready/,
    ],
    [
      'hostCandidates beside host',
      (s) => Object.assign(s, { hostCandidates: ['a'] }) && Object.assign(system(s), { host: 'a' }),
      /hostCandidates is rendered beside host/,
    ],
    [
      'initializationEpisode without initializing',
      (s) => Object.assign(member(s), { initializationEpisode: 1 }),
      /initializationEpisode but the session is not initializing/,
    ],
    [
      'keywords on a private session',
      (s) => Object.assign(constants(s), { visibility: 'private' }) && Object.assign(system(s), { keywords: ['ctf'] }),
      /keywords are set on a private session/,
    ],
    [
      'turn on a large session',
      (s) => Object.assign(constants(s).capabilities, { large: true }) && Object.assign(system(s), { turn: [0] }),
      /turn is set on a large session/,
    ],
    [
      'followed on a large session',
      (s) => Object.assign(constants(s).capabilities, { large: true }) && Object.assign(system(s), { joinRestriction: 'followed' }),
      /restriction other than none/,
    ],
    [
      'a host no device token names',
      (s) => Object.assign(member(s), { deviceToken: 'tok-1' }) && Object.assign(system(s), { host: 'tok-2' }),
      /matches no member's deviceToken/,
    ],
  ];
  for (const [name, change, message] of CASES) {
    it(`catches ${name}`, () => {
      const failure = sessionFieldsAgree(sessionExchange({ body: with_(change) }));
      expect(failure?.check).to.equal('session-fields-agree');
      expect(failure?.message).to.match(message);
    });
  }

  it('an empty list is no list: no keywords on a private session, no turn on a large one', () => {
    const empty = with_((s) => {
      Object.assign(constants(s), { visibility: 'private' });
      Object.assign(system(s), { keywords: [] });
    });
    expect(crossFieldProblems(empty)).to.deep.equal([]);
    const largeEmptyTurn = with_((s) => {
      Object.assign(constants(s).capabilities, { large: true });
      Object.assign(system(s), { turn: [] });
    });
    expect(crossFieldProblems(largeEmptyTurn).filter((p) => p.includes('turn'))).to.deep.equal([]);
  });

  it('a host that a member device token names, in any case, passes; so does a host where no member shows a token', () => {
    expect(
      crossFieldProblems(
        with_((s) => Object.assign(member(s).constants.system, { deviceToken: 'TOK-1' }) && Object.assign(system(s), { host: 'tok-1' })),
      ),
    ).to.deep.equal([]);
    expect(crossFieldProblems(with_((s) => Object.assign(system(s), { host: 'tok-1' })))).to.deep.equal([]);
  });
});
