import { OPERATIONS, type Operation, type OperationSpec, operationOf, type ResponseSpec } from './operations';

/** One request/response pair as checks, reporters, coverage, drift and specs see it. */

export interface HttpRequest {
  method: string;
  /** Path and query, e.g. /handles/{id}/session?nocommit=true */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  text: string;
}

export interface Exchange {
  /** Identified from method and path by the operations table. */
  operation: Operation;
  request: HttpRequest;
  response: HttpResponse;
  /** The response body parsed as JSON, or undefined when it is empty or not JSON. */
  body: unknown;
}

export function parseJson(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The one way raw traffic becomes an Exchange: the client, the wire and recorded entries all use it. */
export function toExchange(request: HttpRequest, response: HttpResponse): Exchange {
  return { operation: operationOf(request.method, request.path), request, response, body: parseJson(response.text) };
}

export function specOf(e: Exchange): OperationSpec | undefined {
  return e.operation === 'unknown' ? undefined : OPERATIONS[e.operation];
}

/** The documented answer this exchange got, or undefined when its status is not documented for the operation. */
export function responseSpecOf(e: Exchange): ResponseSpec | undefined {
  return specOf(e)?.responses[e.response.status];
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema the response body must satisfy, or undefined for a bodiless or text answer (section 1.4). */
export function responseSchemaOf(e: Exchange): ResponseSpec['schema'] {
  const spec = responseSpecOf(e);
  if (!spec?.schema) return undefined;
  return spec.textAllowed && !isObject(e.body) ? undefined : spec.schema;
}

/** True when the response carries a session document: 200/201, or 403/412 with the session. */
export function carriesSession(e: Exchange): boolean {
  return responseSchemaOf(e) === 'MultiplayerSession';
}

/** A throttled answer (429, or 503 overloaded) that says when to come back: not a contract break, not a fixture. */
export function isThrottled(response: Pick<HttpResponse, 'status' | 'headers'>): boolean {
  return (response.status === 429 || response.status === 503) && response.headers['retry-after'] !== undefined;
}

/** How long Retry-After asks to wait, in ms (seconds or an HTTP date); undefined when it cannot be read. */
export function retryAfterMs(response: Pick<HttpResponse, 'headers'>, now: number = Date.now()): number | undefined {
  const value = response.headers['retry-after']?.trim();
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
