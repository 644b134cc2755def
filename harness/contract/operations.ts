import { HarnessError, ERROR_CODES } from '../errors';
import type { SchemaName } from '../schema/registry';

/**
 * THE table of the MPSD surface this harness speaks. Each row is one operation: how it looks on the
 * wire, what it sends, what it may answer and with which document. The client, the checks, coverage,
 * the recordings lint, drift, the miss explanation and openapi.json all read this table, so adding an
 * endpoint is one row here and one method on the client.
 */

/** A documented answer: its body document, when it has one. */
export interface ResponseSpec {
  /** The schema the body must satisfy. */
  schema?: SchemaName;
  /** The body may also be a plain-text message (403/412 carry the session only when the caller may read it). */
  textAllowed?: boolean;
  description: string;
}

export interface OperationSpec {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Path template; `{name}` is one path segment. */
  path: string;
  /** What the client method takes before the body: nothing, a handle id, or a session reference. */
  params: 'none' | 'handleId' | 'sessionRef';
  /** The request body's schema; operations without one send no body. */
  request?: SchemaName;
  /** Every status the contract documents for this operation (docs/protocol.md 1.4 and DECISIONS.md). */
  responses: Readonly<Record<number, ResponseSpec>>;
  /** The answer is a session reached through a handle: it names the session in Content-Location (section 3.4). */
  viaHandle: boolean;
  /** How coverage and reports name the endpoint. */
  label: string;
  summary: string;
  /** docs/protocol.md sections. */
  sections: string;
}

const SESSION: ResponseSpec = { schema: 'MultiplayerSession', description: 'the session' };
const SESSION_OR_TEXT = (description: string): ResponseSpec => ({ schema: 'MultiplayerSession', textAllowed: true, description });
const text = (description: string): ResponseSpec => ({ description });
/** Answers any MPSD request can get (sections 1.4, 1.5). */
const COMMON: Record<number, ResponseSpec> = {
  400: text('malformed request, a missing or too old x-xbl-contract-version'),
  401: text('no or unusable Authorization'),
  429: text('throttled; carries Retry-After'),
  503: text('overloaded; carries Retry-After'),
};
const SESSION_READ: Record<number, ResponseSpec> = {
  ...COMMON,
  200: SESSION,
  204: text('the session does not exist'),
  304: text('If-None-Match matched: unchanged'),
  403: SESSION_OR_TEXT('the caller may not read the session'),
  404: text('unknown handle, service config or template'),
};
const SESSION_WRITE: Record<number, ResponseSpec> = {
  ...COMMON,
  200: SESSION,
  201: { ...SESSION, description: 'the session, created by this write' },
  204: text('the write emptied the session (deleted) or created nobody'),
  403: SESSION_OR_TEXT('the caller may not write; the session when it may still read it'),
  404: text('unknown handle, service config or template'),
  409: text('the write conflicts with the session (constants, large-session membership)'),
  412: SESSION_OR_TEXT('If-Match / If-None-Match failed; the current session when the caller may read it'),
};
const HANDLE_PATH = '/handles/{handleId}';
const SESSION_PATH = '/serviceconfigs/{scid}/sessiontemplates/{templateName}/sessions/{sessionName}';

