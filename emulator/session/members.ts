import type { Principal } from '../auth';
import { MESSAGES, MpsdError } from '../errors';
import { freezeDeep, type Member, type Session } from '../model';
import { copyBag, deepEqual, emptyBag, hasCapability, mergeBag, setKey } from './bags';
import type { CheckedRequest } from './check-request';
import { actsAsOwner, assertMayRemoveMembers, assertMayTakeRole, isOwned } from './ownership';
import { assertRolesAllowed } from './roles';

export const isLarge = (s: Session) => hasCapability(s, 'large');
export const isActive = (m: Member) => m.properties.system.active === true;
export const isReady = (m: Member) => m.properties.system.ready === true;

/** Where a member stands: reserved until its first write, then active, ready (the two exclude each other) or inactive. */
export type MemberStatus = 'reserved' | 'active' | 'ready' | 'inactive';
export const memberStatus = (m: Member): MemberStatus =>
  m.reserved ? 'reserved' : isActive(m) ? 'active' : isReady(m) ? 'ready' : 'inactive';

/** Apply the member keys of a checked PUT (section 4, "Member keys"). Returns the xuids that left. */
export function applyMembers(session: Session, request: CheckedRequest, principal: Principal, now: number, existing?: Session): string[] {
  const left: string[] = [];
  if (request.me !== undefined) {
    if (!principal.xuid) throw new MpsdError(400, 'members.me needs a user principal with a xuid claim.');
    if (request.me === null) {
      if (removeMember(session, (m) => m.xuid === principal.xuid)) left.push(principal.xuid);
    } else upsertCaller(session, request.me, principal, now, existing ? actsAsOwner(existing, principal) : isOwned(session));
  }
  for (const reservation of request.reservations) {
    if (isLarge(session)) throw new MpsdError(409, 'Large sessions accept no reservations: only members.me can be written.');
    reserve(session, reservation, now);
  }
  for (const index of request.deletions) {
    if (isLarge(session)) throw new MpsdError(409, 'Large sessions do not allow removing other members.');
    // A server, or an owner of an owned session, removes members (DECISIONS N3).
    assertMayRemoveMembers(existing, principal, MESSAGES.serverOnlyMembers);
    const gone = session.members.find((m) => m.index === index);
    if (gone && removeMember(session, (m) => m === gone)) left.push(gone.xuid);
  }
  return left;
}

function removeMember(session: Session, which: (m: Member) => boolean): boolean {
  const before = session.members.length;
  session.members = session.members.filter((m) => !which(m));
  return session.members.length < before;
}

function assertNotFull(session: Session): void {
  const max = Number(session.constants.system.maxMembersCount ?? 100);
  if (session.members.length >= max) throw new MpsdError(403, `The session is full (maxMembersCount ${max}).`);
}

/**
 * A member is who the token says: the xuid a request writes in members.me.constants.system is not the
 * member's identity and never an error (live sub-account joins send another user's; DECISIONS N16).
 */
function withoutClaimedXuid(delta: NonNullable<CheckedRequest['me']>['constants']) {
  if (!delta?.system || !Object.hasOwn(delta.system, 'xuid')) return delta;
  const { xuid: _claimed, ...system } = delta.system;
  return { ...delta, system };
}

/** A new member's constants: what the request sets, with the caller's xuid (section 5.4.1). */
function newConstants(xuid: string, delta: NonNullable<CheckedRequest['me']>['constants']) {
  const constants = emptyBag();
  mergeBag(constants, withoutClaimedXuid(delta));
  setKey(constants.system, 'xuid', xuid);
  return freezeDeep(constants);
}

function upsertCaller(session: Session, me: NonNullable<CheckedRequest['me']>, principal: Principal, now: number, byOwner: boolean): void {
  const xuid = principal.xuid as string;
  let member = session.members.find((m) => m.xuid === xuid);
  if (!member) {
    assertNotFull(session);
    member = {
      index: session.nextIndex++,
      xuid,
      constants: newConstants(xuid, me.constants),
      properties: emptyBag(),
      reserved: false,
      joinTime: now,
    };
    session.members.push(member);
  } else {
    if (member.reserved) {
      member.reserved = false; // the first PUT by a reserved member accepts the reservation
      member.joinTime = now;
    }
    assertConstantsUnchanged(member, me.constants);
  }
  member.gamertag = principal.gamertag;
  member.titleId = principal.titleId;
  mergeBag(member.properties, withSubscriptionsMerged(member, me.properties));
  // Point-in-time fields are consumed, never stored (section 4).
  delete member.properties.system.encounters;
  if (me.roles) {
    const roles = { ...(member.roles ?? {}) };
    for (const [type, name] of Object.entries(me.roles)) {
      if (roles[type] !== name) assertMayTakeRole(session, type, byOwner);
      setKey(roles, type, name);
    }
    assertRolesAllowed(session, member, roles);
    member.roles = roles;
  }
  if (isActive(member) && isReady(member))
    throw new MpsdError(400, 'A member cannot be both active and ready: set one of them, or neither to be inactive.');
}

/**
 * The legacy `subscriptions` map is the one system field merged per key, not replaced whole; a null
 * value removes its key (section 4). The merged map then replaces the stored one like any system field.
 */
function withSubscriptionsMerged(member: Member, delta: NonNullable<CheckedRequest['me']>['properties']) {
  const sent = delta?.system?.subscriptions;
  if (!delta?.system || sent === undefined || sent === null) return delta;
  const merged: Record<string, unknown> = { ...((member.properties.system.subscriptions as Record<string, unknown> | undefined) ?? {}) };
  for (const [key, value] of Object.entries(sent as Record<string, unknown>)) {
    if (value === null) delete merged[key];
    else setKey(merged, key, value);
  }
  return { ...delta, system: { ...delta.system, subscriptions: merged } };
}

/** Restating constants with the values they already have is fine (XSAPI sends them on rejoin); changing them is 409. */
function assertConstantsUnchanged(member: Member, delta: NonNullable<CheckedRequest['me']>['constants']): void {
  if (!delta) return;
  const merged = copyBag(member.constants);
  mergeBag(merged, withoutClaimedXuid(delta));
  if (!deepEqual(merged, member.constants))
    throw new MpsdError(409, 'Member constants are set when the member joins and cannot change afterwards.');
}

function reserve(session: Session, reservation: CheckedRequest['reservations'][number], now: number): void {
  if (session.members.some((m) => m.xuid === reservation.xuid)) return; // already a member or reserved: nothing to do
  assertNotFull(session);
  const constants = emptyBag();
  mergeBag(constants, reservation.constants);
  session.members.push({
    index: session.nextIndex++,
    xuid: reservation.xuid,
    constants: freezeDeep(constants),
    properties: emptyBag(),
    reserved: true,
    joinTime: now,
  });
}
