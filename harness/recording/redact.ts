/**
 * What must never reach a recording. Header values are replaced wholesale; Authorization keeps only
 * the name of the principal that sent it, so a recording still says who acted.
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

/** Replace every credential-shaped substring. */
export function scrubText(text: string): string {
  return SECRET_PATTERNS.reduce((out, { pattern }) => out.replace(pattern, REDACTED), text);
}

/** Lower-case headers with every secret replaced: Authorization by the name of its principal, the rest by <redacted>. */
export function redactHeaders(headers: Record<string, string>, principalOf: (authorization: string | undefined) => string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const lower = name.toLowerCase();
      if (lower === 'authorization') return [lower, redactedAuthorization(principalOf(value))];
      return [lower, isSecretHeader(lower) ? REDACTED : scrubText(value)];
    }),
  );
}
