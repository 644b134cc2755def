/**
 * The one catalogue of harness errors. Every message says what went wrong and how to fix it
 * (docs/troubleshooting.md lists them with causes). Failed *checks* are not errors: they are values
 * (see checks/); these codes are for setup mistakes and for failures that must stop a test.
 */
export const ERROR_CODES = {
  /** An MPSD_* variable or a CLI flag holds a value the harness cannot use. */
  CONFIG_INVALID: 'CONFIG_INVALID',
  /** MPSD_CLIENT names a file that does not exist or exports no createClient(settings). */
  CLIENT_MODULE_INVALID: 'CLIENT_MODULE_INVALID',
  /** The client under test (MPSD_CLIENT) has no method for an operation a scenario calls. */
  CLIENT_LACKS_OPERATION: 'CLIENT_LACKS_OPERATION',
  /** An RTA websocket answered with frames the protocol does not have, or replay met a frame the recording does not hold. */
  RTA_PROTOCOL: 'RTA_PROTOCOL',
  /** A scenario acts as a principal the run has no token or xuid for. */
  PRINCIPAL_MISSING: 'PRINCIPAL_MISSING',
  /** Replay found no recorded response for a request. */
  REPLAY_MISS: 'REPLAY_MISS',
  /** A response broke the contract (schema, status, content type, required header). */
  CONTRACT_VIOLATION: 'CONTRACT_VIOLATION',
  /** A request body the client was about to send, or sent, breaks the request schema. */
  REQUEST_INVALID: 'REQUEST_INVALID',
  /** A schema name the registry does not hold. */
  SCHEMA_UNKNOWN: 'SCHEMA_UNKNOWN',
  /** A file in schemas/ that cannot be loaded (no absolute $id, not JSON, rejected by strict mode). */
  SCHEMA_INVALID: 'SCHEMA_INVALID',
  /** A recording file that cannot be read as a Polly HAR. */
  RECORDING_INVALID: 'RECORDING_INVALID',
  /** A recording could not be written (a read-only directory, a full disk); the previous one is kept. */
  RECORDING_WRITE_FAILED: 'RECORDING_WRITE_FAILED',
  /** recordings/lint-allowlist.json is not a list of reviewed {file, entry?, path?, rule, reason}. */
  ALLOWLIST_INVALID: 'ALLOWLIST_INVALID',
  /** The lint's replay of the catalogue (to learn which entries are used) did not finish. */
  LINT_REPLAY_FAILED: 'LINT_REPLAY_FAILED',
  /** The target could not be reached (refused, unknown host, reset). */
  TARGET_UNREACHABLE: 'TARGET_UNREACHABLE',
  /** The target accepted the request but did not answer within MPSD_TIMEOUT_MS. */
  TARGET_TIMEOUT: 'TARGET_TIMEOUT',
  /** A connection left the process in a mode that must not reach the network (harness/tripwire.cjs). */
  NETWORK_ESCAPE: 'NETWORK_ESCAPE',
  /** A request on the wire got no answer (a replay miss, a network error) and the test went on as if it had. */
  WIRE_REQUEST_FAILED: 'WIRE_REQUEST_FAILED',
  /** covers() named a behaviour that harness/coverage/behaviours.ts does not list. */
  BEHAVIOUR_UNKNOWN: 'BEHAVIOUR_UNKNOWN',
  /** scenario() was called outside a test of specs/. */
  NO_SCENARIO: 'NO_SCENARIO',
  /** A scenario helper was called without what it needs (a transfer handle without its origin, ...). */
  HELPER_MISUSE: 'HELPER_MISUSE',
  /** merge-reports was given shard reports that do not make one whole run (a shard missing, twice, or of another split). */
  SHARDS_INCOMPLETE: 'SHARDS_INCOMPLETE',
  /** A live run needs a principal's sign-in that is missing or can no longer be refreshed without the user. */
  SIGN_IN_REQUIRED: 'SIGN_IN_REQUIRED',
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
