import type { Exchange } from '../client/exchange';
import type { Violation } from '../schema/describe-violation';

/** A failed check is a value, not an exception: a title, a message, and the details behind it. */
export interface Failure {
  check: string;
  message: string;
  violations?: Violation[];
}

/** A check is a pure function of one exchange: a Failure, or undefined when the exchange passes. */
export type Check = (exchange: Exchange) => Failure | undefined;

export const isSessionOperation = (e: Exchange) =>
  e.operation === 'getSession' || e.operation === 'putSession' || e.operation === 'getSessionByHandle' || e.operation === 'putSessionByHandle';

export const isHandleSessionOperation = (e: Exchange) => e.operation === 'getSessionByHandle' || e.operation === 'putSessionByHandle';

/** True when the response carries a session document: 200/201, or 403/412 with the session (section 1.4). */
export function carriesSession(e: Exchange): boolean {
  const { status } = e.response;
  if (!isSessionOperation(e)) return false;
  if (status === 200 || status === 201) return true;
  return (status === 403 || status === 412) && typeof e.body === 'object' && e.body !== null;
}
