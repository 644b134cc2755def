import type { Exchange } from '../../harness/contract/exchange';

/** A complete, valid session document (the emulator's rendering of a one-member lobby). */
export function sampleSession() {
  return {
    contractVersion: 107,
    branch: 'e187e31b-5e45-4d93-8162-5bf88684cca7',
    changeNumber: 1,
    correlationId: '42c3688d-8192-4552-86fd-7cc6690dfc53',
    startTime: '2026-01-01T00:00:00.0000000Z',
    constants: { system: { version: 1, maxMembersCount: 8, visibility: 'open', capabilities: { crossPlay: true } }, custom: {} },
    properties: { system: {}, custom: {} },
    members: {
      '0': {
        constants: { system: { xuid: '2533274800000001' }, custom: {} },
        properties: { system: { active: true }, custom: {} },
        gamertag: 'Alice',
        joinTime: '2026-01-01T00:00:00.0000000Z',
        next: 1,
      },
    } as Record<string, { constants: { system: Record<string, unknown> }; [k: string]: unknown }>,
    membersInfo: { first: 0, next: 1, count: 1, accepted: 1, active: 1 },
    servers: {},
  };
}

const SESSION_PATH = '/serviceconfigs/d1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107/sessiontemplates/standard-lobby/sessions/s1';

/** A passing GET /handles/{id}/session exchange; override any part to make it fail. */
export function sessionExchange(
  overrides: { status?: number; headers?: Record<string, string | undefined>; body?: unknown; operation?: Exchange['operation'] } = {},
): Exchange {
  const body = 'body' in overrides ? overrides.body : sampleSession();
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    etag: 'ABC',
    'content-location': SESSION_PATH,
  };
  for (const [k, v] of Object.entries(overrides.headers ?? {})) {
    if (v === undefined) delete headers[k];
    else headers[k] = v;
  }
  return {
    operation: overrides.operation ?? 'getSessionByHandle',
    request: { method: 'GET', path: '/handles/72ae4a80-65c2-4998-9537-28e30285325b/session', headers: {} },
    response: { status: overrides.status ?? 200, headers, text: body === undefined ? '' : JSON.stringify(body) },
    body,
  };
}
