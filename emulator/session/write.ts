import type { Principal } from '../auth';
import { MpsdError } from '../errors';
import type { IdSource } from '../ids';
import { type Json, type Session, type SessionRef, clone, isObject } from '../model';
import type { Template } from '../templates';
import { type Grant, assertCanWrite, memberOf } from './access';
import { deepEqual, emptyBag, mergeBag } from './bags';
import { applyMembers, isActive, isReady } from './members';

/** What a PUT body may hold: everything else is prohibited (section 4). */
const WRITABLE_KEYS = ['constants', 'properties', 'members', 'servers', 'roleTypes'];

export interface WriteRequest {
  ref: SessionRef;
  body: Json;
  principal: Principal;
  grant: Grant;
  now: number;
}

export type WriteOutcome =
  | { kind: 'created' | 'updated' | 'unchanged'; session: Session; left: string[]; wentInactive: string[] }
  | { kind: 'deleted' | 'not-created'; left: string[]; wentInactive: string[] };

/** Apply a PUT to a session (or create it from the template). Pure: returns the new state, stores nothing. */
export function writeSession(existing: Session | undefined, template: Template, request: WriteRequest, ids: IdSource): WriteOutcome {
  const { body, principal, grant, now } = request;
  const prohibited = Object.keys(body).filter((k) => !WRITABLE_KEYS.includes(k));
  if (prohibited.length > 0) {
    throw new MpsdError(400, `The request contains the prohibited field '${prohibited[0]}': a PUT may only write ${WRITABLE_KEYS.join(', ')}.`);
  }
  if (existing) {
    const joining = isObject(body.members) && isObject(body.members.me) && !memberOf(existing, principal.xuid);
    assertCanWrite(existing, principal, grant, joining);
  }
  const session = existing ? clone(existing) : newSession(request.ref, template, body, ids, now);
  if (existing) assertConstantsUnchanged(existing, body.constants);

  const activeBefore = new Set(session.members.filter((m) => isActive(m) || isReady(m)).map((m) => m.xuid));
  const left = applyMembers(session, body.members, principal, now);
  if (body.properties !== undefined) {
    // On a create the writer is not a member yet: an empty create is simply not made (below).
    if (existing && !principal.server && !memberOf(session, principal.xuid)) throw new MpsdError(403, 'Only members of the session can write its properties.');
    mergeBag(session.properties, body.properties, 'properties');
  }
  applyServers(session, body.servers, principal);
  const wentInactive = session.members.filter((m) => activeBefore.has(m.xuid) && !isActive(m) && !isReady(m)).map((m) => m.xuid);

  if (session.members.length === 0 && session.constants.system.sessionEmptyTimeout === 0) {
    // A PUT that leaves the session empty deletes it; a create with no member never makes it (section 1.4, 204).
    return { kind: existing ? 'deleted' : 'not-created', left, wentInactive };
  }
  session.emptySince = session.members.length === 0 ? (existing?.emptySince ?? now) : undefined;
  if (existing && deepEqual(withoutVersion(existing), withoutVersion(session))) {
    return { kind: 'unchanged', session: existing, left, wentInactive }; // idempotent: no new change number
  }
  if (existing) newVersion(session, ids);
  return { kind: existing ? 'updated' : 'created', session, left, wentInactive };
}

function newSession(ref: SessionRef, template: Template, body: Json, ids: IdSource, now: number): Session {
  const constants = clone(template.constants);
  if (body.constants !== undefined) {
    const requested = emptyBag();
    mergeBag(requested, body.constants, 'constants');
    for (const part of ['system', 'custom'] as const) {
      for (const [key, value] of Object.entries(requested[part])) {
        if (key in constants[part] && !deepEqual(constants[part][key], value)) {
          throw new MpsdError(409, `constants.${part}.${key} conflicts with the template, whose constants cannot be overridden.`);
        }
        constants[part][key] = value;
      }
    }
  }
  // Defaults of section 5.2 for what neither the template nor the request set.
  constants.system.visibility ??= 'open';
  constants.system.maxMembersCount ??= 100;
  if (!('sessionEmptyTimeout' in constants.system)) constants.system.sessionEmptyTimeout = 0;
  const session: Session = {
    ref: { ...ref },
    branch: ids.guid(),
    changeNumber: 1,
    correlationId: ids.guid(),
    startTime: now,
    constants,
    properties: emptyBag(),
    members: [],
    nextIndex: 0,
    servers: {},
    etag: etag(ids),
  };
  if (body.roleTypes !== undefined) {
    if (!isObject(body.roleTypes)) throw new MpsdError(400, 'roleTypes must be an object.');
    session.roleTypes = clone(body.roleTypes);
  }
  return session;
}

function assertConstantsUnchanged(existing: Session, constants: unknown): void {
  if (constants === undefined) return;
  const merged = clone(existing.constants);
  mergeBag(merged, constants, 'constants');
  if (!deepEqual(merged, existing.constants)) {
    throw new MpsdError(409, 'Constants can only be set when the session is created; this request changes them.');
  }
}

function applyServers(session: Session, servers: unknown, principal: Principal): void {
  if (servers === undefined) return;
  if (!principal.server) throw new MpsdError(403, "Only a server principal can write 'servers'.");
  if (!isObject(servers)) throw new MpsdError(400, "'servers' must be an object keyed by server name.");
  for (const [name, entry] of Object.entries(servers)) {
    if (entry === null) {
      delete session.servers[name];
      continue;
    }
    const target = session.servers[name] ?? { constants: emptyBag(), properties: emptyBag() };
    if (!isObject(entry)) throw new MpsdError(400, `servers.${name} must be an object or null.`);
    mergeBag(target.constants, entry.constants, `servers.${name}.constants`);
    mergeBag(target.properties, entry.properties, `servers.${name}.properties`);
    session.servers[name] = target;
  }
}

function withoutVersion(session: Session): unknown {
  const { etag: _etag, changeNumber: _changeNumber, ...rest } = session;
  return rest;
}

/** Every change to a stored session: the next change number and a new ETag. */
export function newVersion(session: Session, ids: IdSource): void {
  session.changeNumber += 1;
  session.etag = etag(ids);
}

/** ETags are opaque; the docs show bare upper-case GUIDs (section 1.3), so do we (see DECISIONS.md). */
export function etag(ids: IdSource): string {
  return ids.guid().toUpperCase();
}
