import { MpsdError } from '../errors';
import type { SessionRef } from '../model';
import type { Reply } from '../reply';
import type { EmulatorState } from '../state';
import { type Call, jsonBody } from './call';
import { putSession } from './sessions';

/**
 * The parts of a session with their own URI (docs/protocol.md 3.6): properties, a member, a server.
 * Each is the session PUT that says the same thing, except that it never creates a session: 404 when
 * there is none (DECISIONS N15). If-Match, access, ownership and the answer are the session PUT's.
 */
function writePart(state: EmulatorState, call: Call, ref: SessionRef, bodyText: string): Reply {
  return putSession(state, { ...call, rawBody: bodyText }, { ref, grant: { via: 'direct' }, existingOnly: true });
}

/** PUT …/properties with {system, custom}: the session PUT of {"properties": body}. */
export function putProperties(state: EmulatorState, call: Call, ref: SessionRef): Reply {
  jsonBody(call); // an object, or the 400 that names what is wrong with it
  // The sent text is embedded as is, so a 64-bit number keeps its digits (DECISIONS R8).
  return writePart(state, call, ref, `{"properties":${call.rawBody.trim() === '' ? '{}' : call.rawBody}}`);
}

/** DELETE …/members/me, and DELETE …/members/{index} (a server, or an owner of an owned session). */
export function deleteMember(state: EmulatorState, call: Call, ref: SessionRef, member: string): Reply {
  if (member.toLowerCase() === 'me') return writePart(state, call, ref, '{"members":{"me":null}}');
  if (!/^(0|[1-9][0-9]{0,8})$/.test(member))
    throw new MpsdError(400, `The member index '${member.slice(0, 40)}' is not a member index: use a whole number such as 1, or me.`);
  return writePart(state, call, ref, `{"members":{"${member}":null}}`);
}

/** DELETE …/servers/{name}: a server principal removes a server entry. */
export function deleteServer(state: EmulatorState, call: Call, ref: SessionRef, server: string): Reply {
  return writePart(state, call, ref, JSON.stringify({ servers: { [server]: null } }));
}
