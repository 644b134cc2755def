import { clone } from '../model';
import { hasCapability } from '../session/bags';
import { stampStatusChanges } from '../session/timers';
import { newVersion } from '../session/write';
import { type EmulatorState, loadSession, removeActivityHandles } from '../state';
import type { RtaConnection } from './hub';

/**
 * A connection closed. With `connectionRequiredForActiveMembers`, every member who named it as its
 * `connection` and was active or ready becomes inactive: MPSD's disconnect detection (the RTA appendix).
 * The inactive removal timer then runs from now (DECISIONS N14).
 */
export function disconnected(state: EmulatorState, connection: RtaConnection): void {
  if (!state.rta.close(connection)) return;
  for (const stored of state.store.allSessions()) {
    if (!hasCapability(stored, 'connectionRequiredForActiveMembers')) continue;
    const { session } = loadSession(state, stored.ref);
    const holders = session?.members.filter(
      (m) =>
        String(m.properties.system.connection ?? '').toLowerCase() === connection.id &&
        (m.properties.system.active === true || m.properties.system.ready === true),
    );
    if (!session || !holders?.length) continue;
    const after = clone(session);
    for (const member of after.members.filter((m) => holders.some((h) => h.xuid === m.xuid))) {
      delete member.properties.system.active;
      delete member.properties.system.ready;
    }
    stampStatusChanges(session, after, state.clock.now());
    newVersion(after, state.ids);
    state.store.putSession(after);
    removeActivityHandles(
      state,
      after.ref,
      holders.map((m) => m.xuid),
    );
    state.rta.changed(session, after);
  }
}
