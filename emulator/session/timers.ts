import type { Session } from '../model';
import { advanceInitialization, stageDeadline } from './initialization';

/**
 * MPSD applies expired timers lazily, just before it serves a read or write (section 4, "Timers").
 * Modelled: reservedRemovalTimeout (default 30 s), sessionEmptyTimeout and the stages of managed
 * initialization. null means never.
 * Returns the session after expiry (undefined when it was deleted), the xuids removed, whether anything changed (the caller
 * then gives the session a new version) and the next instant to check.
 */
export function expireTimers(session: Session, now: number): { session: Session | undefined; nextTimer?: number; removed: string[]; changed: boolean } {
  const { reservedTimeout, emptyTimeout } = timeouts(session);
  const removed: string[] = [];
  const advanced = advanceInitialization(session, now);
  if (reservedTimeout !== null) {
    const kept = session.members.filter((m) => !(m.reserved && m.joinTime + reservedTimeout <= now));
    for (const m of session.members) if (!kept.includes(m)) removed.push(m.xuid);
    if (removed.length > 0) {
      session.members = kept;
      if (kept.length === 0) session.emptySince = now;
    }
  }
  if (session.members.length === 0 && emptyTimeout !== null) {
    const since = session.emptySince ?? now;
    if (since + (emptyTimeout ?? 0) <= now) return { session: undefined, removed, changed: true };
  }
  const nextTimer = nextTimerOf(session, now);
  return { session, removed, changed: advanced || removed.length > 0, ...(nextTimer !== undefined ? { nextTimer } : {}) };
}

/** The next instant a timer of this session fires, or undefined when none is pending. Pure. */
export function nextTimerOf(session: Session, now: number): number | undefined {
  const { reservedTimeout, emptyTimeout } = timeouts(session);
  const deadlines: number[] = [];
  if (reservedTimeout !== null) for (const m of session.members) if (m.reserved) deadlines.push(m.joinTime + reservedTimeout);
  if (session.members.length === 0 && typeof emptyTimeout === 'number') deadlines.push((session.emptySince ?? now) + emptyTimeout);
  const stageEnds = stageDeadline(session);
  if (stageEnds !== undefined) deadlines.push(stageEnds);
  return deadlines.length > 0 ? Math.min(...deadlines) : undefined;
}

function timeouts(session: Session): { reservedTimeout: number | null; emptyTimeout: number | null | undefined } {
  const system = session.constants.system;
  return {
    reservedTimeout: system.reservedRemovalTimeout === undefined ? 30000 : (system.reservedRemovalTimeout as number | null),
    emptyTimeout: system.sessionEmptyTimeout as number | null | undefined,
  };
}
