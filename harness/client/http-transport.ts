import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { DEFAULT_TIMEOUT_MS } from '../config';
import type { HttpRequest, HttpResponse } from '../contract/exchange';
import { ERROR_CODES, HarnessError } from '../errors';

/** Network errors that mean "nothing answers there", as opposed to a failure the caller must see as is. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Send one request with node:http(s). Deliberately not `fetch`: Polly's node-http adapter, which the
 * recording layer relies on, sees only node:http and node:https.
 */
export function send(baseUrl: string, req: HttpRequest, timeoutMs: number = DEFAULT_TIMEOUT_MS): Promise<HttpResponse> {
  // The path is appended to the base, never resolved against it: "//x" must not become the host x.
  const base = new URL(baseUrl);
  const request = base.protocol === 'https:' ? httpsRequest : httpRequest;
  const path = base.pathname.replace(/\/$/, '') + req.path;
  const where = `${req.method} ${base.origin}${path}`;
  return new Promise((resolve, reject) => {
    const target = { protocol: base.protocol, hostname: base.hostname, port: base.port, path };
    const outgoing = request({ ...target, method: req.method, headers: req.headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.on('timeout', () =>
      outgoing.destroy(
        new HarnessError(
          ERROR_CODES.TARGET_TIMEOUT,
          `${where} got no answer in ${timeoutMs} ms. The target hangs or is overloaded; check it, or raise MPSD_TIMEOUT_MS (keep it below the test timeout).`,
        ),
      ),
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code && UNREACHABLE.has(error.code)) {
        reject(
          new HarnessError(
            ERROR_CODES.TARGET_UNREACHABLE,
            `${where} failed (${error.code}: ${error.message}). Check MPSD_TARGET and the network, or unset MPSD_TARGET to use the embedded emulator.`,
          ),
        );
      } else reject(error);
    });
    outgoing.end(req.body);
  });
}
