import { MESSAGES, MpsdError } from '../errors';
import { parseHandleRequest, renderHandle } from '../handle-documents';
import { assertMayCreate, assertMayDelete } from '../handle-permissions';
import { type Handle, isGuid } from '../model';
import type { Reply } from '../reply';
import { memberOf } from '../session/access';
import { hasCapability } from '../session/bags';
import { newVersion } from '../session/write';
import { type EmulatorState, loadSession } from '../state';
import { findTemplate } from '../templates';
import { type Call, jsonBody } from './call';
import { getSession, putSession, type Target } from './sessions';

/** Look up a handle by id: a malformed id is 400, an unknown one 404 (sections 3.2, 3.4). */
function findHandle(state: EmulatorState, id: string): Handle {
  // An id that is not a GUID is an invalid URI: 404 like an unknown handle (section 1.4; DECISIONS H4).
  if (!isGuid(id)) throw new MpsdError(404, `The handle id '${String(id).slice(0, 100)}' is not a GUID, so no handle has it.`);
  const handle = state.store.getHandle(id);
  if (!handle) throw new MpsdError(404, MESSAGES.handleNotFound);
  return handle;
}

/** POST /handles: 201 with the handle JSON for every type (section 3.1, [I]). */
export function createHandle(state: EmulatorState, call: Call): Reply {
  const now = state.clock.now();
  const handle = parseHandleRequest(jsonBody(call), call.principal, state.ids.guid(), now, () => state.ids.guid());
  const template = findTemplate(state.catalog, handle.sessionRef.scid, handle.sessionRef.templateName);
  if (!template) throw new MpsdError(404, MESSAGES.unknownScid);
  if (handle.type === 'activity' || handle.type === 'invite')
    handle.inviteProtocol = String(template.constants.system.inviteProtocol ?? 'game');
  const origin = handle.originSessionRef ? loadSession(state, handle.originSessionRef).session : undefined;
  assertMayCreate(handle, call.principal, loadSession(state, handle.sessionRef).session, origin);
  handle.creatorXuid = call.principal.xuid;
  if (handle.type === 'activity') {
    // One activity handle per user: a new one replaces the old (section 2.1).
    for (const old of state.store.findHandles((h) => h.type === 'activity' && h.ownerXuid === handle.ownerXuid))
      state.store.deleteHandle(old.id);
  }
  if (handle.type === 'search') attachSearchHandle(state, handle);
  state.store.putHandle(handle);
  return { status: 201, json: renderHandle(handle), document: 'handle' };
}

/** A session holds at most one search handle, named in its root `searchHandle` (section 2.1). */
function attachSearchHandle(state: EmulatorState, handle: Handle): void {
  const { session } = loadSession(state, handle.sessionRef);
  if (!session) throw new MpsdError(404, MESSAGES.sessionNotFound);
  if (!hasCapability(session, 'searchable')) throw new MpsdError(400, 'A search handle needs a session with the searchable capability.');
  if (session.searchHandle && state.store.getHandle(session.searchHandle)) {
    throw new MpsdError(409, `The session already has a search handle (${session.searchHandle}); delete it before creating another.`);
  }
  session.searchHandle = handle.id;
  newVersion(session, state.ids);
}

export function readHandle(state: EmulatorState, id: string): Reply {
  return { status: 200, json: renderHandle(findHandle(state, id)), document: 'handle' };
}

/** DELETE /handles/{id}: 204 (section 3.3, [I]); only its owner may (DECISIONS H19). */
export function deleteHandle(state: EmulatorState, call: Call, id: string): Reply {
  const handle = findHandle(state, id);
  assertMayDelete(handle, call.principal, loadSession(state, handle.sessionRef).session);
  state.store.deleteHandle(handle.id);
  if (handle.type === 'search') {
    const { session } = loadSession(state, handle.sessionRef);
    if (session?.searchHandle === handle.id) {
      delete session.searchHandle;
      newVersion(session, state.ids);
    }
  }
  return { status: 204 };
}

function targetOf(state: EmulatorState, call: Call, handle: Handle): Target {
  let originMember = false;
  if (handle.type === 'transfer' && handle.originSessionRef) {
    const { session: origin } = loadSession(state, handle.originSessionRef);
    originMember = origin !== undefined && memberOf(origin, call.principal.xuid) !== undefined;
  }
  return { ref: handle.sessionRef, grant: { via: 'handle', handle, originMember } };
}

/** GET/PUT /handles/{id}/session: resolve the handle, then exactly the direct-URI logic (section 6). */
export function sessionByHandle(state: EmulatorState, call: Call, id: string): Reply {
  const handle = findHandle(state, id);
  const target = targetOf(state, call, handle);
  return call.method === 'GET' ? getSession(state, call, target) : putSession(state, call, target);
}
