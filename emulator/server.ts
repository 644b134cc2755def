import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseAuthorization } from './auth';
import { httpDate } from './clock';
import { MpsdError } from './errors';
import type { Call } from './handlers/call';
import type { Reply } from './reply';
import { route } from './router';
import type { EmulatorState } from './state';

/** Request bodies larger than this are refused with 413 [I]: MPSD documents no limit (DECISIONS.md). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The oldest contract MPSD serves (section 1.2). */
export const MIN_CONTRACT_VERSION = 104;

export type RequestLog = (line: string) => void;

/** An HTTP server over the emulator state. `state()` is read per request so reset() can swap it. */
export function createEmulatorServer(state: () => EmulatorState, log?: RequestLog): Server {
  const server = createServer((req, res) => {
    readBody(req)
      .then((rawBody) => dispatch(state(), req, rawBody))
      .catch((error: unknown) => toErrorReply(error))
      .then((reply) => {
        send(state(), res, reply);
        log?.(`${req.method} ${req.url} -> ${reply.status}`);
      });
  });
  server.keepAliveTimeout = 5000;
  return server;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES ? reject(new MpsdError(413, `The request body is ${size} bytes; the emulator accepts at most ${MAX_BODY_BYTES}.`)) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function dispatch(state: EmulatorState, req: IncomingMessage, rawBody: string): Reply {
  if (state.faults.on('503-with-retry-after')) return { status: 503, headers: { 'retry-after': '30' } };
  const url = new URL(req.url ?? '/', 'http://emulator');
  const method = (req.method ?? 'GET').toUpperCase();
  const { handler, params, open } = route(method, url.pathname);
  if (open) return handler(state, { method, query: url.searchParams, headers: req.headers, rawBody, principal: { titleId: '0', server: false }, contractVersion: 107 }, params);
  const principal = parseAuthorization(req.headers.authorization);
  const contractVersion = parseContractVersion(req.headers['x-xbl-contract-version']);
  const call: Call = { method, query: url.searchParams, headers: req.headers, rawBody, principal, contractVersion };
  return handler(state, call, params);
}

function parseContractVersion(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) throw new MpsdError(400, 'The x-xbl-contract-version header is required (send 107).');
  const version = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!(version >= MIN_CONTRACT_VERSION)) throw new MpsdError(400, `x-xbl-contract-version ${text} is not supported: MPSD needs ${MIN_CONTRACT_VERSION} or later (send 107).`);
  return version;
}

function toErrorReply(error: unknown): Reply {
  if (error instanceof MpsdError) return { status: error.status, headers: error.headers, text: error.message };
  // A bug in the emulator, never a client mistake: say so plainly.
  return { status: 500, text: `Emulator internal error: ${(error as Error)?.stack ?? String(error)}` };
}

function send(state: EmulatorState, res: ServerResponse, reply: Reply): void {
  res.sendDate = false; // Date comes from the emulator clock so recordings are reproducible
  const headers: Record<string, string> = { date: httpDate(state.clock.now()), ...reply.headers };
  let body = '';
  if (reply.json !== undefined) {
    const json = reply.document === 'session' ? plantDocumentFaults(state, reply.json) : reply.json;
    body = JSON.stringify(json);
    const textual = reply.document === 'session' && state.faults.on('wrong-content-type');
    headers['content-type'] = textual ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  } else if (reply.text !== undefined) {
    body = reply.text;
    headers['content-type'] = 'text/plain; charset=utf-8';
  }
  if (reply.status !== 204 && reply.status !== 304) headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(reply.status, headers);
  res.end(reply.status === 204 || reply.status === 304 ? undefined : body);
}

function plantDocumentFaults(state: EmulatorState, json: Record<string, unknown>): Record<string, unknown> {
  const out = { ...json };
  if (state.faults.on('missing-required-field')) delete out.correlationId;
  if (state.faults.on('wrong-type')) out.changeNumber = String(out.changeNumber);
  return out;
}
