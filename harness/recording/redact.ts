/**
 * What must never reach a recording. Header values are replaced wholesale; Authorization keeps only
 * the name of the principal that sent it, so a recording still says who acted.
 */
export const SECRET_HEADERS = ['authorization', 'signature', 'cookie', 'set-cookie', 'x-xbl-signature'] as const;

export const REDACTED = '<redacted>';

export function redactedAuthorization(principal: string): string {
  return `<redacted principal=${principal}>`;
}

/** The principal named in a redacted Authorization value, or undefined. */
export function principalFromRedacted(value: string | undefined): string | undefined {
  return value === undefined ? undefined : /^<redacted principal=([^>]+)>$/.exec(value)?.[1];
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
