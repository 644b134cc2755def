import { expect } from 'chai';
import { seededIds } from '../../emulator/ids';
import type { Session } from '../../emulator/model';
import { renderSessionText } from '../../emulator/session/render';
import { writeSession } from '../../emulator/session/write';
import { findTemplate, loadTemplates } from '../../emulator/templates';
import { SCID, XUID } from './use-emulator';

/** Freeze a value and everything in it: a write into it then throws (modules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function stored(templateName: string, body: Record<string, unknown>): Session {
  const template = findTemplate(loadTemplates(), SCID, templateName);
  if (!template) throw new Error(`no template ${templateName}`);
  const principal = { xuid: XUID.alice, gamertag: 'Alice', titleId: '1234567', server: false };
  const outcome = writeSession(
    undefined,
    template,
    { ref: { scid: SCID, templateName, name: 'frozen' }, body, principal, grant: { via: 'direct' }, now: 0 },
    seededIds('render-shares'),
  );
  if (!('session' in outcome)) throw new Error(`the write made no session: ${outcome.kind}`);
  return outcome.session;
}

/**
 * Rendering reads the stored session, which every later version shares parts of (frozen constants, the
 * kept text of a version): it must write nothing into it, not even where the document adds to a bag
 * (turn). A frozen session proves it, for every contract rendering and a large session's caller view.
 */
describe('emulator: rendering never writes into the stored session it reads', () => {
  const member = { constants: { system: { initialize: false } }, properties: { system: { active: true }, custom: { a: [1, { b: 2 }] } } };
  // Made inside each test, never while the file loads: a write that throws then fails that test alone.
  const sessions: [string, () => Session][] = [
    ['a lobby without turn', () => stored('standard-lobby', { members: { me: member }, properties: { custom: { map: 'harbor' } } })],
    ['a large session', () => stored('large-session', { members: { me: { properties: { system: { active: true } } } } })],
  ];
  for (const [what, make] of sessions) {
    it(`renders ${what} at 104, 105 and 107 without a write`, () => {
      const session = make();
      const before = JSON.stringify(session);
      deepFreeze(session);
      for (const contractVersion of [104, 105, 107]) {
        const document = renderSessionText(session, { contractVersion, callerXuid: XUID.alice, nextTimer: 1000 });
        expect(JSON.parse(document)).to.have.property('contractVersion', contractVersion);
      }
      expect(JSON.stringify(session)).to.equal(before);
    });
  }
});
