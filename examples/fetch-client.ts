/**
 * An example client adapter on Node's global fetch (undici), to prove the MpsdClient seam works with
 * a second HTTP stack. Run the catalogue through it:  MPSD_CLIENT=./examples/fetch-client.ts npm run conformance
 *
 * A team's own SDK wrapper looks the same: export createClient(settings) returning an MpsdClient whose
 * exchanges report what really went on the wire.
 */
import type { Exchange, Operation } from '../harness/client/exchange';
import { parseJson } from '../harness/client/exchange';
import { type ClientSettings, type MpsdClient, type RequestOptions, type SessionRef, sessionPath } from '../harness/client/mpsd-client';

export function createClient(settings: ClientSettings): MpsdClient {
  async function call(operation: Operation, method: string, path: string, options: RequestOptions = {}, body?: unknown): Promise<Exchange> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const version = options.contractVersion === undefined ? settings.contractVersion : options.contractVersion;
    if (version !== null) headers['x-xbl-contract-version'] = String(version);
    const principal = options.as === undefined ? settings.defaultPrincipal : options.as;
    if (principal !== null) headers.authorization = settings.authorizations[principal] ?? '';
    if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
    if (options.ifNoneMatch !== undefined) headers['if-none-match'] = options.ifNoneMatch;
    const text = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    if (text !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    const fullPath = path + (options.query ? `?${new URLSearchParams(options.query).toString()}` : '');
    // Look fetch up at call time: a reference saved at import would escape Polly's fetch adapter.
    const response = await globalThis.fetch(new URL(fullPath, settings.baseUrl), { method, headers, body: text });
    const responseText = await response.text();
    return {
      operation,
      request: { method, path: fullPath, headers, ...(text !== undefined ? { body: text } : {}) },
      response: { status: response.status, headers: Object.fromEntries(response.headers), text: responseText },
      body: parseJson(responseText),
    };
  }
  const handle = (id: string) => `/handles/${encodeURIComponent(id)}`;
  return {
    createHandle: (body, o) => call('createHandle', 'POST', '/handles', o, body),
    getHandle: (id, o) => call('getHandle', 'GET', handle(id), o),
    deleteHandle: (id, o) => call('deleteHandle', 'DELETE', handle(id), o),
    getSessionByHandle: (id, o) => call('getSessionByHandle', 'GET', `${handle(id)}/session`, o),
    putSessionByHandle: (id, body, o) => call('putSessionByHandle', 'PUT', `${handle(id)}/session`, o, body),
    getSession: (ref: SessionRef, o) => call('getSession', 'GET', sessionPath(ref), o),
    putSession: (ref: SessionRef, body, o) => call('putSession', 'PUT', sessionPath(ref), o, body),
  };
}
