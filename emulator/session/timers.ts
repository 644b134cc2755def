import type { Member, Session } from '../model';
import { advanceInitialization, stageDeadline } from './initialization';
import { memberStatus } from './members';

/**
 * MPSD applies expired timers lazily, just before it serves a read or write (section 7), so the emulator
 * does too, on its own clock: a test advances the clock instead of sleeping. null means never.
 * - reserved members go `reservedRemovalTimeout` (default 30 s) after they were reserved;
 * - ready members turn inactive `readyRemovalTimeout` (default 180 s) after they became ready;
 * - inactive members go `inactiveRemovalTimeout` (107 default 0) after they left active or ready;
 * - the empty session goes `sessionEmptyTimeout` after it became empty.
 * Plus the stages of managed initialization. Returns the session after expiry (undefined when it was deleted),
 * the xuids removed and those who went inactive, whether anything changed (the caller then gives the
 * session a new version) and the next instant to check.
 */
export function expireTimers(
  session: Session,
  now: number,
): { session: Session | undefined; nextTimer?: number; removed: string[]; wentInactive: string[]; changed: boolean } {
  const limits = timeouts(session);
  const advanced = advanceInitialization(session, now);
  const wentInactive: string[] = [];
  for (const member of session.members) {
    const due = readyDeadline(member, limits.ready);
    if (due !== undefined && due <= now) {
      delete member.properties.system.ready; // the docs' "revert to inactive"; the inactive timer then removes them
      delete member.readySince;
      member.inactiveSince = due;
      wentInactive.push(member.xuid);
    }
  }
  const expired = session.members.filter((m) => {
    const due = memberDeadline(m, limits);
    return due !== undefined && due <= now;
  });
  const removed = expired.map((m) => m.xuid);
  if (expired.length > 0) {
    session.members = session.members.filter((m) => !expired.includes(m));
    session.departed = [...new Set([...(session.departed ?? []), ...removed])];
    if (session.members.length === 0) session.emptySince = now;
  }
  if (session.members.length === 0 && limits.empty !== null) {
    const since = session.emptySince ?? now;
    if (since + limits.empty <= now) return { session: undefined, removed, wentInactive, changed: true };
  }
  const nextTimer = nextTimerOf(session, now);
  const changed = advanced || removed.length > 0 || wentInactive.length > 0;
  return { session, removed, wentInactive, changed, ...(nextTimer !== undefined ? { nextTimer } : {}) };
}

/** The next instant a timer of this session fires, or undefined when none is pending. Pure. */
export function nextTimerOf(session: Session, now: number): number | undefined {
  const limits = timeouts(session);
  const deadlines: number[] = [];
  for (const member of session.members) {
    const due = readyDeadline(member, limits.ready) ?? memberDeadline(member, limits);
    if (due !== undefined) deadlines.push(due);
  }
  if (session.members.length === 0 && limits.empty !== null) deadlines.push((session.emptySince ?? now) + limits.empty);
  const stageEnds = stageDeadline(session);
  if (stageEnds !== undefined) deadlines.push(stageEnds);
  return deadlines.length > 0 ? Math.min(...deadlines) : undefined;
}

/**
 * After a write: start the clocks of members whose status changed. The inactive clock starts only when a
 * member leaves active or ready (DECISIONS N14): a member who joined inactive and has not yet become
 * active is not removed, or XSAPI's join-then-activate would lose every member under the 107 default of 0.
 */
export function stampStatusChanges(before: Session | undefined, after: Session, now: number): void {
  const previous = new Map((before?.members ?? []).map((m) => [m.xuid, memberStatus(m)]));
  for (const member of after.members) {
    const was = previous.get(member.xuid);
    const is = memberStatus(member);
    if (is === was) continue;
    if (is === 'ready') member.readySince = now;
    else delete member.readySince;
    if (is === 'inactive' && (was === 'active' || was === 'ready')) member.inactiveSince = now;
    else if (is !== 'inactive') delete member.inactiveSince;
  }
}

function readyDeadline(member: Member, ready: number | null): number | undefined {
  return ready !== null && member.readySince !== undefined ? member.readySince + ready : undefined;
}

function memberDeadline(member: Member, limits: Limits): number | undefined {
  if (member.reserved) return limits.reserved === null ? undefined : member.joinTime + limits.reserved;
  if (member.inactiveSince !== undefined && limits.inactive !== null) return member.inactiveSince + limits.inactive;
  return undefined;
}

interface Limits {
  reserved: number | null;
  inactive: number | null;
  ready: number | null;
  empty: number | null;
}

/** The session's timeouts with the 107 defaults where it sets none (docs/protocol.md section 5.2). */
function timeouts(session: Session): Limits {
  const system = session.constants.system;
  return {
    reserved: timeout(system, 'reservedRemovalTimeout', 30000),
    inactive: timeout(system, 'inactiveRemovalTimeout', 0),
    ready: timeout(system, 'readyRemovalTimeout', 180000),
    empty: timeout(system, 'sessionEmptyTimeout', 0),
  };
}

/** One timeout of the session's constants: its value (null is never), or the default when it sets none. */
function timeout(system: Session['constants']['system'], key: string, fallback: number): number | null {
  return system[key] === undefined ? fallback : (system[key] as number | null);
}
