import type { Exchange } from '../contract/exchange';
import type { Violation } from '../schema/describe-violation';

/** A failed check is a value, not an exception: a title, a message, and the details behind it. */
export interface Failure {
  check: string;
  message: string;
  violations?: Violation[];
}

/** A check is a pure function of one exchange: a Failure, or undefined when the exchange passes. */
export type Check = (exchange: Exchange) => Failure | undefined;
