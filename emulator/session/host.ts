import { createHash } from 'node:crypto';
import type { Member, Session } from '../model';
import { hasCapability } from './bags';

/**
 * A member's device token is read-only and set once the member uploads a `secureDeviceAddress`
 * (docs/protocol.md 5.4). MPSD's derivation is not documented; the emulator's is a stable digest of the
 * address, 32 lower-case hex characters, so the same address always gives the same token.
 */
export function deviceTokenOf(member: Member): string | undefined {
  const address = member.properties.system.secureDeviceAddress;
  if (typeof address !== 'string' || address === '') return undefined;
  return createHash('sha256').update(address).digest('hex').slice(0, 32);
}

/**
 * `properties.system.host` must name some member's device token, compared case-insensitively; MPSD
 * deletes a host that names none (5.3), also once the host's member has left. Applied after every write.
 */
export function dropOrphanHost(session: Session): void {
  const host = session.properties.system.host;
  if (host === undefined || hasCapability(session, 'large')) return;
  const tokens = session.members.map(deviceTokenOf);
  if (typeof host === 'string' && tokens.includes(host.toLowerCase())) return;
  delete session.properties.system.host;
}
