import { EmulatorSetupError } from './errors';
import { parseJson, stringifyJson } from './json';
import type { Reply } from './reply';

/**
 * Planted faults: deliberate contract breaks, off by default, switched on by name. They exist to
 * prove the harness can fail; each one has a test asserting the exact failure the harness reports.
 */
export const FAULTS = {
  /** Session documents leave out the required `correlationId`. */
  'missing-required-field': 'session JSON lacks the required correlationId',
  /** `changeNumber` is rendered as a string instead of an integer. */
  'wrong-type': 'session JSON has changeNumber as a string',
  /** Session JSON is sent with Content-Type text/plain. */
  'wrong-content-type': 'session JSON is labelled text/plain',
  /** A PUT with a stale If-Match ETag is applied instead of refused with 412. */
  'stale-etag-accepted': 'If-Match mismatches are ignored',
  /** Responses through a handle leave out Content-Location. */
  'no-content-location': 'handle dereference responses carry no Content-Location',
  /** Reading a session that does not exist gives 404 instead of 204. */
  '404-instead-of-204': 'GET of a missing session answers 404',
  /** Answers echo the caller's Authorization header (a target that leaks tokens into logs). */
  'echo-token': "answers echo the caller's Authorization in x-echo-authorization and in error messages",
  /** RTA shoulder taps leave out their changeNumber, which clients compare to drop taps they have seen. */
  'tap-without-change-number': 'RTA shoulder taps carry no changeNumber',
  /** Every other request is answered 429 with Retry-After: 0 and the throttle body (fine-grained rate limiting). */
  'throttle-every-other': 'every second request answers 429 Too Many Requests with Retry-After: 0',
  /** Every request is answered 503 with Retry-After (an overloaded service). */
  '503-with-retry-after': 'every request answers 503 Service Unavailable with Retry-After: 30',
} as const;

export type FaultName = keyof typeof FAULTS;

function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}

export class Faults {
  private readonly active = new Set<FaultName>();

  set(names: readonly string[]): void {
    const unknown = names.filter((n) => !isFaultName(n));
    if (unknown.length > 0) {
      throw new EmulatorSetupError(
        'FAULT_UNKNOWN',
        `unknown planted fault ${unknown.map((n) => `'${n}'`).join(', ')}; known: ${Object.keys(FAULTS).join(', ')}`,
      );
    }
    this.active.clear();
    for (const name of names) this.active.add(name as FaultName);
  }

  on(name: FaultName): boolean {
    return this.active.has(name);
  }
}

/** The echo-token fault: the caller's Authorization comes back in a header and in error messages. */
export function echoToken(faults: Faults, authorization: string | undefined, reply: Reply): Reply {
  if (!faults.on('echo-token') || !authorization) return reply;
  const text = reply.text !== undefined ? `${reply.text} (caller: ${authorization})` : reply.text;
  return { ...reply, headers: { ...reply.headers, 'x-echo-authorization': authorization }, ...(text !== undefined ? { text } : {}) };
}

/** The document faults, planted in the text a session document is rendered to (kept numbers stay as written). */
export function plantDocumentFaults(faults: Faults, text: string): string {
  if (!faults.on('missing-required-field') && !faults.on('wrong-type')) return text;
  const out = parseJson(text) as Record<string, unknown>;
  if (faults.on('missing-required-field')) delete out.correlationId;
  if (faults.on('wrong-type')) out.changeNumber = String(out.changeNumber);
  return stringifyJson(out);
}
