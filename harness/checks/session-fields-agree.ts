import { carriesSession } from '../contract/exchange';
import { type Check, failure } from './failure';

/** The parts of a session document the documented cross-field rules read. */
interface MemberView {
  deviceToken?: unknown;
  constants?: { system?: { deviceToken?: unknown } };
  properties?: { system?: Record<string, unknown> };
  initializationEpisode?: unknown;
}
interface SessionView {
  initializing?: unknown;
  hostCandidates?: unknown;
  constants?: { system?: { visibility?: unknown; capabilities?: Record<string, unknown> } };
  properties?: { system?: Record<string, unknown> };
  members?: Record<string, MemberView>;
}

/** What MPSD consumes and never renders (docs/protocol.md 4, 5.4): a document that echoes one is wrong. */
const POINT_IN_TIME = { session: ['initializationSucceeded'], member: ['encounters', 'group'] } as const;

const listed = (value: unknown) => Array.isArray(value) && value.length > 0;
const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

/**
 * Every documented rule between fields of one session document that a JSON Schema cannot state, one
 * sentence each: consumed fields echoed back, a member both active and ready, hostCandidates
 * beside host, an initialization episode outside initialization, keywords on a private session, turn or
 * followed on a large session, and a host that no member's device token names.
 */
export function crossFieldProblems(session: SessionView): string[] {
  const problems: string[] = [];
  const system = session.properties?.system ?? {};
  const members = Object.entries(session.members ?? {});
  const large = session.constants?.system?.capabilities?.large === true;
  for (const key of POINT_IN_TIME.session)
    if (key in system) problems.push(`properties.system.${key} is echoed back; MPSD consumes it and never renders it`);
  for (const [index, member] of members) {
    const own = member.properties?.system ?? {};
    for (const key of POINT_IN_TIME.member)
      if (key in own) problems.push(`members.${index}.properties.system.${key} is echoed back; MPSD consumes it and never renders it`);
    if (own.active === true && own.ready === true) problems.push(`member ${index} is both active and ready; the two exclude each other`);
    if (member.initializationEpisode !== undefined && session.initializing === undefined)
      problems.push(`member ${index} has initializationEpisode but the session is not initializing`);
  }
  if (system.host !== undefined && session.hostCandidates !== undefined)
    problems.push('hostCandidates is rendered beside host; it is cleared once host is set');
  if (lower(session.constants?.system?.visibility) === 'private' && listed(system.keywords))
    problems.push('keywords are set on a private session');
  if (large && listed(system.turn)) problems.push('turn is set on a large session');
  if (large && [system.joinRestriction, system.readRestriction].some((r) => r !== undefined && lower(r) !== 'none'))
    problems.push('a large session has a restriction other than none');
  // The documented place is the member's own read-only deviceToken; some dumps show it in its constants.
  const tokens = members.map(([, m]) => lower(m.deviceToken ?? m.constants?.system?.deviceToken)).filter((t) => typeof t === 'string');
  // Only where members carry device tokens at all: a target that renders none cannot be held to them.
  if (typeof system.host === 'string' && !large && tokens.length > 0 && !tokens.includes(system.host.toLowerCase()))
    problems.push(`host ${system.host} matches no member's deviceToken; MPSD deletes such a host`);
  return problems;
}

/** Checked on every session response, as the member bookkeeping is. */
export const sessionFieldsAgree: Check = (e) => {
  if (!carriesSession(e) || typeof e.body !== 'object' || e.body === null) return undefined;
  const problems = crossFieldProblems(e.body as SessionView);
  if (problems.length === 0) return undefined;
  return failure(
    'session-fields-agree',
    { problems },
    `the session breaks a documented rule between its fields:\n${problems.map((p) => `    ${p}`).join('\n')}`,
  );
};
