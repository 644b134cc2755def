import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type Principal, parseAuthorization } from './auth';
import { httpDate } from './clock';
import { MpsdError } from './errors';
import { echoToken, plantDocumentFaults } from './faults';
import type { Call } from './handlers/call';
import { stringifyJson } from './json';
import type { Reply } from './reply';
import { route } from './router';
import type { EmulatorState } from './state';

/** Request bodies larger than this are refused with 413 [I]: MPSD documents no limit (DECISIONS.md). */
const MAX_BODY_BYTES = 1024 * 1024;
/** The oldest contract MPSD serves (section 1.2). */
export const MIN_CONTRACT_VERSION = 104;

export type RequestLog = (line: string) => void;

/** What one request did, for the log line: the caller by name (never the token), and why a 4xx was refused. */
interface Outcome {
  caller: string;
  reply: Reply;
}

/** An HTTP server over the emulator state. `state()` is read per request so reset() can swap it. */
export function createEmulatorServer(state: () => EmulatorState, log?: RequestLog): Server {
  const server = createServer((req, res) => {
    const exchange: Exchange = {
      state,
      log,
      req,
      res,
      started: log ? process.hrtime.bigint() : 0n,
      outcome: { caller: 'anonymous', reply: { status: 500 } },
    };
    // Most requests (GET, DELETE) carry no body: answer them at once, without a trip through promises.
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) handle(exchange, '');
    else readBody(exchange);
  });
  server.keepAliveTimeout = 5000;
  return server;
}

/** One request in flight. Plain data passed to module functions: no closures made per request. */
interface Exchange {
  state: () => EmulatorState;
  log?: RequestLog;
  req: IncomingMessage;
  res: ServerResponse;
  started: bigint;
  outcome: Outcome;
}

function handle(exchange: Exchange, rawBody: string): void {
  let reply: Reply;
  try {
    reply = dispatch(exchange.state(), exchange.req, rawBody, exchange.outcome);
  } catch (error) {
    reply = toErrorReply(error, exchange.log);
  }
  answer(exchange, reply);
}

function answer({ state, log, req, res, started, outcome }: Exchange, reply: Reply): void {
  try {
    outcome.reply = echoToken(state().faults, req.headers.authorization, reply);
    send(state(), res, outcome.reply);
  } catch (error) {
    // Even a reply that cannot be written must not take the process down.
    log?.(`emulator bug while answering ${req.method} ${req.url}: ${(error as Error)?.stack ?? String(error)}`);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Emulator internal error; see the emulator log.');
  }
  if (log) logLine(log, req, outcome, started);
}

function logLine(log: RequestLog, req: IncomingMessage, outcome: Outcome, started: bigint): void {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const { status, text } = outcome.reply;
  const reason = status >= 400 && text ? ` (${text.length > 120 ? `${text.slice(0, 117)}...` : text})` : '';
  log(`${new Date().toISOString()} ${req.method} ${req.url} as ${outcome.caller} -> ${status} in ${ms.toFixed(1)} ms${reason}`);
}

/** Read the body to its end, then handle the request; callbacks, not a promise: no microtask trip per PUT. */
function readBody(exchange: Exchange): void {
  const { req } = exchange;
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > MAX_BODY_BYTES)
      answer(
        exchange,
        toErrorReply(new MpsdError(413, `The request body is ${size} bytes; the emulator accepts at most ${MAX_BODY_BYTES}.`)),
      );
    else handle(exchange, chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
  });
  req.on('error', (error) => {
    if (!exchange.res.headersSent) answer(exchange, toErrorReply(error, exchange.log));
  });
}

/** The caller as the log names it: a gamertag or xuid from the token's claims, never the token. */
function callerName(principal: Principal): string {
  if (principal.server && !principal.xuid) return 'server';
  return principal.gamertag ?? `xuid ${principal.xuid}`;
}

function dispatch(state: EmulatorState, req: IncomingMessage, rawBody: string, outcome: Outcome): Reply {
  if (state.faults.on('503-with-retry-after')) return { status: 503, headers: { 'retry-after': '30' } };
  state.requests = (state.requests ?? 0) + 1;
  if (state.faults.on('throttle-every-other') && state.requests % 2 === 1) {
    return {
      status: 429,
      headers: { 'retry-after': '0' },
      json: { version: 1, currentRequests: 31, maxRequests: 30, periodInSeconds: 15, limitType: 'rate' },
    };
  }
  // Split path and query by hand: new URL() reads "//x" as a host, or throws on it.
  const raw = req.url ?? '/';
  const at = raw.indexOf('?');
  const pathname = at < 0 ? raw : raw.slice(0, at);
  const query = new URLSearchParams(at < 0 ? '' : raw.slice(at + 1));
  const method = (req.method ?? 'GET').toUpperCase();
  const { handler, params, open } = route(method, pathname);
  if (open)
    return handler(
      state,
      { method, query, headers: req.headers, rawBody, principal: { titleId: '0', server: false }, contractVersion: 107 },
      params,
    );
  const principal = parseAuthorization(req.headers.authorization);
  principal.followers = state.social.followersOf(principal.xuid);
  outcome.caller = callerName(principal);
  const contractVersion = parseContractVersion(req.headers['x-xbl-contract-version']);
  const call: Call = { method, query, headers: req.headers, rawBody, principal, contractVersion };
  return handler(state, call, params);
}

function parseContractVersion(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) throw new MpsdError(400, 'The x-xbl-contract-version header is required (send 107).');
  const version = /^\d{1,9}$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(version >= MIN_CONTRACT_VERSION))
    throw new MpsdError(
      400,
      `x-xbl-contract-version ${text.slice(0, 40)} is not supported: MPSD needs ${MIN_CONTRACT_VERSION} or later (send 107).`,
    );
  return version;
}

function toErrorReply(error: unknown, log?: RequestLog): Reply {
  if (error instanceof MpsdError) return { status: error.status, headers: error.headers, text: error.message };
  // A bug in the emulator, never a client mistake. The stack goes to the log, never to the client.
  log?.(`emulator bug: ${(error as Error)?.stack ?? String(error)}`);
  return { status: 500, text: 'Emulator internal error; see the emulator log.' };
}

/** Header values must be Latin-1 on the wire: anything else is percent-encoded (a session named 日). */
function headerSafe(value: string): string {
  return /^[\u0020-\u007e]*$/.test(value) ? value : encodeURI(value);
}

function send(state: EmulatorState, res: ServerResponse, reply: Reply): void {
  res.sendDate = false; // Date comes from the emulator clock so recordings are reproducible
  const headers: Record<string, string> = { date: httpDate(state.clock.now()) };
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name] = headerSafe(value);
  let body = '';
  if (reply.json !== undefined || reply.jsonText !== undefined) {
    body = reply.jsonText ?? stringifyJson(reply.json);
    if (reply.document === 'session') body = plantDocumentFaults(state.faults, body);
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
