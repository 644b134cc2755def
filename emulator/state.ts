import type { Clock } from './clock';
import type { Faults } from './faults';
import type { IdSource } from './ids';
import { clone, refKey, type Session, type SessionRef } from './model';
import type { RtaHub } from './rta/hub';
import { expireTimers, nextTimerOf } from './session/timers';
import { newVersion } from './session/write';
import type { SocialGraph } from './social';
import type { Store } from './store';
import type { TemplateCatalog } from './templates';

/** Everything a handler needs; one per emulator, swapped wholesale on reset. */
export interface EmulatorState {
  store: Store;
  catalog: TemplateCatalog;
  clock: Clock;
  ids: IdSource;
  faults: Faults;
  social: SocialGraph;
  /** Real-time activity: connections and shoulder taps (rta/). */
  rta: RtaHub;
  /** Requests served since the last reset (the throttle-every-other fault counts them). */
  requests?: number;
}

/** Read a session with its expired timers applied first, as MPSD does (section 4). */
export function loadSession(state: EmulatorState, ref: SessionRef): { session?: Session; nextTimer?: number } {
  const stored = state.store.getSession(ref);
  if (!stored) return {};
  const now = state.clock.now();
  const due = nextTimerOf(stored, now);
  // Nothing is due: the stored session is served as it is (a session in managed initialization may still
  // move on at a read, when everyone did their part before the deadline).
  if (!stored.initializing && (due === undefined || due > now))
    return { session: stored, ...(due !== undefined ? { nextTimer: due } : {}) };
  const before = due !== undefined && due <= now ? clone(stored) : undefined; // only when a timer fires: the taps compare
  const { session, nextTimer, removed, wentInactive, changed } = expireTimers(stored, now);
  if (!session) {
    state.store.deleteSession(ref);
    return {};
  }
  if (changed) {
    newVersion(session, state.ids);
    state.rta.changed(before, session);
  }
  removeActivityHandles(state, session.ref, [...removed, ...wentInactive]);
  return { session, nextTimer };
}

/** A member who leaves or goes inactive loses their activity handle for that session (section 2.1). */
export function removeActivityHandles(state: EmulatorState, ref: SessionRef, xuids: string[]): void {
  if (xuids.length === 0) return;
  const key = refKey(ref);
  for (const handle of state.store.findHandles(
    (h) => h.type === 'activity' && xuids.includes(h.ownerXuid ?? '') && refKey(h.sessionRef) === key,
  )) {
    state.store.deleteHandle(handle.id);
  }
}
