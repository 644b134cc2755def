import { type Check, failure } from './failure';

/**
 * 503 (overloaded) and 429 (rate limited) answers carry Retry-After, which clients must honour
 * (section 1.4). A throttled answer with it is the service working as documented: the harness's client
 * retries it and it is reported as throttling, never as a contract break. Without it, it is a break.
 */
export const throttleHasRetryAfter: Check = (e) => {
  const { status, headers } = e.response;
  if ((status !== 503 && status !== 429) || headers['retry-after'] !== undefined) return undefined;
  return failure(
    'throttle-has-retry-after',
    { status },
    `the target answered ${status} without the Retry-After header the contract requires`,
  );
};
