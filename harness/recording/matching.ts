import { canonicalBody } from './canonical-json';

/** Headers that change what the service does, so two requests differing in them are different requests. */
export const MATCHED_HEADERS = ['x-xbl-contract-version', 'if-match', 'if-none-match'] as const;

export type PrincipalOf = (authorization: string | undefined) => string;

/** What makes two requests "the same" for replay. Never the token, host, port, date or user agent. */
export interface RequestIdentity {
  method: string;
  path: string;
  body: string;
  headers: Record<string, string>;
  principal: string;
}

/** Polly's matchRequestsBy: method, path, query, canonical JSON body, the headers above, and order. */
export function matchRequestsBy(principalOf: PrincipalOf) {
  return {
    method: true,
    order: true,
    body: (body: unknown) => canonicalBody(body),
    headers: (headers: Record<string, string | string[] | undefined>) => matchedHeaders(headers, principalOf),
    url: { protocol: false, username: false, password: false, hostname: false, port: false, pathname: true, query: true, hash: false },
  };
}

export function matchedHeaders(headers: Record<string, string | string[] | undefined>, principalOf: PrincipalOf): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of MATCHED_HEADERS) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // Who sent it matters (a member and a stranger get different answers); the token never does.
  const auth = headers.authorization;
  out.principal = principalOf(Array.isArray(auth) ? auth[0] : auth);
  return out;
}

/**
 * Name the principal behind an Authorization value: one of the configured principals, 'none' when
 * absent, 'unknown' otherwise. A value already redacted in a recording names its principal itself.
 */
export function principalResolver(principals: readonly { name: string; authorization: string }[]): PrincipalOf {
  return (authorization) => {
    if (!authorization) return 'none';
    const redacted = /^<redacted principal=([^>]+)>$/.exec(authorization);
    if (redacted) return redacted[1];
    return principals.find((p) => p.authorization === authorization)?.name ?? 'unknown';
  };
}
