import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest, HttpResponse } from '../contract/exchange';
import type { Interceptor } from './https-intercept';
import { bridgeWebSockets, type RtaUpstream } from './websocket-bridge';

/** A request body past the proxy's limit: answered 413, never forwarded, never recorded. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the request body is over the proxy's limit of ${limit} bytes (--max-body); it was not forwarded or recorded`);
  }
}

/** The request, its body read up to `maxBody` bytes; past that the rest is drained, not kept. */
function readRequest(req: IncomingMessage, maxBody: number): Promise<HttpRequest> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > maxBody) return reject(new BodyTooLarge(maxBody));
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const body = Buffer.concat(chunks).toString('utf8');
      resolve({ method: req.method ?? 'GET', path: req.url ?? '/', headers, ...(body ? { body } : {}) });
    });
  });
}

/** The proxy as a plain HTTP server: the client's MPSD base URL points at it. */
export async function startPlainListener(
  port: number,
  host: string,
  maxBody: number,
  handle: (request: HttpRequest) => Promise<HttpResponse>,
  rta?: { upstream: RtaUpstream; log: (line: string) => void; onBreak: (problem: string) => void },
): Promise<Interceptor> {
  const server = createServer((req, res) => {
    readRequest(req, maxBody)
      .then(handle)
      .then((response) => {
        res.writeHead(response.status, response.headers);
        res.end(response.text);
      })
      .catch((error: Error) => {
        res.writeHead(error instanceof BodyTooLarge ? 413 : 500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`proxy error: ${error.message}\n`);
      });
  });
  if (rta) bridgeWebSockets(server, rta.upstream, rta.log, rta.onBreak);
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
