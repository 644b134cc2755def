import { MpsdError } from '../errors';
import { renderHandle } from '../handle-documents';
import { clone, type Handle, isGuid, isObject, type Json, type Session } from '../model';
import type { Reply } from '../reply';
import { isClosed } from '../session/access';
import { renderRoleTypes } from '../session/roles';
import { type EmulatorState, loadSession } from '../state';
import { findTemplate } from '../templates';
import { type Call, jsonBody } from './call';
import { parseSearchFilter } from './search-filter';

/** At most this many handles come back (docs/protocol.md 3.7). */
export const MAX_QUERY_RESULTS = 100;
const INCLUDES = ['relatedInfo', 'customProperties', 'roleInfo'];

/** What a query's relatedInfo says of a handle's session, and what a filter may name as session/<name>. */
const SESSION_FIELDS = ['visibility', 'joinRestriction', 'closed', 'maxMembersCount', 'membersCount'] as const;

export function relatedInfoOf(session: Session): Record<(typeof SESSION_FIELDS)[number], string | number | boolean> {
  const system = session.constants.system;
  const max = Number(system.maxMembersCount ?? 100);
  return {
    visibility: session.members.length >= max ? 'full' : String(system.visibility ?? 'open'),
    joinRestriction: String(session.properties.system.joinRestriction ?? 'none'),
    closed: isClosed(session),
    maxMembersCount: max,
    membersCount: session.members.length,
  };
}

function matcher(state: EmulatorState, body: Json): (handle: Handle) => boolean {
  if (body.type === 'activity') {
    const owners = body.owners;
    if (!isObject(owners)) throw new MpsdError(400, "An activity query needs 'owners' with 'xuids' (or 'people').");
    if (owners.xuids !== undefined && owners.people !== undefined) throw new MpsdError(400, "'owners' takes xuids or people, not both.");
    const people = owners.people;
    if (
      people !== undefined &&
      (!isObject(people) || typeof people.monikerXuid !== 'string' || !['people', 'friends', 'favorites'].includes(String(people.moniker)))
    ) {
      throw new MpsdError(400, 'owners.people must be {moniker: people | friends | favorites, monikerXuid: <xuid>}.');
    }
    // people: the activity of whom monikerXuid follows (the emulator's one social relation, DECISIONS H14).
    const xuids: unknown = people ? state.social.followedBy(String(people.monikerXuid)) : owners.xuids;
    const valid =
      Array.isArray(xuids) &&
      (people !== undefined ||
        (xuids.length > 0 && xuids.length <= 100 && xuids.every((x) => typeof x === 'string' && /^\d{1,20}$/.test(x))));
    if (!valid || !Array.isArray(xuids)) throw new MpsdError(400, 'owners.xuids must be 1 to 100 decimal xuid strings.');
    if (body.scid !== undefined && !isGuid(body.scid)) throw new MpsdError(400, "'scid' must be a GUID.");
    return (h) =>
      h.type === 'activity' &&
      xuids.includes(h.ownerXuid) &&
      (body.scid === undefined || h.sessionRef.scid.toLowerCase() === String(body.scid).toLowerCase());
  }
  if (body.type === 'search') {
    if (!isGuid(body.scid) || typeof body.templateName !== 'string')
      throw new MpsdError(400, "A search query needs 'scid' (a GUID) and 'templateName'.");
    if (!findTemplate(state.catalog, body.scid, body.templateName))
      throw new MpsdError(404, 'The requested service config is either invalid or not configured for sessions.');
    if (body.filter !== undefined && typeof body.filter !== 'string') throw new MpsdError(400, "'filter' must be a string.");
    const filter = body.filter ? parseSearchFilter(body.filter, SESSION_FIELDS) : () => true;
    const template = body.templateName.toLowerCase();
    const facts = (h: Handle) => {
      const { session } = loadSession(state, h.sessionRef);
      return { attributes: h.searchAttributes ?? {}, session: session ? relatedInfoOf(session) : undefined };
    };
    return (h) => h.type === 'search' && h.sessionRef.templateName.toLowerCase() === template && filter(facts(h));
  }
  throw new MpsdError(400, "'type' must be activity or search.");
}

/** The extras ?include= asks for, from the handle's session (sections 2.2, 3.7). */
function withIncludes(state: EmulatorState, handle: Handle, include: string[]): Json {
  const rendered = renderHandle(handle);
  const { session } = loadSession(state, handle.sessionRef);
  if (!session) return rendered;
  if (include.includes('relatedInfo')) rendered.relatedInfo = relatedInfoOf(session);
  if (include.includes('customProperties')) rendered.customProperties = clone(session.properties.custom);
  if (include.includes('roleInfo') && session.roleTypes) rendered.roleInfo = { roleTypes: renderRoleTypes(session) };
  return rendered;
}

/** POST /handles/query: 200 {results: [handle...]}, at most 100 (section 3.7). */
export function queryHandles(state: EmulatorState, call: Call): Reply {
  const include = (call.query.get('include') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = include.find((i) => !INCLUDES.includes(i));
  if (unknown) throw new MpsdError(400, `include=${unknown} is not supported; use ${INCLUDES.join(', ')}.`);
  const matches = state.store.findHandles(matcher(state, jsonBody(call))).slice(0, MAX_QUERY_RESULTS);
  return { status: 200, json: { results: matches.map((h) => withIncludes(state, h, include)) } };
}
