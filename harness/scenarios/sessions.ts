import type { SessionRef } from '../client/mpsd-client';
import type { PrincipalName, TemplateKind } from '../config';
import type { Exchange } from '../contract/exchange';
import { scenario } from '../current-scenario';
import { ERROR_CODES, HarnessError } from '../errors';
import { expectStatus } from './expect-status';

/** A session reference with a fresh name (kept with the recording) under the template of that kind. */
export function newSessionRef(kind: TemplateKind = 'lobby', key = 'session'): SessionRef {
  const { config, inputs } = scenario();
  return { scid: config.scid, templateName: config.templates[kind], name: inputs.value(`session:${key}`, 'session') };
}

/** The xuid a principal acts with. */
export function xuidOf(name: PrincipalName): string {
  const xuid = scenario().config.principals[name]?.xuid;
  if (!xuid)
    throw new HarnessError(
      ERROR_CODES.PRINCIPAL_MISSING,
      `principal '${name}' has no xuid; set its MPSD_XUID* variable (README, "Live targets")`,
    );
  return xuid;
}

/** The direct session path, as Content-Location names it. */
export { sessionPath as sessionPathOf } from '../client/mpsd-client';

/** The body that joins (or updates) the caller: members.me with optional system properties. */
export function meBody(system: Record<string, unknown> = {}, custom?: Record<string, unknown>) {
  return { members: { me: { properties: { system, ...(custom ? { custom } : {}) } } } };
}

/**
 * Create a session through its direct URI with the given members joined in order (the first creates
 * it). Returns the last exchange, whose body is the session.
 */
export async function createSession(
  ref: SessionRef,
  members: PrincipalName[] = ['alice'],
  body: Record<string, unknown> = {},
): Promise<Exchange> {
  const { client } = scenario();
  let last: Exchange | undefined;
  for (const [i, member] of members.entries()) {
    const request = i === 0 ? { ...body, ...meBody({ active: true }) } : meBody({ active: true });
    last = expectStatus(await client.putSession(ref, request, { as: member }), i === 0 ? 201 : 200);
  }
  if (!last) throw new HarnessError(ERROR_CODES.HELPER_MISUSE, "createSession needs at least one member: pass members such as ['alice']");
  return last;
}

/**
 * Whether `follower` follows `followee` on the target: the emulator's social graph, or MPSD_FOLLOWS on a
 * live service (which the harness cannot arrange). Scenarios that need it skip, saying why, when not.
 */
export function follows(follower: PrincipalName, followee: PrincipalName): boolean {
  return scenario().config.follows.some(([a, b]) => a === follower && b === followee);
}

export function skipUnlessFollows(test: { skip(): void }, follower: PrincipalName, followee: PrincipalName): void {
  if (follows(follower, followee)) return;
  console.log(
    `      SKIPPED: this scenario needs ${follower} to follow ${followee} on the target; say so with MPSD_FOLLOWS=${follower}>${followee}`,
  );
  test.skip();
}
