import type { Principal } from '../auth';
import { MpsdError } from '../errors';
import type { IdSource } from '../ids';
import { clone, type Json, type Session, type SessionRef } from '../model';
import type { Template } from '../templates';
import { assertCanWrite, canRead, type Grant, memberOf } from './access';
import { copyBag, deepEqual, emptyBag, mergeBag, ownValue, setKey } from './bags';
import { type CheckedRequest, checkRequest } from './check-request';
import { dropOrphanHost } from './host';
import { advanceInitialization, evaluate, startInitialization } from './initialization';
import { applyMembers, isActive, isReady } from './members';
import { etag, keepsNull, newSession } from './new-session';
import { assertMayWriteProperties, assertOwnersAllowed, ownerIndices, settleOwners } from './ownership';
import { updateRoleTypes } from './roles';
import { assertSessionShape } from './shape-rules';
import { stampStatusChanges } from './timers';

export interface WriteRequest {
  ref: SessionRef;
  body: Json;
  principal: Principal;
  grant: Grant;
  now: number;
  /** The correlationId of this session's previous life, when it was emptied and is started again. */
  correlationId?: string;
}

export type WriteOutcome =
  | { kind: 'created' | 'updated' | 'unchanged'; session: Session; left: string[]; wentInactive: string[] }
  | { kind: 'deleted' | 'not-created'; left: string[]; wentInactive: string[] };

/**
 * Apply a PUT to a session (or create it from the template). Pure: the whole body is checked first,
 * the work happens on a copy, and the caller stores the result only once it has rendered it.
 */
export function writeSession(existing: Session | undefined, template: Template, write: WriteRequest, ids: IdSource): WriteOutcome {
  const { principal, grant, now } = write;
  const request = checkRequest(write.body);
  if (existing) {
    const member = memberOf(existing, principal.xuid);
    if (!member && isLeavingOnly(write.body, request)) {
      // Leaving twice is a no-op, not an error (section 4: the same deltas again change nothing).
      if (!canRead(existing, principal, grant)) throw new MpsdError(403, 'Only members of the session can write it.');
      return { kind: 'unchanged', session: existing, left: [], wentInactive: [] };
    }
    assertCanWrite(existing, principal, grant, request.me !== undefined && request.me !== null && !member);
  }
  const session = existing
    ? { ...clone(existing), ref: existing.ref }
    : newSession(write.ref, template, request, ids, now, write.correlationId);
  if (existing) {
    assertConstantsUnchanged(existing, request);
    if (request.roleTypes) updateRoleTypes(session, request.roleTypes);
  }
  const activeBefore = new Set(session.members.filter((m) => isActive(m) || isReady(m)).map((m) => m.xuid));
  if (existing) assertMayWriteProperties(existing, request.properties?.system, principal);
  const left = applyMembers(session, request, principal, now, existing);
  if (left.length > 0) session.departed = [...new Set([...(session.departed ?? []), ...left])];
  if (request.properties) {
    // On a create the writer is not a member yet: an empty create is simply not made (below).
    if (existing && !principal.server && !memberOf(session, principal.xuid))
      throw new MpsdError(403, 'Only members of the session can write its properties.');
    mergeBag(session.properties, request.properties);
    delete session.properties.system.initializationSucceeded; // point in time: consumed, never stored (section 4)
  }
  applyServers(session, request.servers, principal);
  assertOwnersAllowed(session);
  left.push(...settleOwners(session, existing ? undefined : principal.xuid, existing !== undefined && ownerIndices(existing).length > 0));
  assertSessionShape(session, existing ? undefined : { creator: principal.server ? undefined : principal.xuid });
  stampStatusChanges(existing, session, now);
  dropOrphanHost(session);
  if (!existing) startInitialization(session, now);
  const verdict = request.properties?.system?.initializationSucceeded;
  if (typeof verdict === 'boolean') evaluate(session, verdict, now);
  advanceInitialization(session, now);
  const wentInactive = session.members.filter((m) => activeBefore.has(m.xuid) && !isActive(m) && !isReady(m)).map((m) => m.xuid);

  if (session.members.length === 0 && session.constants.system.sessionEmptyTimeout === 0) {
    // A PUT that leaves the session empty deletes it; a create with no member never makes it (section 1.4, 204).
    return { kind: existing ? 'deleted' : 'not-created', left, wentInactive };
  }
  session.emptySince = session.members.length === 0 ? (existing?.emptySince ?? now) : undefined;
  if (existing && sameButVersion(existing, session)) {
    return { kind: 'unchanged', session: existing, left, wentInactive }; // idempotent: no new change number
  }
  if (existing) newVersion(session, ids);
  return { kind: existing ? 'updated' : 'created', session, left, wentInactive };
}

function isLeavingOnly(body: Json, request: CheckedRequest): boolean {
  return request.me === null && Object.keys(body).length === 1 && request.reservations.length === 0 && request.deletions.length === 0;
}

/** Constants are set at creation; restating the stored values is fine, changing them is 409 (section 4). */
function assertConstantsUnchanged(existing: Session, request: CheckedRequest): void {
  if (!request.constants) return;
  const merged = copyBag(existing.constants);
  mergeBag(merged, request.constants, keepsNull);
  if (!deepEqual(merged, existing.constants)) {
    throw new MpsdError(409, 'Constants can only be set when the session is created; this request changes them.');
  }
}

function applyServers(session: Session, servers: CheckedRequest['servers'], principal: Principal): void {
  if (!servers) return;
  if (!principal.server) throw new MpsdError(403, "Only a server principal can write 'servers'.");
  for (const { name, entry } of servers) {
    if (entry === null) {
      delete session.servers[name];
      continue;
    }
    const target = (ownValue(session.servers, name) as Session['servers'][string] | undefined) ?? {
      constants: emptyBag(),
      properties: emptyBag(),
    };
    mergeBag(target.constants, entry.constants);
    mergeBag(target.properties, entry.properties);
    setKey(session.servers, name, target);
  }
}

/**
 * Whether a write changed nothing but what every write changes. Most writes change a member or the
 * properties: compared first, they end the walk before the constants, the largest bag, are read.
 */
function sameButVersion(a: Session, b: Session): boolean {
  return deepEqual(a.members, b.members) && deepEqual(a.properties, b.properties) && deepEqual(withoutVersion(a), withoutVersion(b));
}

/** A session's fields but what every write changes and what sameButVersion compares first (a module function: no closure per write). */
function withoutVersion(session: Session): Partial<Session> {
  const { etag: _etag, changeNumber: _changeNumber, members: _members, properties: _properties, ...rest } = session;
  return rest;
}

/** Every change to a stored session: the next change number and a new ETag. */
export function newVersion(session: Session, ids: IdSource): void {
  session.changeNumber += 1;
  session.etag = etag(ids);
}

export { etag };
