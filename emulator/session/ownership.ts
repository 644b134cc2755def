import type { Principal } from '../auth';
import { MpsdError } from '../errors';
import type { Json, Session } from '../model';
import { hasCapability, ownValue, setKey } from './bags';

/**
 * Owner-based security (the `hasOwners` capability, DECISIONS N3-N6). Owners are the member indices in
 * `properties.system.owners`. On a session without `hasOwners` nobody is an owner and nothing here applies.
 */

interface Policies {
  migration?: string;
  nonOwnerModifiableSystemProperties?: string[];
}

const policiesOf = (session: Session): Policies => (ownValue(session.constants.system, 'ownershipPolicies') as Policies | undefined) ?? {};

export const isOwned = (session: Session): boolean => hasCapability(session, 'hasOwners');

export function ownerIndices(session: Session): number[] {
  const owners = ownValue(session.properties.system, 'owners');
  return isOwned(session) && Array.isArray(owners) ? (owners as number[]) : [];
}

/** Whether the caller acts as an owner: a server always does; a user when an owned session lists their index. */
export function actsAsOwner(session: Session, principal: Principal): boolean {
  if (principal.server) return true;
  const member = session.members.find((m) => m.xuid === principal.xuid && !m.reserved);
  return member !== undefined && ownerIndices(session).includes(member.index);
}

/**
 * A non-owner may write only the system properties the session lists in
 * `ownershipPolicies.nonOwnerModifiableSystemProperties`; `owners`, `joinRestriction` and the rest are the owners'.
 */
export function assertMayWriteProperties(existing: Session, system: Json | undefined, principal: Principal): void {
  if (!system || !isOwned(existing) || actsAsOwner(existing, principal)) return;
  const allowed = (policiesOf(existing).nonOwnerModifiableSystemProperties ?? []).map((k) => k.toLowerCase());
  const refused = Object.keys(system).find((key) => !allowed.includes(key.toLowerCase()));
  if (refused !== undefined) {
    throw new MpsdError(
      403,
      `Only an owner of the session can change properties.system.${refused} (ownershipPolicies.nonOwnerModifiableSystemProperties does not list it).`,
    );
  }
}

/** `owners` belongs to sessions with the hasOwners capability: anywhere else it is 400 (the harness's bookkeeping check agrees). */
export function assertOwnersAllowed(session: Session): void {
  if (ownValue(session.properties.system, 'owners') !== undefined && !isOwned(session)) {
    throw new MpsdError(400, 'properties.system.owners needs the hasOwners capability in constants.system.capabilities.');
  }
}

/** Who may remove another member by index: a server principal, or an owner of an owned session. */
export function assertMayRemoveMembers(existing: Session | undefined, principal: Principal, message: string): void {
  if (principal.server) return;
  if (!existing || !isOwned(existing) || !actsAsOwner(existing, principal)) throw new MpsdError(403, message);
}

/** A role type marked `ownerManaged` is handed out by owners only: a non-owner cannot take one. */
export function assertMayTakeRole(session: Session, type: string, byOwner: boolean): void {
  const declared = ownValue((session.roleTypes ?? {}) as Json, type) as { ownerManaged?: boolean } | undefined;
  if (declared?.ownerManaged === true && !byOwner) {
    throw new MpsdError(403, `The role type ${type} is ownerManaged: only an owner of the session can assign its roles.`);
  }
}

/**
 * After a write: the creator of an owned session is its first owner when the create names none; owners
 * who left drop out of the list; when the last owner has left, `ownershipPolicies.migration` decides:
 * `endsession` (the default) ends the session for everyone, `oldest` hands ownership to the member who
 * joined first.
 */
export function settleOwners(session: Session, creatorXuid: string | undefined, hadOwners: boolean): string[] {
  if (!isOwned(session)) return [];
  const present = session.members.filter((m) => !m.reserved);
  if (!hadOwners && ownValue(session.properties.system, 'owners') === undefined) {
    const creator = present.find((m) => m.xuid === creatorXuid);
    if (creator) setKey(session.properties.system, 'owners', [creator.index]);
    return [];
  }
  const kept = ownerIndices(session).filter((index) => present.some((m) => m.index === index));
  if (kept.length > 0 || !hadOwners) {
    if (kept.length !== ownerIndices(session).length) setKey(session.properties.system, 'owners', kept);
    return [];
  }
  if (String(policiesOf(session).migration ?? 'endsession').toLowerCase() === 'oldest' && present.length > 0) {
    const oldest = present.reduce((a, b) => (b.joinTime < a.joinTime || (b.joinTime === a.joinTime && b.index < a.index) ? b : a));
    setKey(session.properties.system, 'owners', [oldest.index]);
    return [];
  }
  const ended = session.members.map((m) => m.xuid);
  session.members = []; // endsession: the last owner took the session with them
  delete session.properties.system.owners;
  return ended;
}
