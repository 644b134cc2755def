/**
 * An MPSD error response. MPSD 4xx bodies are text/plain messages (section 1.5); 403 and 412 may carry
 * the session JSON instead, which handlers send themselves.
 */
export class MpsdError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Why the emulator could not start: a bad templates file, social graph or fault name. Not an HTTP answer. */
const SETUP_ERRORS = {
  TEMPLATES_INVALID: 'TEMPLATES_INVALID',
  SOCIAL_GRAPH_INVALID: 'SOCIAL_GRAPH_INVALID',
  FAULT_UNKNOWN: 'FAULT_UNKNOWN',
} as const;

/** The emulator's set-up errors, each with its code (SETUP_ERRORS) and a message that names the fix. */
export class EmulatorSetupError extends Error {
  constructor(
    readonly code: keyof typeof SETUP_ERRORS,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorSetupError';
  }
}

/** Messages quoted from the docs (section 1.5) where one exists, so clients see the real wording. */
export const MESSAGES = {
  unknownScid: 'The requested service config is either invalid or not configured for sessions.',
  sessionNotFound: "The requested session wasn't found.",
  privateSession: 'The requested session cannot be accessed. Private Sessions can only be read by members of the session.',
  serverOnlyMembers: "The request body can't contain existing member references unless the authentication principal includes a server.",
  handleNotFound: 'The requested handle was not found.',
} as const;
