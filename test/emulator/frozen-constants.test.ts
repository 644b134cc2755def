import { expect } from 'chai';
import { seededIds } from '../../emulator/ids';
import { clone, freezeDeep, type Session } from '../../emulator/model';
import { writeSession } from '../../emulator/session/write';
import { findTemplate, loadTemplates } from '../../emulator/templates';
import { SCID, XUID } from './use-emulator';

const alice = { xuid: XUID.alice, gamertag: 'Alice', titleId: '1234567', server: false };
const bob = { xuid: XUID.bob, gamertag: 'Bob', titleId: '1234567', server: false };
const ref = { scid: SCID, templateName: 'standard-lobby', name: 'frozen-constants' };

function write(existing: Session | undefined, body: Record<string, unknown>, principal = alice): Session {
  const template = findTemplate(loadTemplates(), SCID, 'standard-lobby');
  if (!template) throw new Error('no standard-lobby template');
  const outcome = writeSession(existing, template, { ref, body, principal, grant: { via: 'direct' }, now: 0 }, seededIds('frozen'));
  if (!('session' in outcome)) throw new Error(`the write made no session: ${outcome.kind}`);
  return outcome.session;
}

const isDeepFrozen = (value: unknown): boolean =>
  value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(isDeepFrozen));

/**
 * Constants never change once set (a write that changes them is 409): the emulator freezes them, so a
 * write's copy of its session shares them instead of copying, and their rendered text can be kept.
 */
describe('emulator: constants are frozen once set, and shared by every later version', () => {
  it('freezes the session constants and each member constants, all the way down', () => {
    const session = write(undefined, {
      constants: { custom: { mode: { teams: [1, 2] } } },
      members: { me: { constants: { custom: { skill: { mu: 25 } } }, properties: { system: { active: true } } } },
    });
    expect(isDeepFrozen(session.constants), 'session constants').to.equal(true);
    expect(isDeepFrozen(session.members[0].constants), 'member constants').to.equal(true);
    expect(Object.isFrozen(session.properties), 'properties change: never frozen').to.equal(false);
  });

  it('a later write shares the constants of the version before and copies the rest', () => {
    const first = write(undefined, { members: { me: { properties: { system: { active: true } } } } });
    const second = write(first, { members: { me: { properties: { custom: { round: 2 } } } } });
    expect(second.changeNumber).to.equal(first.changeNumber + 1);
    expect(second.constants).to.equal(first.constants);
    expect(second.members[0].constants).to.equal(first.members[0].constants);
    expect(second.properties).to.not.equal(first.properties);
    expect(second.members[0].properties).to.not.equal(first.members[0].properties);
    expect(first.members[0].properties.custom, 'the stored version is untouched').to.deep.equal({});
  });

  it('a member who joins later gets frozen constants too, and a reservation does', () => {
    const reserving = write(undefined, {
      members: { me: { properties: { system: { active: true } } }, reserve_0: { constants: { system: { xuid: XUID.bob } } } },
    });
    const reserved = reserving.members.find((m) => m.xuid === XUID.bob);
    expect(reserved?.reserved).to.equal(true);
    expect(isDeepFrozen(reserved?.constants), 'reserved').to.equal(true);
    const first = write(undefined, { members: { me: { properties: { system: { active: true } } } } });
    const joined = write(
      first,
      { members: { me: { constants: { custom: { a: { b: 1 } } }, properties: { system: { active: true } } } } },
      bob,
    );
    const member = joined.members.find((m) => m.xuid === XUID.bob);
    expect(member?.constants.custom).to.deep.equal({ a: { b: 1 } });
    expect(isDeepFrozen(member?.constants), 'joined').to.equal(true);
  });

  it('clone copies what is not frozen and shares what is', () => {
    const frozen = freezeDeep({ a: [1, { b: 2 }] });
    const value = { frozen, open: { c: [3] } };
    const copy = clone(value);
    expect(copy).to.deep.equal(value);
    expect(copy.frozen).to.equal(frozen);
    expect(copy.open).to.not.equal(value.open);
    expect(copy.open.c).to.not.equal(value.open.c);
  });
});
