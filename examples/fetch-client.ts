/**
 * An example client adapter on Node's global fetch (undici), to prove the MpsdClient seam works with
 * a second HTTP stack. Run the catalogue through it:  MPSD_CLIENT=./examples/fetch-client.ts npm run conformance
 *
 * It reuses the harness's request building and swaps only the transport. A team's own SDK wrapper
 * implements MpsdClient itself: export createClient(settings) returning an MpsdClient whose exchanges
 * report what really went on the wire.
 */

import { type ClientSettings, HttpMpsdClient, type MpsdClient } from '../harness/client/mpsd-client';
import type { HttpRequest, HttpResponse } from '../harness/contract/exchange';

async function fetchTransport(baseUrl: string, request: HttpRequest, timeoutMs = 15_000): Promise<HttpResponse> {
  // fetch computes Content-Length itself and refuses to be told it.
  const { 'content-length': _length, ...headers } = request.headers;
  // Look fetch up at call time: a reference saved at import would escape Polly's fetch adapter.
  const response = await globalThis.fetch(new URL(request.path, baseUrl), {
    method: request.method,
    headers,
    body: request.body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, headers: Object.fromEntries(response.headers), text: await response.text() };
}

export function createClient(settings: ClientSettings): MpsdClient {
  return new HttpMpsdClient(settings, fetchTransport);
}
