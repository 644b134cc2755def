import fc from 'fast-check';

/**
 * What the fuzz suite sends: requests over the emulator's whole surface, mostly well-formed enough to
 * reach the session logic, with every kind of mistake a client (or an attacker) makes mixed in.
 */
export const SCID = 'd1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107';
export const TEMPLATES = ['standard-lobby', 'private-lobby', 'game-session', 'large-session'] as const;
export const NAMES = ['a', 'b'] as const;
export const PRINCIPALS = {
  alice: 'XBL3.0 x=alice;xuid=2533274800000001,gamertag=Alice',
  bob: 'XBL3.0 x=bob;xuid=2533274800000002,gamertag=Bob',
  carol: 'XBL3.0 x=carol;xuid=2533274800000003,gamertag=Carol',
  server: 'XBL3.0 x=server;server',
} as const;

export interface FuzzRequest {
  kind: string;
  method: string;
  /** A path, or a handle placeholder `{handle:N}` the runner replaces with the N-th handle created so far. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** How the body goes on the wire. */
  delivery: 'whole' | 'chunked' | 'slow';
  /** The session the request addresses directly, for the "a rejected request changed nothing" invariant. */
  session?: string;
}

const sessionPath = (template: string, name: string) => `/serviceconfigs/${SCID}/sessiontemplates/${template}/sessions/${name}`;
const evilKey = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', '', 'ünï', 'a.b', '0');
const scalar = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.constant(null),
);
const junk = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(evilKey, scalar, { maxKeys: 3 }));
const guid = fc.uuid();
const restriction = fc.constantFrom('none', 'local', 'followed', 'NONE', 'bogus');
const system = fc.record(
  {
    active: fc.constant(true),
    ready: fc.boolean(),
    connection: guid,
    subscription: fc.record({ id: guid, changeTypes: fc.subarray(['everything', 'host', 'membersList']) }),
    encounters: fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
    group: fc.array(fc.nat(5), { maxLength: 2 }),
    measurements: fc.constant({ 'a-device': { latency: 20 } }),
  },
  { requiredKeys: [] },
);
const custom = fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), evilKey), junk, { maxKeys: 4 });
const me = fc.record(
  {
    properties: fc.record({ system, custom }, { requiredKeys: [] }),
    constants: fc.record({ system: fc.record({ initialize: fc.boolean() }, { requiredKeys: [] }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const sessionProperties = fc.record(
  {
    system: fc.record(
      {
        joinRestriction: restriction,
        readRestriction: restriction,
        closed: fc.boolean(),
        turn: fc.array(fc.nat(4), { maxLength: 3 }),
        keywords: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
        initializationSucceeded: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    custom,
  },
  { requiredKeys: [] },
);
const constants = fc.record(
  {
    system: fc.record(
      {
        reservedRemovalTimeout: fc.oneof(fc.nat(60000), fc.constant(null), fc.constant(1e308)),
        sessionEmptyTimeout: fc.oneof(fc.constant(0), fc.nat(60000), fc.constant(null)),
        capabilities: fc.dictionary(fc.constantFrom('crossplay', 'searchable', 'hasOwners', 'bogus'), fc.boolean(), { maxKeys: 2 }),
        // Managed initialization, in its 107 and 104 names (which of them a contract version accepts is the point).
        memberInitialization: fc.record(
          { membersNeededToStart: fc.nat(2), joinTimeout: fc.oneof(fc.nat(20000), fc.constant(null)), externalEvaluation: fc.boolean() },
          { requiredKeys: [] },
        ),
        managedInitialization: fc.record({ membersNeededToStart: fc.nat(2), autoEvaluate: fc.boolean() }, { requiredKeys: [] }),
        timeouts: fc.record({ reserved: fc.nat(60000), sessionEmpty: fc.oneof(fc.constant(0), fc.constant(null)) }, { requiredKeys: [] }),
        metrics: fc.record({ latency: fc.boolean() }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
    custom,
  },
  { requiredKeys: [] },
);
const reservations = fc
  .array(fc.constantFrom('2533274800000002', '2533274800000003', '12', 'x'), { maxLength: 2 })
  .map((xuids) => Object.fromEntries(xuids.map((xuid, i) => [`reserve_${i}`, { constants: { system: { xuid } } }])));
const members = fc.oneof(
  { weight: 6, arbitrary: fc.record({ me }) },
  { weight: 2, arbitrary: fc.constant({ me: null }) },
  { weight: 2, arbitrary: reservations },
  fc.dictionary(fc.constantFrom('0', '1', '2', 'reserve_1', 'me', 'them'), fc.oneof(fc.constant(null), junk), { maxKeys: 2 }),
);
const roleTypes = fc.constantFrom(
  { lfg: { roles: { tank: { max: 1 }, healer: { max: 2, target: 1 } }, mutableRoleSettings: ['max'] } },
  { BAD: {} },
  { lfg: { roles: { tank: { count: 3 } } } },
);
const delta = fc.record(
  {
    members,
    properties: sessionProperties,
    constants,
    servers: fc.dictionary(
      fc.oneof(fc.string({ maxLength: 5 }), evilKey),
      fc.oneof(
        fc.constant(null),
        fc.record({
          properties: fc.record({ system: fc.record({ status: fc.constantFrom('searching', 'bogus') }, { requiredKeys: [] }) }),
        }),
      ),
      { maxKeys: 2 },
    ),
    roleTypes,
  },
  { requiredKeys: [] },
);

/** A value replaced by a wrong type somewhere in a well-formed delta: every field gets its turn. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[path[0] % keys.length];
  return { ...(value as object), [key]: mutate((value as Record<string, unknown>)[key], path.slice(1), replacement) };
}

const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const rawBody = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .record({ members: fc.record({ me }), properties: sessionProperties }, { requiredKeys: ['members'] })
      .map((d) => JSON.stringify(d)),
  },
  { weight: 6, arbitrary: delta.map((d) => JSON.stringify(d)) },
  fc.tuple(delta, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), junk).map(([d, path, bad]) => JSON.stringify(mutate(d, path, bad))),
  fc.constantFrom(
    ...[2, 3, 4].map(() => '{"members":{"me":{"properties":{"system":{"active":true}}}}}'),
    '{"members":',
    'null',
    '[]',
    '"x"',
    '{"members":{"me":{"properties":{"system":{"active":1e309}}}}}',
    `{"properties":{"custom":{"n":${deep(3000)}}}}`,
    `{"members":{"me":{"roles":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}}`,
  ),
  fc
    .integer({ min: 1000, max: 20000 })
    .map((n) => JSON.stringify({ properties: { custom: { list: Array.from({ length: n }, (_, i) => i) } } })),
);

const principal = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...(Object.values(PRINCIPALS) as string[])) },
  { weight: 1, arbitrary: fc.constantFrom('XBL3.0 x=1;', 'Bearer x', '', 'XBL3.0 x=1;xuid=01x') },
);
const contract = fc.oneof(
  { weight: 8, arbitrary: fc.constant('107') },
  { weight: 1, arbitrary: fc.constantFrom('104', '105', '103', '99999999999999999999', 'v107', '') },
);
const headers = fc
  .record({
    principal,
    contract,
    precondition: fc.oneof(
      { weight: 6, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.constantFrom({ 'if-match': '*' }, { 'if-none-match': '*' }, { 'if-match': 'STALE' }) },
    ),
  })
  .map(
    ({ principal: p, contract: c, precondition }): Record<string, string> => ({
      ...(p ? { authorization: p } : {}),
      ...(c ? { 'x-xbl-contract-version': c } : {}),
      ...(precondition as Record<string, string>),
    }),
  );
const delivery = fc.oneof(
  { weight: 20, arbitrary: fc.constant('whole' as const) },
  { weight: 2, arbitrary: fc.constant('chunked' as const) },
  { weight: 1, arbitrary: fc.constant('slow' as const) },
);
const session = fc.tuple(fc.constantFrom(...TEMPLATES), fc.constantFrom(...NAMES)).map(([t, n]) => sessionPath(t, n));
const handleBody = fc
  .tuple(fc.constantFrom('activity', 'invite', 'search', 'transfer', 'bogus'), fc.constantFrom(...TEMPLATES), fc.constantFrom(...NAMES))
  .map(([type, templateName, name]) =>
    JSON.stringify({
      version: 1,
      type,
      sessionRef: { scid: SCID, templateName, name },
      ...(type === 'invite' ? { invitedXuid: '2533274800000002' } : {}),
      ...(type === 'transfer' ? { originSessionRef: { scid: SCID, templateName: 'standard-lobby', name: 'a' } } : {}),
    }),
  );
const garbagePath = fc.oneof(
  fc.constantFrom(
    '//x',
    '//',
    '/handles/%E0%A4%A/session',
    '/handles/%ZZ',
    '/serviceconfigs/%/sessiontemplates/t/sessions/s',
    '/handles/query',
    '/openapi.json',
    '/',
  ),
  fc.string({ maxLength: 30 }).map((s) => `/${encodeURI(s).replace(/%25/g, '%')}`),
);

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .record({ path: session, body: rawBody, headers, delivery })
      .map((r) => ({ kind: 'PUT session', method: 'PUT', ...r, session: r.path })),
  },
  {
    weight: 3,
    arbitrary: fc.record({ path: session, headers }).map((r) => ({ kind: 'GET session', method: 'GET', delivery: 'whole' as const, ...r })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ body: handleBody, headers })
      .map((r) => ({ kind: 'POST handle', method: 'POST', path: '/handles', delivery: 'whole' as const, ...r })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({ n: fc.nat(3), method: fc.constantFrom('GET', 'PUT', 'DELETE'), body: rawBody, headers })
      .map(({ n, method, body, headers: h }) => ({
        kind: `${method} handle`,
        method,
        path: method === 'DELETE' ? `{handle:${n}}` : `{handle:${n}}/session`,
        headers: h,
        delivery: 'whole' as const,
        ...(method === 'PUT' ? { body } : {}),
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'),
        path: garbagePath,
        headers,
        body: fc.option(rawBody, { nil: undefined }),
      })
      .map((r) => ({ kind: 'garbage', delivery: 'whole' as const, ...r })),
  },
);
