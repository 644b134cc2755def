import type { Principal } from './auth';
import { MpsdError } from './errors';
import type { Handle, Session } from './model';
import { memberOf } from './session/access';
import { hasCapability, ownValue } from './session/bags';
import { isActive } from './session/members';

/**
 * Who may create and delete handles (docs/protocol.md 2.1; DECISIONS H17-H19). Creating a handle is an
 * authorized act: a stranger must not be able to mint access to someone else's session.
 */

/** The live service's words, quoted by public clients that hit it. */
export const OWNER_NOT_ACTIVE = "The owner isn't active in the referenced session.";

/** The xuids of the session's owners, when it has the hasOwners capability and names some. */
function owners(session: Session): string[] {
  const indices = ownValue(session.properties.system, 'owners');
  if (!hasCapability(session, 'hasOwners') || !Array.isArray(indices)) return [];
  return session.members.filter((m) => indices.includes(m.index)).map((m) => m.xuid);
}

/** Refuse, with 403, a handle the caller may not create. `session` and `origin` as loaded now (undefined: none). */
export function assertMayCreate(handle: Handle, principal: Principal, session: Session | undefined, origin: Session | undefined): void {
  if (principal.server) return;
  const xuid = principal.xuid;
  if (handle.type === 'activity') {
    const member = session ? memberOf(session, xuid) : undefined;
    if (!member || !isActive(member)) throw new MpsdError(403, OWNER_NOT_ACTIVE);
  }
  if (handle.type === 'invite') {
    if (!session || !memberOf(session, xuid)) throw new MpsdError(403, 'Only members of the session can invite to it.');
    const allowed = owners(session);
    const policies = ownValue(session.constants.system, 'ownershipPolicies') as { allowNonOwnerInviteHandles?: boolean } | undefined;
    if (allowed.length > 0 && !allowed.includes(xuid as string) && policies?.allowNonOwnerInviteHandles !== true) {
      throw new MpsdError(403, 'Only an owner of the session can invite to it (ownershipPolicies.allowNonOwnerInviteHandles is not set).');
    }
  }
  if (handle.type === 'transfer' && (!origin || !memberOf(origin, xuid)))
    throw new MpsdError(403, 'A transfer handle can only be created by a member of its origin session.');
}

/** Only the handle's owner may delete it; a member of the session may delete its search handle; a server may delete any. */
export function assertMayDelete(handle: Handle, principal: Principal, session: Session | undefined): void {
  if (principal.server || (handle.creatorXuid !== undefined && handle.creatorXuid === principal.xuid)) return;
  if (handle.type === 'search' && session && memberOf(session, principal.xuid)) return;
  throw new MpsdError(403, `Only the owner of a ${handle.type} handle can delete it.`);
}
