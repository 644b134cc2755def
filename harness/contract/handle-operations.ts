import { COMMON, type OperationSpec, SESSION_READ, SESSION_WRITE, text } from './operation-spec';

/** The rows of the operations table for handles and the session behind a handle (docs/protocol.md 2, 3). */

const HANDLE_PATH = '/handles/{handleId}';

export const HANDLE_OPERATIONS = {
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
    query: ['include'],
    viaHandle: false,
    label: 'POST /handles/query',
    summary: 'Find activity handles by owner, or search handles by template and filter',
    sections: '3.7',
    responses: {
      ...COMMON,
      200: { schema: 'HandleQueryResponse', description: 'the handles found, at most 100' },
      404: text('unknown service config or template'),
    },
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
} as const satisfies Record<string, OperationSpec>;
