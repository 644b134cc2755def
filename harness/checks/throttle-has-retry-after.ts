import type { Check } from './failure';

/**
 * 503 (overloaded) and 429 (rate limited) answers carry Retry-After, which clients must honour
 * (section 1.4). This check reports the answer itself too: a scenario cannot pass on an overloaded service.
 */
export const throttleHasRetryAfter: Check = (e) => {
  const { status, headers } = e.response;
  if (status !== 503 && status !== 429) return undefined;
  const retryAfter = headers['retry-after'];
  return {
    check: 'throttle-has-retry-after',
    message: retryAfter
      ? `the target answered ${status} ${status === 503 ? 'Service Unavailable' : 'Too Many Requests'} with Retry-After: ${retryAfter}; it is overloaded or throttling, so the scenario could not run`
      : `the target answered ${status} without the Retry-After header the contract requires`,
  };
};
