import { LIVE_PRINCIPAL_VARIABLES } from './config';
import type { Exchange } from './contract/exchange';

/**
 * The one scrubber. What must never reach a recording, a report, a drift file, the console or an
 * error: header values are replaced wholesale (Authorization keeps only the name of the principal that
 * sent it, so a recording still says who acted), and every text is cleared of the configured tokens
 * (MPSD_AUTH*) and of anything shaped like a credential.
 */
export const SECRET_HEADERS = ['authorization', 'signature', 'cookie', 'set-cookie', 'x-xbl-signature'] as const;

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
  { name: 'JWT', pattern: /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}(?:\.[A-Za-z0-9_-]*)?/g },
];

/** The configured tokens (every MPSD_AUTH* that is set), whole and without their `XBL3.0 x=<userhash>;` prefix. */
export function configuredSecrets(env: Record<string, string | undefined> = process.env): string[] {
  return Object.values(LIVE_PRINCIPAL_VARIABLES)
    .map((v) => env[v.auth])
    .filter((v): v is string => !!v && v.length >= 8)
    .flatMap((auth) => [auth, auth.replace(/^XBL3\.0 x=[^;]*;/, '')].filter((s) => s.length >= 8));
}

/** The configured secrets, longest first, read again only when an MPSD_AUTH* variable changed. */
let memo: { key: string; secrets: readonly string[] } | undefined;
function currentSecrets(): readonly string[] {
  const key = Object.values(LIVE_PRINCIPAL_VARIABLES)
    .map((v) => process.env[v.auth] ?? '')
    .join('\u0000');
  if (memo?.key !== key) memo = { key, secrets: configuredSecrets().sort((a, b) => b.length - a.length) };
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
  const headers = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, isSecretHeader(k) ? (/^<redacted[^>]*>$/.test(v) ? v : REDACTED) : scrub(v)]));
  const { request, response } = exchange;
  return {
    ...exchange,
    request: { ...request, path: scrub(request.path), headers: headers(request.headers), ...(request.body !== undefined ? { body: scrub(request.body) } : {}) },
    response: { ...response, headers: headers(response.headers), text: scrub(response.text) },
  };
}

/** Lower-case headers with every secret replaced: Authorization by the name of its principal, the rest by <redacted>. */
export function redactHeaders(headers: Record<string, string>, principalOf: (authorization: string | undefined) => string): Record<string, string> {
  const secrets = currentSecrets();
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const lower = name.toLowerCase();
      if (lower === 'authorization') return [lower, redactedAuthorization(principalOf(value))];
      return [lower, isSecretHeader(lower) ? REDACTED : scrubWith(value, secrets)];
    }),
  );
}

/**
 * An error made safe to leave the harness: message, stack and any string it carries (chai's actual and
 * expected) scrubbed, an attached exchange redacted. Mutates and returns the same error, so its class
 * and its place in mocha's bookkeeping stay.
 */
export function scrubError(error: unknown): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? scrubText(error) : error;
  const carried = error as Error & Record<string, unknown>;
  for (const key of ['message', 'stack', 'actual', 'expected']) {
    const value = carried[key];
    if (typeof value === 'string') Object.defineProperty(carried, key, { value: scrubText(value), writable: true, configurable: true, enumerable: key !== 'stack' && key !== 'message' });
  }
  const exchange = carried.exchange as Exchange | undefined;
  if (exchange && typeof exchange === 'object' && 'request' in exchange)
    Object.defineProperty(carried, 'exchange', { value: redactExchange(exchange), writable: true, configurable: true, enumerable: true });
  return error;
}