const ROWS = {
  createHandle: {
    method: 'POST',
    path: '/handles',
    params: 'none',
    request: 'HandleCreateRequest',
    viaHandle: false,
    label: 'POST /handles',
    summary: 'Create a handle to a session',
    sections: '2.2, 3.1',
    responses: {
      ...COMMON,
      200: { schema: 'Handle', description: 'the handle' },
      201: { schema: 'Handle', description: 'the created handle' },
      403: text('the caller may not create this handle'),
      404: text('unknown service config or template, or no such session for a search handle'),
      409: text('the session already has a search handle'),
    },
  },
  queryHandles: {
    method: 'POST',
    path: '/handles/query',
    params: 'none',
    request: 'HandleQueryRequest',
    viaHandle: false,
    label: 'POST /handles/query',
    summary: 'Find activity handles by owner, or search handles by template and filter',
    sections: '3.7',
    responses: { ...COMMON, 200: { schema: 'HandleQueryResponse', description: 'the handles found, at most 100' }, 404: text('unknown service config or template') },
  },
  getHandle: {
    method: 'GET',
    path: HANDLE_PATH,
    params: 'handleId',
    viaHandle: false,
    label: 'GET /handles/{id}',
    summary: 'Read a handle',
    sections: '3.2',
    responses: { ...COMMON, 200: { schema: 'Handle', description: 'the handle' }, 404: text('unknown handle') },
  },
  deleteHandle: {
    method: 'DELETE',
    path: HANDLE_PATH,
    params: 'handleId',
    viaHandle: false,
    label: 'DELETE /handles/{id}',
    summary: 'Delete a handle',
    sections: '3.3',
    responses: { ...COMMON, 204: text('deleted'), 403: text('only the owner may delete it'), 404: text('unknown handle') },
  },
  getSessionByHandle: {
    method: 'GET',
    path: `${HANDLE_PATH}/session`,
    params: 'handleId',
    viaHandle: true,
    label: 'GET /handles/{id}/session',
    summary: 'Read the session a handle points to',
    sections: '3.4, 6',
    responses: SESSION_READ,
  },
  putSessionByHandle: {
    method: 'PUT',
    path: `${HANDLE_PATH}/session`,
    params: 'handleId',
    request: 'MultiplayerSessionRequest',
    viaHandle: true,
    label: 'PUT /handles/{id}/session',
    summary: 'Create or update the session a handle points to',
    sections: '3.5, 4, 6',
    responses: SESSION_WRITE,
  },
  getSession: {
    method: 'GET',
    path: SESSION_PATH,
    params: 'sessionRef',
    viaHandle: false,
    label: 'GET /serviceconfigs/{scid}/sessiontemplates/{t}/sessions/{name}',
    summary: 'Read a session',
    sections: '3.6',
    responses: SESSION_READ,
  },
  putSession: {
    method: 'PUT',
    path: SESSION_PATH,
    params: 'sessionRef',
    request: 'MultiplayerSessionRequest',
    viaHandle: false,
    label: 'PUT /serviceconfigs/{scid}/sessiontemplates/{t}/sessions/{name}',
    summary: 'Create or update a session',
    sections: '3.6, 4',
    responses: SESSION_WRITE,
  },
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof ROWS;
export const OPERATIONS: Readonly<Record<OperationName, OperationSpec>> = ROWS;
/** An exchange's operation: a row of the table, or 'unknown' for a request outside the contract. */
export type Operation = OperationName | 'unknown';
export const OPERATION_NAMES = Object.keys(ROWS) as OperationName[];

const MATCHERS = OPERATION_NAMES.map((name) => {
  const { method, path } = OPERATIONS[name];
  const pattern = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return { name, method: method as string, pattern: new RegExp(`^${pattern}$`, 'i') };
});

/** The operation a method and path belong to (query ignored; segment names compare case-insensitively, section 1.1). */
export function operationOf(method: string, path: string): Operation {
  const pathname = path.split('?')[0];
  // The most literal path wins, whatever the verb: /handles/query is never a handle id, so GET on it
  // is no operation of the contract (MPSD answers 405), not getHandle.
  const paths = MATCHERS.filter((m) => m.pattern.test(pathname));
  const best = Math.max(-1, ...paths.map((m) => literalLength(m.name)));
  return paths.find((m) => literalLength(m.name) === best && m.method === method.toUpperCase())?.name ?? 'unknown';
}

function literalLength(name: OperationName): number {
  return OPERATIONS[name].path.replace(/\{[^}]+\}/g, '').length;
}

/** The path of an operation with its parameters filled in, each percent-encoded. */
export function pathFor(operation: OperationName, params: Record<string, string> = {}): string {
  return OPERATIONS[operation].path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new HarnessError(ERROR_CODES.HELPER_MISUSE, `pathFor(${operation}): the path parameter '${name}' is missing; pass it in the parameters object`);
    return encodeURIComponent(value);
  });
}
