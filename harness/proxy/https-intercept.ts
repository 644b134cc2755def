import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer, type Server as NetServer } from 'node:net';
import { join } from 'node:path';
import { generateCACertificate, getLocal, type Mockttp } from 'mockttp';
import type { HttpRequest, HttpResponse } from '../contract/exchange';
import { ERROR_CODES, HarnessError } from '../errors';
import { RTA_HOST } from '../rta/rta-url';
import { BodyTooLarge, startPlainListener } from './plain-listener';
import type { RtaUpstream } from './websocket-bridge';

/**
 * HTTPS interception for clients whose MPSD host is hard-coded: mockttp (a maintained intercepting
 * proxy) terminates TLS with certificates signed by a local CA the user generated and chose to trust,
 * and hands each request to the proxy session. No TLS code of our own.
 */
const CA_CERT = 'ca.pem';
const CA_KEY = 'ca-key.pem';

/** Generate the local CA into `dir`; the user trusts ca.pem explicitly (e.g. curl --cacert, or the OS trust store). */
export async function generateCa(dir: string): Promise<string> {
  const { cert, key } = await generateCACertificate({ commonName: 'MPSD harness local CA (do not trust beyond testing)' });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, CA_CERT), cert);
  writeFileSync(join(dir, CA_KEY), key);
  chmodSync(join(dir, CA_KEY), 0o600);
  return join(dir, CA_CERT);
}

export interface Interceptor {
  url: string;
  stop(): Promise<void>;
}

/** The host a client of the live service talks to: the one the proxy terminates TLS for by default. */
export const MPSD_HOST = 'sessiondirectory.xboxlive.com';

/**
 * An HTTP(S) forward proxy on `port`: point the client's HTTPS_PROXY at it and trust the CA. Only the
 * MPSD `hosts` are intercepted, checked and recorded; every other host (a sign-in to
 * user.auth.xboxlive.com, say) is tunnelled untouched: no TLS termination, never sent to the target,
 * never recorded.
 */
export async function startInterceptor(
  caDir: string,
  listen: { port: number; host: string; maxBody: number },
  hosts: readonly string[],
  handle: (request: HttpRequest) => Promise<HttpResponse>,
  rta?: { upstream: RtaUpstream; log: (line: string) => void; onBreak: (problem: string) => void },
): Promise<Interceptor> {
  if (!existsSync(join(caDir, CA_CERT)) || !existsSync(join(caDir, CA_KEY))) {
    throw new HarnessError(
      ERROR_CODES.CONFIG_INVALID,
      `--ca ${caDir} holds no ${CA_CERT} and ${CA_KEY}; generate them first with npm run proxy -- --generate-ca ${caDir}, then trust ${CA_CERT} in the client`,
    );
  }
  const intercepted = rta ? [...hosts, RTA_HOST] : hosts;
  const server = getLocal({
    maxBodySize: listen.maxBody,
    https: {
      cert: readFileSync(join(caDir, CA_CERT), 'utf8'),
      key: readFileSync(join(caDir, CA_KEY), 'utf8'),
      tlsInterceptOnly: intercepted.map((hostname) => ({ hostname })),
    },
  });
  const forMpsd = async (req: Parameters<Parameters<ReturnType<typeof server.forAnyRequest>['thenCallback']>[0]>[0]) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    if (Number(headers['content-length'] ?? 0) > listen.maxBody) {
      return {
        statusCode: 413,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `proxy error: ${new BodyTooLarge(listen.maxBody).message}\n`,
      };
    }
    const body = await req.body.getText();
    const response = await handle({ method: req.method, path: req.path, headers, ...(body ? { body } : {}) });
    return {
      statusCode: response.status,
      headers: { ...response.headers, 'content-length': String(Buffer.byteLength(response.text)) },
      body: response.text,
    };
  };
  for (const host of hosts) await server.forAnyRequest().forHostname(host).thenCallback(forMpsd);
  await server.forUnmatchedRequest().thenPassThrough(); // plain HTTP to another host: passed on untouched
  // RTA: mockttp terminates wss://rta.xboxlive.com and forwards the websocket to the proxy's own bridge,
  // on loopback, which records or replays its frames like the plain listener's.
  const bridge = rta
    ? await startPlainListener(
        0,
        '127.0.0.1',
        listen.maxBody,
        () => Promise.reject(new Error('the RTA bridge serves websockets only')),
        rta,
      )
    : undefined;
  if (bridge) await server.forAnyWebSocket().forHostname(RTA_HOST).thenForwardTo(bridge.url.replace(/^http/, 'ws'));
  const front = await bindTo(server, listen);
  const stop = async () => {
    await front.stop();
    await bridge?.stop();
  };
  return { url: front.url, stop };
}

/**
 * mockttp listens on every interface and takes no address, and anyone who can reach the proxy can send
 * requests through it to the target and into a recording. So its server stops listening as soon as it
 * has started (on a free port, for an instant), and a listener of ours on the chosen address (loopback
 * by default) hands it each connection, as an HTTP server takes any socket it is given.
 */
async function bindTo(server: Mockttp, listen: { port: number; host: string }): Promise<Interceptor> {
  await server.start(0);
  const inner = (server as unknown as { server: NetServer }).server;
  await new Promise<void>((resolve) => inner.close(() => resolve()));
  const front = createNetServer((socket) => inner.emit('connection', socket));
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(listen.port, listen.host, resolve);
  });
  const { port } = front.address() as AddressInfo;
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return {
    // Clients speak plain HTTP to the proxy (CONNECT for https:// targets): http://, not mockttp's https:// URL.
    url: `http://${host}:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await server.stop().catch(() => undefined); // its own listener is closed already
    },
  };
}
