import { isoTime } from '../clock';
import type { Json, Member, Session } from '../model';
import { deviceTokenOf } from './host';
import { documentIn104, isLegacy } from './legacy';
import { isActive, isLarge } from './members';
import { renderRoleTypes } from './roles';

export interface RenderOptions {
  /** The request's x-xbl-contract-version; the document's contractVersion follows it (section 5.1). */
  contractVersion: number;
  /** The caller's xuid: on large sessions `members` holds only the caller, as "me" (section 4). */
  callerXuid?: string;
  nextTimer?: number;
}

/** The documented renderings: 104 and 105 are the same contract, 107 is current (section 1.2). */
export function renderedContractVersion(requested: number): number {
  if (requested >= 107) return 107;
  return requested >= 105 ? 105 : 104;
}

/**
 * Render a stored session as the MultiplayerSession JSON document (section 5). The document shares the
 * stored session's bags instead of copying them: a stored session is never changed in place without a
 * new version (writes work on a copy), and a document is only ever written out as text.
 */
export function renderSession(session: Session, options: RenderOptions): Json {
  const members: Json = {};
  session.members.forEach((member, i) => {
    const next = session.members[i + 1]?.index ?? session.nextIndex;
    members[String(member.index)] = renderMember(session, member, next);
  });
  const document: Json = {
    contractVersion: renderedContractVersion(options.contractVersion),
    branch: session.branch,
    changeNumber: session.changeNumber,
    correlationId: session.correlationId,
    startTime: isoTime(session.startTime),
    ...(options.nextTimer !== undefined ? { nextTimer: isoTime(options.nextTimer) } : {}),
    ...(session.initializing
      ? { initializing: { ...session.initializing, stageStartTime: isoTime(session.initializing.stageStartTime) } }
      : {}),
    ...(session.searchHandle ? { searchHandle: session.searchHandle } : {}),
    constants: session.constants,
    properties: renderProperties(session),
    ...(session.roleTypes ? { roleTypes: renderRoleTypes(session) } : {}),
    members: isLarge(session) ? largeMembers(members, session, options.callerXuid) : members,
    membersInfo: membersInfo(session),
    servers: session.servers,
  };
  return isLegacy(options.contractVersion) ? documentIn104(document, options.contractVersion) : document;
}

function membersInfo(session: Session): Json {
  let accepted = 0;
  let active = 0;
  for (const member of session.members) {
    if (!member.reserved) accepted += 1;
    if (isActive(member)) active += 1;
  }
  const first = session.members[0]?.index ?? session.nextIndex;
  return { first, next: session.nextIndex, count: session.members.length, accepted, active };
}

/** properties as live renders them: `turn` is always there (an empty list when unset), except on large sessions. */
function renderProperties(session: Session): Session['properties'] {
  const { properties } = session;
  if (isLarge(session) || Object.hasOwn(properties.system, 'turn')) return properties;
  return { system: { turn: [], ...properties.system }, custom: properties.custom };
}

function largeMembers(all: Json, session: Session, callerXuid: string | undefined): Json {
  const me = session.members.find((m) => m.xuid === callerXuid);
  return me ? { me: all[String(me.index)] } : {};
}

function deviceTokenField(member: Member): Json {
  const token = deviceTokenOf(member);
  return token === undefined ? {} : { deviceToken: token };
}

function renderMember(session: Session, member: Member, next: number): Json {
  const turn = session.properties.system.turn;
  return {
    // Live documents carry each member's index in its constants (section 5.4.1, live dumps).
    constants: {
      system: { ...member.constants.system, xuid: member.xuid, index: member.index },
      custom: member.constants.custom,
    },
    properties: member.properties,
    ...(member.roles ? { roles: { ...member.roles } } : {}),
    ...(member.gamertag && !member.reserved ? { gamertag: member.gamertag } : {}),
    ...(member.reserved ? { reserved: true } : {}),
    ...deviceTokenField(member),
    ...(isActive(member) && member.titleId ? { activeTitleId: member.titleId } : {}),
    joinTime: isoTime(member.joinTime),
    ...(Array.isArray(turn) && turn.includes(member.index) ? { turn: true } : {}),
    ...(member.initializationFailure ? { initializationFailure: member.initializationFailure } : {}),
    ...(member.initializationEpisode !== undefined ? { initializationEpisode: member.initializationEpisode } : {}),
    next,
  };
}
