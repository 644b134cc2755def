import { MpsdError } from '../errors';
import { renderHandle } from '../handles';
import { type Handle, type Json, isGuid, isObject, clone } from '../model';
import type { Reply } from '../reply';
import { ownValue } from '../session/bags';
import { isClosed } from '../session/access';
import { renderRoleTypes } from '../session/roles';
import { type EmulatorState, loadSession } from '../state';
import { findTemplate } from '../templates';
import { type Call, jsonBody } from './call';

/** At most this many handles come back (docs/protocol.md 3.7). */
export const MAX_QUERY_RESULTS = 100;
const INCLUDES = ['relatedInfo', 'customProperties', 'roleInfo'];

/** One comparison of the supported filter subset: strings/<name> or numbers/<name>, an operator, a literal. */
const CLAUSE = /^\s*(strings|numbers)\/([A-Za-z][\w]{0,98})\s+(eq|ne|gt|ge|lt|le)\s+('(?:[^']|'')*'|-?\d+(?:\.\d+)?)\s*$/i;

/**
 * A search filter (OData in the docs): the emulator reads comparisons of strings/<name> and
 * numbers/<name> joined by `and`; anything else is refused with 400 naming it (DECISIONS H15).
 */
function parseFilter(filter: string): (attributes: Json) => boolean {
  const clauses = filter.split(/\s+and\s+/i).map((text) => {
    const m = CLAUSE.exec(text);
    if (!m) throw new MpsdError(400, `The filter construct '${text.trim().slice(0, 100)}' is not supported: use strings/<name> or numbers/<name> with eq, ne, gt, ge, lt or le, joined by and.`);
    const [, kind, name, op, literal] = m;
    const value = literal.startsWith("'") ? literal.slice(1, -1).replace(/''/g, "'").toLowerCase() : Number(literal);
    return { kind: kind.toLowerCase(), name, op: op.toLowerCase(), value };
  });
  return (attributes) =>
    clauses.every(({ kind, name, op, value }) => {
      const bag = ownValue(attributes, kind);
      const raw = isObject(bag) ? ownValue(bag, name) : undefined;
      if (raw === undefined) return op === 'ne';
      const actual = typeof raw === 'string' ? raw.toLowerCase() : raw; // strings are queried in lower case (section 2.2)
      const order = (actual as number | string) < (value as number | string) ? -1 : actual === value ? 0 : 1;
      return { eq: order === 0, ne: order !== 0, gt: order > 0, ge: order >= 0, lt: order < 0, le: order <= 0 }[op] ?? false;
    });
}

function matcher(state: EmulatorState, body: Json): (handle: Handle) => boolean {
  if (body.type === 'activity') {
    const owners = body.owners;
    if (!isObject(owners)) throw new MpsdError(400, "An activity query needs 'owners' with 'xuids' (or 'people').");
    if (owners.xuids !== undefined && owners.people !== undefined) throw new MpsdError(400, "'owners' takes xuids or people, not both.");
    const people = owners.people;
    if (people !== undefined && (!isObject(people) || typeof people.monikerXuid !== 'string' || !['people', 'friends', 'favorites'].includes(String(people.moniker)))) {
      throw new MpsdError(400, 'owners.people must be {moniker: people | friends | favorites, monikerXuid: <xuid>}.');
    }
    // people: the activity of whom monikerXuid follows (the emulator's one social relation, DECISIONS H14).
    const xuids: unknown = people ? state.social.followedBy(String(people.monikerXuid)) : owners.xuids;
    const valid = Array.isArray(xuids) && (people !== undefined || (xuids.length > 0 && xuids.length <= 100 && xuids.every((x) => typeof x === 'string' && /^\d{1,20}$/.test(x))));
    if (!valid || !Array.isArray(xuids)) throw new MpsdError(400, 'owners.xuids must be 1 to 100 decimal xuid strings.');
    if (body.scid !== undefined && !isGuid(body.scid)) throw new MpsdError(400, "'scid' must be a GUID.");
    return (h) => h.type === 'activity' && xuids.includes(h.ownerXuid) && (body.scid === undefined || h.sessionRef.scid.toLowerCase() === String(body.scid).toLowerCase());
  }
  if (body.type === 'search') {
    if (!isGuid(body.scid) || typeof body.templateName !== 'string') throw new MpsdError(400, "A search query needs 'scid' (a GUID) and 'templateName'.");
    if (!findTemplate(state.catalog, body.scid, body.templateName)) throw new MpsdError(404, 'The requested service config is either invalid or not configured for sessions.');
    if (body.filter !== undefined && typeof body.filter !== 'string') throw new MpsdError(400, "'filter' must be a string.");
    const filter = body.filter ? parseFilter(body.filter) : () => true;
    const template = body.templateName.toLowerCase();
    return (h) => h.type === 'search' && h.sessionRef.templateName.toLowerCase() === template && filter(h.searchAttributes ?? {});
  }
  throw new MpsdError(400, "'type' must be activity or search.");
}

/** The extras ?include= asks for, from the handle's session (sections 2.2, 3.7). */
function withIncludes(state: EmulatorState, handle: Handle, include: string[]): Json {
  const rendered = renderHandle(handle);
  const { session } = loadSession(state, handle.sessionRef);
  if (!session) return rendered;
  const system = session.constants.system;
  if (include.includes('relatedInfo')) {
    const max = Number(system.maxMembersCount ?? 100);
    rendered.relatedInfo = {
      visibility: session.members.length >= max ? 'full' : (system.visibility ?? 'open'),
      joinRestriction: session.properties.system.joinRestriction ?? 'none',
      closed: isClosed(session),
      maxMembersCount: max,
      membersCount: session.members.length,
    };
  }
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
