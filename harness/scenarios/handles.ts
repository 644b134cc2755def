import { AssertionError } from 'chai';
import type { SessionRef } from '../client/mpsd-client';
import type { PrincipalName, TemplateKind } from '../config';
import { scenario } from '../current-scenario';
import { ERROR_CODES, HarnessError } from '../errors';
import { expectStatus } from './expect-status';
import { createSession, newSessionRef, sessionPathOf } from './sessions';

export type HandleType = 'activity' | 'invite' | 'search' | 'transfer';

export interface HandleOptions {
  as?: PrincipalName;
  /** invite: who is invited (default bob). */
  invited?: PrincipalName;
  /** transfer: the origin (lobby) session. */
  origin?: SessionRef;
}

/** The POST /handles body for a handle of that type (section 2.2). */
export function handleBody(type: HandleType, ref: SessionRef, options: HandleOptions = {}): Record<string, unknown> {
  const base = { version: 1, type, sessionRef: { ...ref } };
  const { config } = scenario();
  switch (type) {
    case 'activity':
      return base;
    case 'invite':
      return {
        ...base,
        invitedXuid: config.principals[options.invited ?? 'bob']?.xuid,
        inviteAttributes: { titleId: '1234567', contextString: 'join-me' },
      };
    case 'search':
      return { ...base, searchAttributes: { tags: ['coop'], strings: { mode: 'survival' }, numbers: { level: 3 } } };
    case 'transfer': {
      if (!options.origin)
        throw new HarnessError(
          ERROR_CODES.HELPER_MISUSE,
          'a transfer handle needs its origin session: pass { origin: <lobby session ref> }',
        );
      return { ...base, originSessionRef: { ...options.origin } };
    }
  }
}

/** Create a handle and return its id (asserts 201 and a schema-valid handle, like every response). */
export async function makeHandle(type: HandleType, ref: SessionRef, options: HandleOptions = {}): Promise<string> {
  const exchange = expectStatus(await scenario().client.createHandle(handleBody(type, ref, options), { as: options.as ?? 'alice' }), 201);
  return (exchange.body as { id: string }).id;
}

/** Read through a handle and assert the dereference contract: 200, and Content-Location is the session's direct path. */
export async function readThroughHandle(handleId: string, ref: SessionRef, as: PrincipalName = 'alice') {
  const exchange = expectStatus(await scenario().client.getSessionByHandle(handleId, { as }), 200);
  const location = exchange.response.headers['content-location'];
  const expected = sessionPathOf(ref);
  if (location?.toLowerCase() !== expected.toLowerCase()) {
    throw new AssertionError(`Content-Location is ${JSON.stringify(location)}, expected the session's direct path ${expected}`);
  }
  return exchange;
}

/** The usual setup: a session of that kind with these members (default alice) and a handle of that type to it. */
export async function sessionWithHandle(
  type: HandleType,
  options: HandleOptions & { members?: PrincipalName[]; kind?: TemplateKind } = {},
) {
  const ref = newSessionRef(options.kind ?? 'lobby');
  await createSession(ref, options.members ?? ['alice']);
  return { ref, handleId: await makeHandle(type, ref, options) };
}

/**
 * A handle to a session that does not exist yet, the way MPSD allows one: a transfer handle from a lobby
 * whose members (default alice) may then create and join the new session through it (section 3.5).
 */
export async function handleToNewSession(members: PrincipalName[] = ['alice'], kind: TemplateKind = 'game') {
  const lobby = newSessionRef('lobby', 'lobby');
  await createSession(lobby, members);
  const ref = newSessionRef(kind, 'new');
  return { ref, handleId: await makeHandle('transfer', ref, { origin: lobby, as: members[0] }) };
}
