import { send } from './http-transport';

/** A handle id nobody has: any HTTP answer to it (404, 401, ...) proves the target is there. */
const PROBE = '/handles/00000000-0000-4000-8000-000000000000';

/**
 * Check once, before the first test, that a live target answers at all: an unreachable or hanging
 * target then stops the run with one clear error (TARGET_UNREACHABLE or TARGET_TIMEOUT), not one per test.
 */
export async function assertReachable(baseUrl: string, timeoutMs: number): Promise<void> {
  await send(baseUrl, { method: 'GET', path: PROBE, headers: { 'x-xbl-contract-version': '107' } }, timeoutMs);
}
