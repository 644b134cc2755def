/**
 * The fixed schemas MPSD enforces on `system` objects (docs/protocol.md 4, 5.2-5.8: "each system object
 * has a fixed, enforced schema"). The emulator's own table, written from the docs and XSAPI, not shared
 * with the harness's JSON Schemas: where the two disagree, the harness finds it.
 */
export type Rule =
  | 'boolean'
  | 'string'
  | 'guid'
  | 'xuid'
  | 'titleId'
  | 'index'
  | 'count'
  | 'timeout'
  | 'duration'
  | 'latency'
  | 'any-object'
  | { enum: readonly string[] }
  | { array: Rule; max?: number }
  | { object: Readonly<Record<string, Rule>>; required?: readonly string[] }
  | { map: Rule; nullRemoves?: true };

const bool = 'boolean';
const str = 'string';
const strings: Rule = { array: str, max: 1000 };
const restriction: Rule = { enum: ['none', 'local', 'followed'] };
const matchStatus: Rule = { enum: ['searching', 'expired', 'found', 'failed', 'canceled'] };
const sessionRef: Rule = { object: { scid: 'guid', templateName: str, name: str }, required: ['scid', 'templateName', 'name'] };

export const CAPABILITIES = [
  'connectivity',
  'suppressPresenceActivityCheck',
  'gameplay',
  'large',
  'connectionRequiredForActiveMembers',
  'cloudCompute',
  'autoPopulateServerCandidates',
  'userAuthorizationStyle',
  'crossPlay',
  'broadcast',
  'team',
  'arbitration',
  'hasOwners',
  'searchable',
  'clientMatchmaking',
] as const;

export const SESSION_CONSTANTS: Record<string, Rule> = {
  version: 'count',
  maxMembersCount: 'count',
  visibility: { enum: ['private', 'visible', 'open'] },
  initiators: { array: 'xuid', max: 100 },
  inviteProtocol: str,
  reservedRemovalTimeout: 'timeout',
  inactiveRemovalTimeout: 'timeout',
  readyRemovalTimeout: 'timeout',
  sessionEmptyTimeout: 'timeout',
  capabilities: { object: Object.fromEntries(CAPABILITIES.map((c) => [c, bool])) },
  metrics: { object: { latency: bool, bandwidthDown: bool, bandwidthUp: bool, custom: bool } },
  // Stage lengths are plain milliseconds (section 5.2.2): unlike the removal timeouts, never null.
  memberInitialization: {
    object: {
      joinTimeout: 'duration',
      measurementTimeout: 'duration',
      evaluationTimeout: 'duration',
      externalEvaluation: bool,
      membersNeededToStart: 'index',
    },
  },
  peerToPeerRequirements: { object: { latencyMaximum: 'latency', bandwidthMinimum: 'latency' } },
  peerToHostRequirements: {
    object: {
      latencyMaximum: 'latency',
      bandwidthDownMinimum: 'latency',
      bandwidthUpMinimum: 'latency',
      hostSelectionMetric: { enum: ['bandwidthup', 'bandwidthdown', 'bandwidth', 'latency'] },
    },
  },
  measurementServerAddresses: { map: { object: { secureDeviceAddress: str } } },
  cloudComputePackage: { object: { titleId: str, gsiSet: 'guid', variant: 'guid', crossSandbox: bool } },
  arbitration: { object: { forfeitTimeout: 'duration', arbitrationTimeout: 'duration' } },
  broadcastViewerTitleIds: { array: 'titleId', max: 100 },
  ownershipPolicies: {
    object: {
      migration: { enum: ['oldest', 'endsession'] },
      allowNonOwnerInviteHandles: bool,
      nonOwnerModifiableSystemProperties: strings,
    },
  },
};

export const SESSION_PROPERTIES: Record<string, Rule> = {
  keywords: strings,
  turn: { array: 'index', max: 100 },
  joinRestriction: restriction,
  readRestriction: restriction,
  closed: bool,
  locked: bool,
  host: str,
  initializationSucceeded: bool,
  serverConnectionStringCandidates: strings,
  matchmaking: {
    object: {
      targetSessionConstants: 'any-object',
      serverConnectionString: str,
      clientResult: { object: { status: matchStatus, statusDetails: str, typicalWait: 'count', targetSessionRef: sessionRef } },
      resubmit: bool,
    },
  },
  matchmakingResubmit: bool,
  owners: { array: 'index', max: 100 },
  allocateCloudCompute: bool,
};

export const MEMBER_CONSTANTS: Record<string, Rule> = {
  xuid: 'xuid',
  initialize: bool,
  index: 'index',
  team: str,
  matchmakingResult: { object: { serverMeasurements: { map: { object: { latency: 'latency' } } } } },
};

const CHANGE_TYPES = [
  'everything',
  'host',
  'initialization',
  'matchmakingStatus',
  'membersList',
  'membersStatus',
  'joinability',
  'customProperty',
  'membersCustomProperty',
  'tournaments',
];

export const MEMBER_PROPERTIES: Record<string, Rule> = {
  ready: bool,
  active: bool,
  connection: 'guid',
  // No doc requires `id`, and XSAPI's current test bodies omit it (DECISIONS N18).
  subscription: { object: { id: 'guid', changeTypes: { array: { enum: CHANGE_TYPES }, max: 20 } } },
  subscriptions: { map: { object: { profile: str, onBehalfOfTitleId: str } }, nullRemoves: true },
  secureDeviceAddress: str,
  initializationGroup: { array: 'index', max: 100 },
  groups: strings,
  encounters: strings,
  measurements: { map: { object: { latency: 'latency', bandwidthDown: 'latency', bandwidthUp: 'latency', custom: 'any-object' } } },
  serverMeasurements: { map: { object: { latency: 'latency' } } },
  RolePreference: { map: 'count' },
  arbitration: 'any-object',
};

export const SERVER_PROPERTIES: Record<string, Rule> = {
  lockId: str,
  status: matchStatus,
  statusDetails: str,
  typicalWait: 'count',
  targetSessionRef: sessionRef,
};

/** Aliases a request may use: the docs call initializationGroup `group` too (docs/protocol.md 8.12). */
export const MEMBER_PROPERTY_ALIASES: Record<string, string> = { group: 'initializationGroup' };
