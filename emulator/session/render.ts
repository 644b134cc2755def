import { isoTime } from '../clock';
import { stringifyJson } from '../json';
import type { Member, Session } from '../model';
import { deviceTokenOf } from './host';
import { legacySystemConstants } from './legacy';
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

const text = stringifyJson;
const quoted = (value: string) => JSON.stringify(value);

/**
 * Render a stored session as the MultiplayerSession JSON document (section 5), as text. The document is
 * written part by part, never built as an object first: a PUT renders a new version every time, and
 * building the object, then walking it again to write it, was half the emulator's cost per write.
 *
 * 104/105 (DECISIONS S8) use the legacy constant names, carry no membersInfo.active, and at 104 lack
 * `branch`, `changeNumber` and `startTime`; 105 has them last, after the rest of the document.
 */
export function renderSessionText(session: Session, options: RenderOptions): string {
  const version = renderedContractVersion(options.contractVersion);
  const legacy = version < 107;
  const root = `"branch":${quoted(session.branch)},"changeNumber":${session.changeNumber}`;
  const startTime = `"startTime":"${isoTime(session.startTime)}"`;
  let out = `{"contractVersion":${version}`;
  if (!legacy) out += `,${root}`;
  out += `,"correlationId":${quoted(session.correlationId)}`;
  if (!legacy) out += `,${startTime}`;
  if (options.nextTimer !== undefined) out += `,"nextTimer":"${isoTime(options.nextTimer)}"`;
  if (session.initializing)
    out += `,"initializing":${text({ ...session.initializing, stageStartTime: isoTime(session.initializing.stageStartTime) })}`;
  if (session.searchHandle) out += `,"searchHandle":${quoted(session.searchHandle)}`;
  out += `,"constants":${legacy ? legacyConstants(session) : constantsText(session.constants)}`;
  out += `,"properties":${text(renderProperties(session))}`;
  if (session.roleTypes) out += `,"roleTypes":${text(renderRoleTypes(session))}`;
  out += `,"members":${isLarge(session) ? largeMembers(session, options.callerXuid) : allMembers(session)}`;
  out += `,"membersInfo":${membersInfo(session, legacy)}`;
  out += `,"servers":${text(session.servers)}`;
  if (version === 105) out += `,${root},${startTime}`;
  return `${out}}`;
}

/**
 * Session constants never change once the session is made (a changing write is 409) and are frozen
 * (new-session.ts), so a write's copy shares them with the version before: their text is kept.
 */
const constantsTexts = new WeakMap<object, string>();

function constantsText(constants: object): string {
  let written = constantsTexts.get(constants);
  if (written === undefined) {
    written = text(constants);
    if (Object.isFrozen(constants)) constantsTexts.set(constants, written);
  }
  return written;
}

function legacyConstants(session: Session): string {
  return text({ ...session.constants, system: legacySystemConstants(session.constants.system) });
}

function membersInfo(session: Session, legacy: boolean): string {
  let accepted = 0;
  let active = 0;
  for (const member of session.members) {
    if (!member.reserved) accepted += 1;
    if (isActive(member)) active += 1;
  }
  const first = session.members[0]?.index ?? session.nextIndex;
  const counts = `{"first":${first},"next":${session.nextIndex},"count":${session.members.length},"accepted":${accepted}`;
  return legacy ? `${counts}}` : `${counts},"active":${active}}`; // membersInfo.active is a 107 field (XSAPI)
}

/** properties as live renders them: `turn` is always there (an empty list when unset), except on large sessions. */
function renderProperties(session: Session): Session['properties'] {
  const { properties } = session;
  if (isLarge(session) || Object.hasOwn(properties.system, 'turn')) return properties;
  return { system: { turn: [], ...properties.system }, custom: properties.custom };
}

/** Members by index; the array is kept in index order, as the keys of a JSON object with numeric names are. */
function allMembers(session: Session): string {
  let out = '{';
  session.members.forEach((member, i) => {
    const next = session.members[i + 1]?.index ?? session.nextIndex;
    out += `${i === 0 ? '' : ','}"${member.index}":${renderMember(session, member, next)}`;
  });
  return `${out}}`;
}

/** A large session's document holds only the caller, as "me". */
function largeMembers(session: Session, callerXuid: string | undefined): string {
  const i = session.members.findIndex((m) => m.xuid === callerXuid);
  if (i < 0) return '{}';
  const next = session.members[i + 1]?.index ?? session.nextIndex;
  return `{"me":${renderMember(session, session.members[i], next)}}`;
}

function renderMember(session: Session, member: Member, next: number): string {
  const turn = session.properties.system.turn;
  const token = deviceTokenOf(member);
  let out = `{"constants":${memberConstants(member)},"properties":${text(member.properties)}`;
  if (member.roles) out += `,"roles":${text(member.roles)}`;
  if (member.gamertag && !member.reserved) out += `,"gamertag":${quoted(member.gamertag)}`;
  if (member.reserved) out += ',"reserved":true';
  if (token !== undefined) out += `,"deviceToken":"${token}"`;
  if (isActive(member) && member.titleId) out += `,"activeTitleId":${quoted(member.titleId)}`;
  out += `,"joinTime":"${isoTime(member.joinTime)}"`;
  if (Array.isArray(turn) && turn.includes(member.index)) out += ',"turn":true';
  if (member.initializationFailure) out += `,"initializationFailure":${quoted(member.initializationFailure)}`;
  if (member.initializationEpisode !== undefined) out += `,"initializationEpisode":${member.initializationEpisode}`;
  return `${out},"next":${next}}`;
}

/**
 * Live documents carry each member's index in its constants (section 5.4.1, live dumps). A member's
 * constants are frozen at its join too: kept, with the member they were written for.
 */
const memberConstantsTexts = new WeakMap<object, { xuid: string; index: number; written: string }>();

function memberConstants(member: Member): string {
  const kept = memberConstantsTexts.get(member.constants);
  if (kept && kept.xuid === member.xuid && kept.index === member.index) return kept.written;
  const { system, custom } = member.constants;
  const written = text({ system: { ...system, xuid: member.xuid, index: member.index }, custom });
  if (Object.isFrozen(member.constants)) memberConstantsTexts.set(member.constants, { xuid: member.xuid, index: member.index, written });
  return written;
}
