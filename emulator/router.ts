import { MpsdError } from './errors';
import type { Call } from './handlers/call';
import { createHandle, deleteHandle, readHandle, sessionByHandle } from './handlers/handles';
import { queryHandles } from './handlers/query';
import { deleteMember, deleteServer, putProperties } from './handlers/session-parts';
import { batchQuerySessions, querySessions } from './handlers/session-query';
import { getSession, putSession } from './handlers/sessions';
import { getTemplate, listTemplates } from './handlers/templates';
import { openApiReply } from './openapi';
import type { Reply } from './reply';
import type { EmulatorState } from './state';

type Handler = (state: EmulatorState, call: Call, params: string[]) => Reply;

interface Route {
  /** Matched against the decoded path; segment names are case-insensitive (section 1.1). */
  pattern: RegExp;
  methods: Record<string, Handler>;
  /** Served without Authorization or contract version (the API description). */
  open?: true;
}

const SEGMENT = '([^/]+)';
const SESSION = `^/serviceconfigs/${SEGMENT}/sessiontemplates/${SEGMENT}/sessions/${SEGMENT}`;
const refOf = ([scid, templateName, name]: string[]) => ({ scid, templateName, name });

/** Every endpoint the emulator serves; anything else is 404, a known path with another verb 405. */
export const ROUTES: Route[] = [
  { pattern: /^\/openapi\.json$/i, methods: { GET: () => openApiReply() }, open: true },
  { pattern: /^\/handles$/i, methods: { POST: (s, c) => createHandle(s, c) } },
  { pattern: /^\/handles\/query$/i, methods: { POST: (s, c) => queryHandles(s, c) } },
  {
    pattern: new RegExp(`^/handles/${SEGMENT}/session$`, 'i'),
    methods: { GET: (s, c, [id]) => sessionByHandle(s, c, id), PUT: (s, c, [id]) => sessionByHandle(s, c, id) },
  },
  {
    pattern: new RegExp(`^/handles/${SEGMENT}$`, 'i'),
    methods: { GET: (s, _c, [id]) => readHandle(s, id), DELETE: (s, c, [id]) => deleteHandle(s, c, id) },
  },
  {
    pattern: new RegExp(`${SESSION}$`, 'i'),
    methods: {
      GET: (s, c, p) => getSession(s, c, { ref: refOf(p), grant: { via: 'direct' } }),
      PUT: (s, c, p) => putSession(s, c, { ref: refOf(p), grant: { via: 'direct' } }),
    },
  },
  { pattern: new RegExp(`${SESSION}/properties$`, 'i'), methods: { PUT: (s, c, p) => putProperties(s, c, refOf(p)) } },
  { pattern: new RegExp(`${SESSION}/members/${SEGMENT}$`, 'i'), methods: { DELETE: (s, c, p) => deleteMember(s, c, refOf(p), p[3]) } },
  { pattern: new RegExp(`${SESSION}/servers/${SEGMENT}$`, 'i'), methods: { DELETE: (s, c, p) => deleteServer(s, c, refOf(p), p[3]) } },
  { pattern: new RegExp(`^/serviceconfigs/${SEGMENT}/sessions$`, 'i'), methods: { GET: (s, c, [scid]) => querySessions(s, c, scid) } },
  { pattern: new RegExp(`^/serviceconfigs/${SEGMENT}/batch$`, 'i'), methods: { POST: (s, c, [scid]) => batchQuerySessions(s, c, scid) } },
  {
    pattern: new RegExp(`^/serviceconfigs/${SEGMENT}/sessiontemplates$`, 'i'),
    methods: { GET: (s, _c, [scid]) => listTemplates(s, scid) },
  },
  {
    pattern: new RegExp(`^/serviceconfigs/${SEGMENT}/sessiontemplates/${SEGMENT}$`, 'i'),
    methods: { GET: (s, _c, [scid, t]) => getTemplate(s, scid, t) },
  },
  {
    pattern: new RegExp(`^/serviceconfigs/${SEGMENT}/sessiontemplates/${SEGMENT}/sessions$`, 'i'),
    methods: { GET: (s, c, [scid, t]) => querySessions(s, c, scid, t) },
  },
];

export interface RouteMatch {
  handler: Handler;
  params: string[];
  open: boolean;
}

/** A percent-decoded path segment; a malformed escape (%E0%A4%A) is the client's mistake: 400. */
function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment; // most segments are plain: decoding them would give them back
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new MpsdError(400, `The path segment '${segment.slice(0, 100)}' has a malformed percent-encoding.`);
  }
}

/** Find the handler for a request, or throw the 404/405 MPSD gives (section 1.4). */
export function route(method: string, path: string): RouteMatch {
  for (const route of ROUTES) {
    const { pattern, methods } = route;
    const match = pattern.exec(path);
    if (!match) continue;
    const handler = methods[method];
    if (!handler)
      throw new MpsdError(405, `${method} is not supported on ${path}; use ${Object.keys(methods).join(' or ')}.`, {
        allow: Object.keys(methods).join(', '),
      });
    return { handler, params: match.slice(1).map(decodeSegment), open: route.open === true };
  }
  throw new MpsdError(404, `No MPSD endpoint at ${path}.`);
}
