import { carriesSession } from '../contract/exchange';
import { type Check, failure } from './failure';

interface MemberView {
  next?: number;
  reserved?: boolean;
  gamertag?: string;
  activeTitleId?: string;
  turn?: boolean;
  roles?: Record<string, string>;
  properties?: { system?: { active?: boolean } };
}
interface SessionView {
  constants?: { system?: { capabilities?: Record<string, unknown> } };
  properties?: { system?: { turn?: unknown; owners?: unknown } };
  roleTypes?: Record<string, { roles?: Record<string, unknown> }>;
  members?: Record<string, MemberView>;
  membersInfo?: { first?: number; next?: number; count?: number; accepted?: number; active?: number };
}

/** Every way a session's member bookkeeping disagrees with itself (docs/protocol.md 5.4, 5.5, 5.6), one sentence each. */
export function bookkeepingProblems(session: SessionView): string[] {
  const problems: string[] = [];
  const members = session.members ?? {};
  const info = session.membersInfo ?? {};
  const keys = Object.keys(members);
  // Large sessions show only the caller, as "me" (or nobody): the counts describe members not shown (section 4).
  const large = keys.includes('me') || session.constants?.system?.capabilities?.large === true;
  const indices = keys
    .filter((k) => /^\d+$/.test(k))
    .map(Number)
    .sort((a, b) => a - b);
  if (!large && typeof info.first === 'number' && typeof info.next === 'number') {
    const visited: number[] = [];
    let cursor = indices.length > 0 ? info.first : info.next;
    while (cursor !== info.next && visited.length <= indices.length) {
      const member = members[String(cursor)];
      if (!member) {
        problems.push(`the next chain reaches ${cursor}, which is not a member`);
        break;
      }
      if (visited.includes(cursor)) {
        problems.push(`the next chain loops at member ${cursor}`);
        break;
      }
      visited.push(cursor);
      cursor = member.next ?? info.next;
    }
    const missed = indices.filter((i) => !visited.includes(i));
    if (missed.length > 0 && problems.length === 0)
      problems.push(`the next chain from membersInfo.first misses member(s) ${missed.join(', ')}`);
    const beyond = indices.filter((i) => i >= (info.next as number));
    if (beyond.length > 0) problems.push(`member index(es) ${beyond.join(', ')} are not below membersInfo.next ${info.next}`);
    const all = indices.map((i) => members[String(i)]);
    const counted = (name: 'count' | 'accepted' | 'active', actual: number) => {
      if (typeof info[name] === 'number' && info[name] !== actual)
        problems.push(`membersInfo.${name} is ${info[name]} but ${actual} member(s) qualify`);
    };
    counted('count', all.length);
    counted('accepted', all.filter((m) => !m.reserved).length);
    counted('active', all.filter((m) => m.properties?.system?.active === true).length);
  }
  const turn = Array.isArray(session.properties?.system?.turn) ? (session.properties?.system?.turn as unknown[]) : [];
  for (const [key, member] of Object.entries(members)) {
    if (member.reserved && member.gamertag !== undefined)
      problems.push(`member ${key} is reserved but has a gamertag (only accepted members have one)`);
    if (member.activeTitleId !== undefined && member.properties?.system?.active !== true)
      problems.push(`member ${key} has activeTitleId but is not active`);
    if (member.turn && /^\d+$/.test(key) && !turn.includes(Number(key)))
      problems.push(`member ${key} has turn: true but is not in properties.system.turn`);
    for (const [type, role] of Object.entries(member.roles ?? {})) {
      if (!session.roleTypes?.[type]?.roles?.[role])
        problems.push(`member ${key} holds role ${type}.${role}, which roleTypes does not declare`);
    }
  }
  if (session.properties?.system?.owners !== undefined && session.constants?.system?.capabilities?.hasOwners !== true) {
    problems.push('properties.system.owners is set but the session lacks the hasOwners capability');
  }
  return problems;
}

/** Member bookkeeping is checked on every session response, not only where a scenario asks. */
export const memberBookkeeping: Check = (e) => {
  if (!carriesSession(e) || typeof e.body !== 'object' || e.body === null) return undefined;
  const problems = bookkeepingProblems(e.body as SessionView);
  if (problems.length === 0) return undefined;
  return failure(
    'member-bookkeeping',
    { problems },
    `the member bookkeeping disagrees with itself:\n${problems.map((p) => `    ${p}`).join('\n')}`,
  );
};
