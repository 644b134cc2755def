import type { Principal } from '../auth';
import { MESSAGES, MpsdError } from '../errors';
import { type Json, type Member, type Session, isObject } from '../model';
import { deepEqual, emptyBag, hasCapability, mergeBag } from './bags';

export const isLarge = (s: Session) => hasCapability(s, 'large');
export const isActive = (m: Member) => m.properties.system.active === true;
export const isReady = (m: Member) => m.properties.system.ready === true;

/** Apply `members` of a PUT body (section 4, "Member keys"). Returns the xuids that left. */
export function applyMembers(session: Session, members: unknown, principal: Principal, now: number): string[] {
  if (members === undefined) return [];
  if (!isObject(members)) throw new MpsdError(400, "'members' must be an object keyed by me, reserve_N or a member index.");
  const left: string[] = [];
  let reserveIndex = 0;
  for (const [key, value] of Object.entries(members)) {
    if (key === 'me') {
      if (!principal.xuid) throw new MpsdError(400, 'members.me needs a user principal with a xuid claim.');
      if (value === null) {
        if (removeMember(session, (m) => m.xuid === principal.xuid)) left.push(principal.xuid);
      } else upsertCaller(session, value, principal, now);
    } else if (/^reserve_\d+$/.test(key)) {
      // Indices start at 0 in every request and users are appended in order (section 4).
      if (key !== `reserve_${reserveIndex++}`) throw new MpsdError(400, `Reservations must be numbered reserve_0, reserve_1, ... in order; found '${key}'.`);
      if (isLarge(session)) throw new MpsdError(409, 'Large sessions accept no reservations: only members.me can be written.');
      reserve(session, key, value, now);
    } else if (/^\d+$/.test(key)) {
      if (isLarge(session)) throw new MpsdError(409, 'Large sessions do not allow removing other members.');
      if (!principal.server) throw new MpsdError(403, MESSAGES.serverOnlyMembers);
      if (value !== null) throw new MpsdError(400, `members.${key} can only be null (delete the member at that index).`);
      const gone = session.members.find((m) => m.index === Number(key));
      if (gone && removeMember(session, (m) => m === gone)) left.push(gone.xuid);
    } else {
      throw new MpsdError(400, `Unknown member key '${key}': use me, reserve_N or a member index.`);
    }
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

function upsertCaller(session: Session, body: unknown, principal: Principal, now: number): void {
  if (!isObject(body)) throw new MpsdError(400, 'members.me must be an object or null.');
  const xuid = principal.xuid as string;
  let member = session.members.find((m) => m.xuid === xuid);
  if (!member) {
    assertNotFull(session);
    member = { index: session.nextIndex++, xuid, constants: emptyBag(), properties: emptyBag(), reserved: false, joinTime: now };
    mergeBag(member.constants, body.constants, 'members.me.constants');
    session.members.push(member);
  } else {
    if (member.reserved) {
      member.reserved = false; // the first PUT by a reserved member accepts the reservation
      member.joinTime = now;
    }
    assertConstantsUnchanged(member, body.constants);
  }
  member.gamertag = principal.gamertag;
  member.titleId = principal.titleId;
  mergeBag(member.properties, body.properties, 'members.me.properties');
  if (body.roles !== undefined) {
    if (!isObject(body.roles)) throw new MpsdError(400, 'members.me.roles must map role types to role names.');
    member.roles = { ...(member.roles ?? {}), ...(body.roles as Record<string, string>) };
  }
  if (isActive(member) && isReady(member)) throw new MpsdError(400, 'A member cannot be both active and ready: set one of them, or neither to be inactive.');
}

function assertConstantsUnchanged(member: Member, constants: unknown): void {
  if (constants === undefined) return;
  const merged = structuredClone(member.constants);
  mergeBag(merged, constants, 'members.me.constants');
  if (!deepEqual(merged, member.constants)) throw new MpsdError(409, 'Member constants are set when the member joins and cannot change afterwards.');
}

function reserve(session: Session, key: string, body: unknown, now: number): void {
  const system = isObject(body) && isObject(body.constants) && isObject(body.constants.system) ? body.constants.system : undefined;
  const xuid = system?.xuid;
  if (typeof xuid !== 'string' || !/^\d{1,20}$/.test(xuid)) throw new MpsdError(400, `members.${key}.constants.system.xuid must be a decimal xuid string.`);
  if (session.members.some((m) => m.xuid === xuid)) return; // already a member or reserved: nothing to do
  assertNotFull(session);
  const member: Member = { index: session.nextIndex++, xuid, constants: emptyBag(), properties: emptyBag(), reserved: true, joinTime: now };
  mergeBag(member.constants, (body as Json).constants, `members.${key}.constants`);
  session.members.push(member);
}
