import { createHash } from 'node:crypto';
import { canonicalBody } from './canonical-json';

/** Headers that change what the service does, so two requests differing in them are different requests. */
export const MATCHED_HEADERS = ['x-xbl-contract-version', 'if-match', 'if-none-match'] as const;

export type PrincipalOf = (authorization: string | undefined) => string;

/** What makes two requests "the same" for replay. Never the token, host, port, date or user agent. */
export interface RequestIdentity {
  method: string;
  /** Path and query, query parameters sorted. */
  path: string;
  /** Canonical JSON (keys sorted) when the body parses, the raw text otherwise. */
  body: string;
  headers: Record<string, string>;
  /** The name of who sent it: a member and a stranger get different answers; the token never matters. */
  principal: string;
}

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/**
 * The identity of a request: the ONE definition of "the same request", used by Polly to find a
 * recorded answer and by the miss explanation to say what differs.
 */
export function requestIdentity(request: RawRequest, principalOf: PrincipalOf): RequestIdentity {
  const lower: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(request.headers)) lower[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  const headers: Record<string, string> = {};
  for (const name of MATCHED_HEADERS) if (lower[name] !== undefined) headers[name] = lower[name] as string;
  return {
    method: request.method.toUpperCase(),
    path: pathOf(request.url),
    body: canonicalBody(request.body),
    headers,
    principal: principalOf(lower.authorization),
  };
}

function pathOf(url: string): string {
  const parsed = new URL(url, 'http://x');
  if (parsed.search === '') return parsed.pathname; // most requests: nothing to sort
  const query = [...parsed.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));
  return parsed.pathname + (query.length ? `?${new URLSearchParams(query).toString()}` : '');
}

/**
 * Polly's matchRequestsBy: the whole identity as one key (Polly hashes it into the entry's `_id`),
 * plus the order of identical requests.
 */
export function matchRequestsBy(principalOf: PrincipalOf) {
  return {
    method: (_method: string, request: RawRequest) => JSON.stringify(requestIdentity(request, principalOf)),
    headers: false,
    body: false,
    url: false,
    order: true,
  };
}

/**
 * Name the principal behind an Authorization value: one of the configured principals; for a token the
 * harness was not given (a client behind the proxy brings its own) a stable name derived from its user
 * hash, never from the token; 'none' when absent, 'unknown' when it is not XBL3.0. A value already
 * redacted in a recording names its principal itself.
 */
export function principalResolver(principals: readonly { name: string; authorization: string }[]): PrincipalOf {
  return (authorization) => {
    if (!authorization) return 'none';
    const redacted = /^<redacted principal=([^>]+)>$/.exec(authorization);
    if (redacted) return redacted[1];
    const known = principals.find((p) => p.authorization === authorization)?.name;
    if (known) return known;
    const userHash = /^XBL3\.0 x=([^;]+);/.exec(authorization)?.[1];
    return userHash ? `user-${createHash('sha256').update(userHash).digest('hex').slice(0, 8)}` : 'unknown';
  };
}
