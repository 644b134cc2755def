import type { Exchange } from '../contract/exchange';
import type { Violation } from '../schema/describe-violation';

/**
 * What each check found, as data (as ajv's ErrorObject<keyword, params> carries its keyword's params):
 * the message is for people, the params for code. Reports group failures on (check, cause params).
 */
export interface FailureParams {
  'content-type-matches-body': { status: number; contentType: string };
  'handle-response-names-session': { status: number; contentLocation: string | null };
  'keys-match-documented-case': { variants: string[] };
  'member-bookkeeping': { problems: string[] };
  'request-matches-schema': { operation: string; schema: string };
  'response-carries-no-credential': { where: string };
  'response-matches-schema': { status: number; schema: string };
  'rta-frame-is-documented': { problem: string };
  'session-fields-agree': { problems: string[] };
  'session-response-has-etag': { status: number };
  'status-is-documented': { operation: string; status: number; documented: number[] };
  'throttle-has-retry-after': { status: number };
}
export type CheckId = keyof FailureParams;

/** A failed check is a value, not an exception: which check, its params, a message, and the schema violations behind it. */
export type Failure<C extends CheckId = CheckId> = {
  [K in C]: { check: K; params: FailureParams[K]; message: string; violations?: Violation[] };
}[C];

/**
 * The params that name a failure's cause: one cause reads the same in every test it hits, so the
 * per-test parts (a session's own problems, a path with its ids, a leaked header's value) stay out.
 */
export const CAUSE_PARAMS: { [K in CheckId]: readonly (keyof FailureParams[K])[] } = {
  'content-type-matches-body': ['status', 'contentType'],
  'handle-response-names-session': ['status'],
  'keys-match-documented-case': ['variants'],
  'member-bookkeeping': [],
  'request-matches-schema': ['operation', 'schema'],
  'response-carries-no-credential': ['where'],
  'response-matches-schema': ['status', 'schema'],
  'rta-frame-is-documented': [],
  'session-fields-agree': [],
  'session-response-has-etag': ['status'],
  'status-is-documented': ['operation', 'status'],
  'throttle-has-retry-after': ['status'],
};

export function failure<C extends CheckId>(check: C, params: FailureParams[C], message: string, violations?: Violation[]): Failure<C> {
  return { check, params, message, ...(violations ? { violations } : {}) } as Failure<C>;
}

/** A check is a pure function of one exchange: a Failure, or undefined when the exchange passes. */
export type Check = (exchange: Exchange) => Failure | undefined;
