/**
 * The one catalogue of harness errors. Every message says what went wrong and how to fix it.
 * Failed *checks* are not errors: they are values (see checks/); these codes are for setup
 * mistakes and for failures that must stop a test (a replay miss, an escaped request).
 */
export const ERROR_CODES = {
  /** An MPSD_* variable holds a value the harness cannot use. */
  CONFIG_INVALID: 'CONFIG_INVALID',
  /** Replay found no recorded response for a request. */
  REPLAY_MISS: 'REPLAY_MISS',
  /** A response broke the contract (schema, content type, required header). */
  CONTRACT_VIOLATION: 'CONTRACT_VIOLATION',
  /** A request body the harness was about to send breaks the request schema. */
  REQUEST_INVALID: 'REQUEST_INVALID',
  /** A schema name or $ref the registry does not hold. */
  SCHEMA_UNKNOWN: 'SCHEMA_UNKNOWN',
  /** A recording file that cannot be read as a Polly HAR. */
  RECORDING_INVALID: 'RECORDING_INVALID',
  /** The live target could not be reached. */
  TARGET_UNREACHABLE: 'TARGET_UNREACHABLE',
  /** A recording could not be written (a read-only directory, a full disk); the previous one is kept. */
  RECORDING_WRITE_FAILED: 'RECORDING_WRITE_FAILED',
  /** A request on the wire got no answer (a replay miss, a network error) and the test went on as if it had. */
  WIRE_REQUEST_FAILED: 'WIRE_REQUEST_FAILED',
  /** covers() named a behaviour that harness/coverage/behaviours.ts does not list. */
  BEHAVIOUR_UNKNOWN: 'BEHAVIOUR_UNKNOWN',
  /** scenario() was called outside a test of specs/. */
  NO_SCENARIO: 'NO_SCENARIO',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export class HarnessError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(`[harness:${code}] ${message}`);
    this.name = 'HarnessError';
    this.code = code;
  }
}

export function isHarnessError(error: unknown, code?: ErrorCode): error is HarnessError {
  return error instanceof HarnessError && (code === undefined || error.code === code);
}
