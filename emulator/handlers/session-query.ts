import { isoTime } from '../clock';
import { MpsdError } from '../errors';
import { isObject, type Json, type Member, type Session } from '../model';
import type { Reply } from '../reply';
import { memberStatus } from '../session/members';
import { type EmulatorState, loadSession } from '../state';
import { type Call, jsonBody } from './call';
import { MAX_QUERY_RESULTS, relatedInfoOf } from './query';
import { assertServiceConfig } from './templates';

/**
 * The session queries (docs/protocol.md 3.7): GET /serviceconfigs/{scid}/sessions, the same under one
 * template, and POST …/batch for several users. A query names a xuid or a keyword; private sessions and
 * reservations are shown only to the user the query is about, or to a server (DECISIONS N15).
 */

interface Filters {
  xuids: string[];
  keyword?: string;
  reservations: boolean;
  inactive: boolean;
  private: boolean;
  visibility?: string;
  take: number;
}

const XUID = /^[0-9]{1,20}$/;
const VISIBILITIES = ['open', 'visible', 'private', 'full'];

function flag(call: Call, name: string): boolean {
  const value = call.query.get(name)?.toLowerCase();
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new MpsdError(400, `The query parameter ${name} takes true or false, not '${value.slice(0, 40)}'.`);
}

function readFilters(call: Call, xuids: string[]): Filters {
  const take = call.query.get('take') ?? String(MAX_QUERY_RESULTS);
  if (!/^\d{1,3}$/.test(take) || Number(take) > MAX_QUERY_RESULTS)
    throw new MpsdError(400, `take must be a whole number from 0 to ${MAX_QUERY_RESULTS}.`);
  const visibility = call.query.get('visibility')?.toLowerCase();
  if (visibility !== undefined && !VISIBILITIES.includes(visibility))
    throw new MpsdError(400, `visibility takes ${VISIBILITIES.join(', ')}, not '${visibility.slice(0, 40)}'.`);
  const keyword = call.query.get('keyword') ?? undefined;
  if (xuids.length === 0 && !keyword) throw new MpsdError(400, 'A session query needs a xuid or a keyword filter.');
  for (const xuid of xuids) if (!XUID.test(xuid)) throw new MpsdError(400, `'${xuid.slice(0, 40)}' is not a xuid (a decimal number).`);
  const filters = {
    xuids,
    keyword,
    reservations: flag(call, 'reservations'),
    inactive: flag(call, 'inactive'),
    private: flag(call, 'private'),
    visibility,
    take: Number(take),
  };
  // Refused whether or not anything would match (3.7): the right depends on who asks, not on the data.
  const aboutCaller = xuids.length > 0 && xuids.every((x) => x === call.principal.xuid);
  if ((filters.private || filters.reservations) && !call.principal.server && !aboutCaller) {
    throw new MpsdError(403, 'Only a server, or the user the query is about, may include private sessions or reservations.');
  }
  return filters;
}

/** A member's status as the queries name it; a ready member is there, so it is listed as active [I]. */
function statusOf(member: Member): 'active' | 'reserved' | 'inactive' {
  const status = memberStatus(member);
  return status === 'ready' ? 'active' : status;
}

function resultsOf(session: Session, filters: Filters): Json[] {
  const info = relatedInfoOf(session);
  const system = session.properties.system;
  const keywords = Array.isArray(system.keywords) ? (system.keywords as string[]) : [];
  if (info.visibility === 'private' && !filters.private) return [];
  if (filters.visibility !== undefined && info.visibility !== filters.visibility) return [];
  if (filters.keyword && !keywords.some((k) => k.toLowerCase() === filters.keyword?.toLowerCase())) return [];
  const base: Json = {
    startTime: isoTime(session.startTime),
    sessionRef: { scid: session.ref.scid, templateName: session.ref.templateName, name: session.ref.name },
    accepted: session.members.filter((m) => !m.reserved).length,
    visibility: info.visibility,
    ...(info.joinRestriction !== 'none' ? { joinRestriction: info.joinRestriction } : {}),
    keywords: [...keywords],
  };
  if (filters.xuids.length === 0) return [base]; // a keyword query is about no one: no xuid, no status [I]
  const turn = Array.isArray(system.turn) ? (system.turn as number[]) : [];
  return filters.xuids.flatMap((xuid) => {
    const member = session.members.find((m) => m.xuid === xuid);
    if (!member) return [];
    const status = statusOf(member);
    if ((status === 'reserved' && !filters.reservations) || (status === 'inactive' && !filters.inactive)) return [];
    return [{ xuid, ...base, status, ...(turn.includes(member.index) ? { myTurn: true } : {}) }];
  });
}

function answer(state: EmulatorState, scid: string, templateName: string | undefined, filters: Filters): Reply {
  assertServiceConfig(state, scid);
  const sessions = state.store
    .allSessions()
    .filter(
      (s) =>
        s.ref.scid.toLowerCase() === scid.toLowerCase() &&
        (templateName === undefined || s.ref.templateName.toLowerCase() === templateName.toLowerCase()),
    )
    .map((s) => loadSession(state, s.ref).session) // timers first, as for every read
    .filter((s): s is Session => s !== undefined)
    .sort((a, b) => a.startTime - b.startTime || a.ref.name.localeCompare(b.ref.name));
  return { status: 200, json: { results: sessions.flatMap((s) => resultsOf(s, filters)).slice(0, filters.take) } };
}

/** GET /serviceconfigs/{scid}/sessions and …/sessiontemplates/{t}/sessions. */
export function querySessions(state: EmulatorState, call: Call, scid: string, templateName?: string): Reply {
  const xuid = call.query.get('xuid');
  return answer(state, scid, templateName, readFilters(call, xuid === null ? [] : [xuid]));
}

/** POST /serviceconfigs/{scid}/batch with {"xuids": [...]}: the same query for each user. */
export function batchQuerySessions(state: EmulatorState, call: Call, scid: string): Reply {
  const body = jsonBody(call);
  const xuids = isObject(body) ? body.xuids : undefined;
  if (!Array.isArray(xuids) || xuids.length === 0 || !xuids.every((x) => typeof x === 'string')) {
    throw new MpsdError(400, 'A batch query body is {"xuids": ["<xuid>", ...]}, with at least one xuid.');
  }
  return answer(state, scid, undefined, readFilters(call, xuids as string[]));
}
