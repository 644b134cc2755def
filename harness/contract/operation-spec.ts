import type { SchemaName } from '../schema/registry';

/** The shape of one row of the operations table (operations.ts), and the answers rows share. */

/** A documented answer: its body document, when it has one. */
export interface ResponseSpec {
  /** The schema the body must satisfy. */
  schema?: SchemaName;
  /** The body may also be a plain-text message (403/412 carry the session only when the caller may read it). */
  textAllowed?: boolean;
  description: string;
}

export interface SessionRef {
  scid: string;
  templateName: string;
  name: string;
}
export interface TemplateRef {
  scid: string;
  templateName: string;
}
/** A member of a session, by its index (DELETE …/members/{index}). */
export interface MemberRef extends SessionRef {
  index: number;
}
/** A server entry of a session, by its name (DELETE …/servers/{name}). */
export interface ServerRef extends SessionRef {
  server: string;
}

/** What a client method takes before its body, per kind of row: the argument that fills the path. */
export interface PathArguments {
  none: undefined;
  handleId: string;
  scid: string;
  template: TemplateRef;
  sessionRef: SessionRef;
  member: MemberRef;
  server: ServerRef;
}
export type PathArgumentKind = keyof PathArguments;

/** The path parameters each kind of argument fills in (the names in the rows' path templates). */
export const PATH_PARAMETERS: { [K in PathArgumentKind]: (argument: PathArguments[K]) => Record<string, string> } = {
  none: () => ({}),
  handleId: (handleId) => ({ handleId }),
  scid: (scid) => ({ scid }),
  template: (t) => ({ scid: t.scid, templateName: t.templateName }),
  sessionRef: (r) => ({ scid: r.scid, templateName: r.templateName, sessionName: r.name }),
  member: (m) => ({ scid: m.scid, templateName: m.templateName, sessionName: m.name, index: String(m.index) }),
  server: (s) => ({ scid: s.scid, templateName: s.templateName, sessionName: s.name, serverName: s.server }),
};

export interface OperationSpec {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Path template; `{name}` is one path segment. */
  path: string;
  /** What the client method takes before the body (PathArguments). */
  params: PathArgumentKind;
  /** The request body's schema; operations without one send no body. */
  request?: SchemaName;
  /** Documented query parameters, for openapi.json (the client passes them in `options.query`). */
  query?: readonly string[];
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

export const text = (description: string): ResponseSpec => ({ description });
export const SESSION: ResponseSpec = { schema: 'MultiplayerSession', description: 'the session' };
const SESSION_OR_TEXT = (description: string): ResponseSpec => ({ schema: 'MultiplayerSession', textAllowed: true, description });

/** Answers any MPSD request can get (sections 1.4, 1.5). */
export const COMMON: Record<number, ResponseSpec> = {
  400: text('malformed request, a missing or too old x-xbl-contract-version'),
  401: text('no or unusable Authorization'),
  429: text('throttled; carries Retry-After'),
  503: text('overloaded; carries Retry-After'),
};
export const SESSION_READ: Record<number, ResponseSpec> = {
  ...COMMON,
  200: SESSION,
  204: text('the session does not exist'),
  304: text('If-None-Match matched: unchanged'),
  403: SESSION_OR_TEXT('the caller may not read the session'),
  404: text('unknown handle, service config or template'),
};
export const SESSION_WRITE: Record<number, ResponseSpec> = {
  ...COMMON,
  200: SESSION,
  201: { ...SESSION, description: 'the session, created by this write' },
  204: text('the write emptied the session (deleted) or created nobody'),
  403: SESSION_OR_TEXT('the caller may not write; the session when it may still read it'),
  404: text('unknown handle, service config or template'),
  409: text('the write conflicts with the session (constants, large-session membership)'),
  412: SESSION_OR_TEXT('If-Match / If-None-Match failed; the current session when the caller may read it'),
};
/** A write to a part of an existing session (properties, a member, a server): no create, 404 without a session. */
export const SUB_RESOURCE_WRITE: Record<number, ResponseSpec> = {
  ...COMMON,
  200: SESSION,
  204: text('the write emptied the session (deleted)'),
  403: SESSION_OR_TEXT('the caller may not write; the session when it may still read it'),
  404: text('the session does not exist, or unknown service config or template'),
  409: text('the write conflicts with the session (large-session membership)'),
  412: SESSION_OR_TEXT('If-Match failed; the current session when the caller may read it'),
};
