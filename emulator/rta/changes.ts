import type { Member, Session } from '../model';
import { deepEqual } from '../session/bags';
import { memberStatus } from '../session/members';

/**
 * The kinds of change a member can subscribe to (`properties.system.subscription.changeTypes`, docs/protocol.md
 * appendix on RTA) and which of them a change from `before` to `after` made. Pure.
 */
export type ChangeType =
  | 'everything'
  | 'host'
  | 'initialization'
  | 'matchmakingStatus'
  | 'membersList'
  | 'membersStatus'
  | 'joinability'
  | 'customProperty'
  | 'membersCustomProperty';

const byXuid = (s: Session) => new Map(s.members.map((m) => [m.xuid, m]));
const systemValue = (s: Session, key: string) => s.properties.system[key];

/** What `joinability` covers [I]: the fields that decide who may join. */
const JOINABILITY = ['joinRestriction', 'readRestriction', 'closed', 'locked'];

export function changeTypesBetween(before: Session | undefined, after: Session): Set<ChangeType> {
  const changes = new Set<ChangeType>();
  if (before && before.changeNumber === after.changeNumber && before.etag === after.etag) return changes;
  changes.add('everything');
  const old = before ? byXuid(before) : new Map<string, Member>();
  const now = byXuid(after);
  if (old.size !== now.size || [...now.keys()].some((x) => !old.has(x))) changes.add('membersList');
  for (const [xuid, member] of now) {
    const was = old.get(xuid);
    if (!was || memberStatus(was) !== memberStatus(member)) changes.add('membersStatus');
    if (was && !deepEqual(was.properties.custom, member.properties.custom)) changes.add('membersCustomProperty');
    if (was?.initializationEpisode !== member.initializationEpisode) changes.add('initialization');
  }
  if (!before) return changes;
  if (!deepEqual(systemValue(before, 'host'), systemValue(after, 'host'))) changes.add('host');
  if (!deepEqual(before.initializing, after.initializing)) changes.add('initialization');
  if (!deepEqual(systemValue(before, 'matchmaking'), systemValue(after, 'matchmaking'))) changes.add('matchmakingStatus');
  if (JOINABILITY.some((key) => !deepEqual(systemValue(before, key), systemValue(after, key)))) changes.add('joinability');
  if (!deepEqual(before.properties.custom, after.properties.custom)) changes.add('customProperty');
  return changes;
}

/** Whether a member's subscription covers any of the changes (`everything` covers all). */
export function subscribedTo(changeTypes: unknown, changes: Set<ChangeType>): boolean {
  if (!Array.isArray(changeTypes) || changes.size === 0) return false;
  return changeTypes.some(
    (t) => typeof t === 'string' && (t.toLowerCase() === 'everything' || [...changes].some((c) => c.toLowerCase() === t.toLowerCase())),
  );
}
