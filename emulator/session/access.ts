import type { Principal } from '../auth';
import { MESSAGES, MpsdError } from '../errors';
import type { Handle, Session } from '../model';
import { hasCapability } from './bags';

/** How the caller reached the session: the direct URI, or a handle (which can grant extra access, section 3.5). */
export type Grant = { via: 'direct' } | { via: 'handle'; handle: Handle; originMember: boolean };

export function memberOf(session: Session, xuid: string | undefined) {
  return xuid === undefined ? undefined : session.members.find((m) => m.xuid === xuid);
}

const visibility = (s: Session) => String(s.constants.system.visibility ?? 'open').toLowerCase();
const restriction = (s: Session, key: 'joinRestriction' | 'readRestriction') => {
  const set = s.properties.system[key];
  if (typeof set === 'string') return set.toLowerCase();
  return hasCapability(s, 'userAuthorizationStyle') ? 'local' : 'none';
};
export const isClosed = (s: Session) => s.properties.system.closed === true;
export const isLocked = (s: Session) => s.properties.system.locked === true;

/** The MPSD text for a caller a restriction keeps out (quoted by live clients). */
export const RESTRICTED =
  "The user must be a member of the session if the session either isn't open or has a join restriction on it that the user doesn't satisfy.";

/** Whether the caller satisfies a restriction: none admits anyone, followed admits whom a member follows, local nobody directly. */
function satisfies(session: Session, principal: Principal, key: 'joinRestriction' | 'readRestriction'): boolean {
  const rule = restriction(session, key);
  if (rule === 'none') return true;
  // "an existing (not reserved) member" follows the caller (docs/protocol.md 5.3; DECISIONS N7).
  return rule === 'followed' && session.members.some((m) => !m.reserved && principal.followers?.has(m.xuid));
}

/** An invite handle stands in for a reservation of the invited user (section 2.1). */
function invited(principal: Principal, grant: Grant): boolean {
  return grant.via === 'handle' && grant.handle.type === 'invite' && grant.handle.invitedXuid === principal.xuid;
}

export function canRead(session: Session, principal: Principal, grant: Grant): boolean {
  if (principal.server || memberOf(session, principal.xuid) || invited(principal, grant)) return true;
  if (grant.via === 'handle' && grant.handle.type === 'transfer' && grant.originMember) return true;
  if (visibility(session) === 'private') return false;
  // Handles let a caller past a `local` read restriction (section 6.4); the direct URI does not.
  return satisfies(session, principal, 'readRestriction') || grant.via === 'handle';
}

export function assertCanRead(session: Session, principal: Principal, grant: Grant): void {
  if (!canRead(session, principal, grant)) throw new MpsdError(403, MESSAGES.privateSession);
}

/**
 * Throws 403 when the caller may not write. `joining` is true when the write would add the caller.
 * The caller of this function turns the 403 into a session body when the caller can still read.
 */
export function assertCanWrite(session: Session, principal: Principal, grant: Grant, joining: boolean): void {
  if (principal.server) return;
  if (grant.via === 'handle') {
    const { handle } = grant;
    if (handle.type === 'invite' && isClosed(session))
      throw new MpsdError(403, 'The session is closed: an invite handle gives read-only access to a closed session.');
    if (handle.type === 'transfer' && !grant.originMember)
      throw new MpsdError(403, 'A transfer handle can only be used by members of its origin session.');
  }
  const member = memberOf(session, principal.xuid);
  if (member) return;
  if (!joining) throw new MpsdError(403, 'Only members of the session can write it; join with members.me first.');
  // A locked session keeps its places for the members who left: they come back, nobody else takes one (N13).
  if (isLocked(session)) {
    if (principal.xuid !== undefined && session.departed?.includes(principal.xuid)) return;
    throw new MpsdError(403, 'The session is locked: only members who left it can come back.');
  }
  if (isClosed(session)) throw new MpsdError(403, 'The session is closed to joining.');
  if (invited(principal, grant) || (grant.via === 'handle' && grant.handle.type === 'transfer')) return;
  if (visibility(session) !== 'open') throw new MpsdError(403, `The session is ${visibility(session)}: only reserved users can join it.`);
  if (!satisfies(session, principal, 'joinRestriction') && grant.via === 'direct') throw new MpsdError(403, RESTRICTED);
}
