import { configuredTokens } from './config';
import type { Exchange } from './contract/exchange';

/**
 * The one scrubber. What must never reach a recording, a report, a drift file, the console or an
 * error: header values are replaced wholesale (Authorization keeps only the name of the principal that
 * sent it, so a recording still says who acted), and every text is cleared of the configured tokens
 * (MPSD_AUTH*) and of anything shaped like a credential.
 */
const SECRET_HEADERS = ['authorization', 'signature', 'cookie', 'set-cookie', 'x-xbl-signature'] as const;

export const REDACTED = '<redacted>';

export function redactedAuthorization(principal: string): string {
  return `<redacted principal=${principal}>`;
}

export function isSecretHeader(name: string): boolean {
  return (SECRET_HEADERS as readonly string[]).includes(name.toLowerCase());
}

/** Patterns that look like credentials wherever they appear (bodies, URLs, unexpected headers). */
export const SECRET_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'XBL3.0 token', pattern: /XBL3\.0 x=[^<"\s*][^"\s]*/g },
  // JWS (3 segments) and JWE (5; XSTS tokens are JWEs, some segments may be empty): every segment goes.
  { name: 'JWT', pattern: /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}(?:\.[A-Za-z0-9_-]*){0,3}/g },
];

/** Each token whole and without its `XBL3.0 x=<userhash>;` prefix (long enough to be a secret). */
function variants(tokens: readonly string[]): string[] {
  return tokens
    .filter((v) => v.length >= 8 && !v.startsWith('<redacted'))
    .flatMap((auth) => [auth, auth.replace(/^XBL3\.0 x=[^;]*;/, '')].filter((s) => s.length >= 8));
}

/** The configured tokens (every MPSD_AUTH* that is set), whole and without their prefix. */
export function configuredSecrets(env: Record<string, string | undefined>): string[] {
  return variants(configuredTokens(env));
}

/**
 * Values seen in an Authorization header during this process (a proxy's clients bring their own): from
 * then on they are scrubbed wherever they appear, in a query string, a custom header or a body, whatever
 * their shape.
 */
const seen = new Set<string>();
export function rememberSecret(authorization: string): void {
  for (const value of variants([authorization])) seen.add(value);
}

/** The configured and the seen secrets, longest first, gathered again only when either changed. */
let memo: { key: string; secrets: readonly string[] } | undefined;
function currentSecrets(): readonly string[] {
  const configured = configuredTokens();
  const key = `${configured.join('\u0000')}\u0001${seen.size}`;
  if (memo?.key !== key) memo = { key, secrets: [...new Set([...variants(configured), ...seen])].sort((a, b) => b.length - a.length) };
  return memo.secrets;
}

/** Replace every configured token and every credential-shaped substring. */
export function scrubText(text: string, known?: readonly string[]): string {
  return scrubWith(text, known ? [...known].sort((a, b) => b.length - a.length) : currentSecrets());
}

/** scrubText with the secrets already looked up: callers scrubbing many values read the environment once. */
function scrubWith(text: string, secrets: readonly string[]): string {
  const withoutKnown = secrets.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(REDACTED) : out), text);
  return SECRET_PATTERNS.reduce((out, { pattern }) => out.replace(pattern, REDACTED), withoutKnown);
}

/** An exchange safe to attach to an error or a report: secret headers replaced, every text scrubbed. */
export function redactExchange(exchange: Exchange): Exchange {
  const secrets = currentSecrets();
  const scrub = (text: string) => scrubWith(text, secrets);
  const headers = (h: Record<string, string>) =>
    Object.fromEntries(Object.entries(h).map(([k, v]) => [k, isSecretHeader(k) ? (/^<redacted[^>]*>$/.test(v) ? v : REDACTED) : scrub(v)]));
  const { request, response } = exchange;
  return {
    ...exchange,
    request: {
      ...request,
      path: scrub(request.path),
      headers: headers(request.headers),
      ...(request.body !== undefined ? { body: scrub(request.body) } : {}),
    },
    response: { ...response, headers: headers(response.headers), text: scrub(response.text) },
  };
}

/** Lower-case headers with every secret replaced: Authorization by the name of its principal, the rest by <redacted>. */
export function redactHeaders(
  headers: Record<string, string>,
  principalOf: (authorization: string | undefined) => string,
): Record<string, string> {
  const secrets = currentSecrets();
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const lower = name.toLowerCase();
      if (lower === 'authorization') {
        rememberSecret(value);
        return [lower, redactedAuthorization(principalOf(value))];
      }
      return [lower, isSecretHeader(lower) ? REDACTED : scrubWith(value, secrets)];
    }),
  );
}

/**
 * An error made safe to leave the harness: message, stack and any string it carries (chai's actual and
 * expected) scrubbed. An error that carries data declares it and makes it safe itself (ContractViolation
 * redacts its exchange when it is made). Mutates and returns the same error, so its class
 * and its place in mocha's bookkeeping stay.
 */
export function scrubError(error: unknown): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? scrubText(error) : error;
  const carried = error as Error & Record<string, unknown>;
  for (const key of ['message', 'stack', 'actual', 'expected']) {
    const value = carried[key];
    if (typeof value === 'string')
      Object.defineProperty(carried, key, {
        value: scrubText(value),
        writable: true,
        configurable: true,
        enumerable: key !== 'stack' && key !== 'message',
      });
  }
  return error;
}
