/** What one request/response pair looks like to checks, reporters and specs. */

/** The operations of the handle surface; checks pick schemas by operation. */
export const OPERATIONS = ['createHandle', 'getHandle', 'deleteHandle', 'getSessionByHandle', 'putSessionByHandle', 'getSession', 'putSession', 'raw'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface HttpRequest {
  method: string;
  /** Path and query, e.g. /handles/{id}/session?nocommit=true */
  path: string;
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
  operation: Operation;
  request: HttpRequest;
  response: HttpResponse;
  /** The response body parsed as JSON, or undefined when it is empty or not JSON. */
  body: unknown;
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
