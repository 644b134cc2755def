import { MpsdError } from '../errors';
import type { Session } from '../model';
import { hasCapability } from './bags';

/**
 * The documented rules between fields of one session, which no single field's schema can state
 * (docs/protocol.md 5.2.1 capabilities, 5.3 properties; DECISIONS N8, N10, N11, N12). Checked on the
 * merged session of every write, so a request that would break one changes nothing (400).
 */
type Check = (session: Session, creating: { creator?: string } | undefined) => string | undefined;

const has = hasCapability;
const listed = (value: unknown) => Array.isArray(value) && value.length > 0;
const restrictionOf = (session: Session, key: 'joinRestriction' | 'readRestriction') =>
  String(session.properties.system[key] ?? 'none').toLowerCase();

/** Capability pairings (5.2.1): [needs, why] for each capability that needs or excludes others. */
const PAIRINGS: readonly [string, (s: Session) => boolean, string][] = [
  ['broadcast', (s) => has(s, 'large'), 'broadcast needs the large capability'],
  ['team', (s) => !has(s, 'large') && !has(s, 'gameplay'), 'team cannot be combined with large or gameplay'],
  ['arbitration', (s) => has(s, 'gameplay') && !has(s, 'large'), 'arbitration needs gameplay and cannot be combined with large'],
  ['connectivity', (s) => !has(s, 'large'), 'connectivity is not available on large sessions'],
  ['autoPopulateServerCandidates', (s) => !has(s, 'large'), 'autoPopulateServerCandidates is not available on large sessions'],
  ['userAuthorizationStyle', (s) => !has(s, 'large'), 'userAuthorizationStyle is not available on large sessions'],
];

const CHECKS: readonly Check[] = [
  // Constants are set at creation: their pairings are checked then.
  (s, creating) => (creating ? PAIRINGS.find(([capability, ok]) => has(s, capability) && !ok(s))?.[2] : undefined),
  (s, creating) =>
    creating && has(s, 'searchable') && has(s, 'userAuthorizationStyle') && !has(s, 'hasOwners')
      ? 'searchable with userAuthorizationStyle also needs hasOwners'
      : undefined,
  (s, creating) =>
    creating && s.constants.system.metrics !== undefined && !has(s, 'connectivity')
      ? 'constants.system.metrics needs the connectivity capability'
      : undefined,
  (s, creating) =>
    creating && s.constants.system.arbitration !== undefined && !has(s, 'arbitration')
      ? 'constants.system.arbitration needs the arbitration capability'
      : undefined,
  (s, creating) =>
    creating && s.constants.system.cloudComputePackage !== undefined && !has(s, 'cloudCompute')
      ? 'constants.system.cloudComputePackage needs the cloudCompute capability'
      : undefined,
  (s) =>
    Object.entries((s.roleTypes ?? {}) as Record<string, { ownerManaged?: boolean }>).some(([, type]) => type.ownerManaged === true) &&
    !has(s, 'hasOwners')
      ? 'a role type that is ownerManaged needs the hasOwners capability'
      : undefined,
  // N11: the creator starts the list of initiators, unless a server creates the session.
  (s, creating) => {
    const initiators = s.constants.system.initiators;
    if (!creating?.creator || !Array.isArray(initiators)) return undefined;
    return initiators.includes(creating.creator)
      ? undefined
      : `constants.system.initiators must include the creator's xuid ${creating.creator}`;
  },
  // N10: keywords make a session findable; a private one must not be.
  (s) =>
    String(s.constants.system.visibility ?? 'open').toLowerCase() === 'private' && listed(s.properties.system.keywords)
      ? 'keywords are not allowed on a private session'
      : undefined,
  // N13: a locked session must also be closed (XSAPI's documentation of locked).
  (s) =>
    s.properties.system.locked === true && s.properties.system.closed !== true
      ? 'locked needs closed: a locked session must also be closed'
      : undefined,
  // N8: large sessions take no turn order and no restriction but none.
  (s) => (has(s, 'large') && listed(s.properties.system.turn) ? 'turn is not available on large sessions' : undefined),
  (s) =>
    has(s, 'large') && (restrictionOf(s, 'joinRestriction') !== 'none' || restrictionOf(s, 'readRestriction') !== 'none')
      ? 'on large sessions joinRestriction and readRestriction can only be none'
      : undefined,
];

/** Refuse a session that breaks a documented rule between its fields. */
export function assertSessionShape(session: Session, creating: { creator?: string } | undefined): void {
  for (const check of CHECKS) {
    const broken = check(session, creating);
    if (broken) throw new MpsdError(400, `${broken} (the request changes nothing).`);
  }
}
