import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest, HttpResponse } from '../contract/exchange';
import type { Interceptor } from './https-intercept';

function readRequest(req: IncomingMessage): Promise<HttpRequest> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const body = Buffer.concat(chunks).toString('utf8');
      resolve({ method: req.method ?? 'GET', path: req.url ?? '/', headers, ...(body ? { body } : {}) });
    });
  });
}

/** The proxy as a plain HTTP server: the client's MPSD base URL points at it. */
export async function startPlainListener(port: number, host: string, handle: (request: HttpRequest) => Promise<HttpResponse>): Promise<Interceptor> {
  const server = createServer((req, res) => {
    readRequest(req)
      .then(handle)
      .then((response) => {
        res.writeHead(response.status, response.headers);
        res.end(response.text);
      })
      .catch((error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`proxy error: ${error.message}\n`);
      });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
