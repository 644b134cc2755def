import { ERROR_CODES, HarnessError } from '../errors';
import { fanOut } from './fan-out';
import type { RtaConnector, RtaSocket } from './rta-client';

/**
 * The real connector: undici's WebSocket. Not `ws` on node:http: Polly's node-http adapter (nock)
 * intercepts http.request, and a websocket upgrade through it never completes; undici opens its own
 * socket, which Polly does not see (the recording layer records the frames instead).
 */
export const websocketConnector: RtaConnector = (url, headers) =>
  new Promise<RtaSocket>((resolve, reject) => {
    // Loaded on first use: most runs open no websocket, and undici is a large module to load at start-up.
    const { WebSocket } = require('undici') as typeof import('undici');
    // undici takes headers in the init object, which the WHATWG WebSocket has no place for.
    const ws = new WebSocket(url, { headers } as unknown as string[]);
    const incoming = fanOut();
    ws.addEventListener('message', (event) =>
      incoming.emit(typeof event.data === 'string' ? event.data : Buffer.from(event.data as ArrayBuffer).toString('utf8')),
    );
    ws.addEventListener('error', () =>
      reject(
        new HarnessError(
          ERROR_CODES.TARGET_UNREACHABLE,
          `the RTA websocket ${url} could not be opened; check that the target serves RTA at /connect (the emulator does)`,
        ),
      ),
    );
    ws.addEventListener('open', () =>
      resolve({
        send: (text) => ws.send(text),
        onMessage: incoming.add,
        close: () =>
          new Promise<void>((done) => {
            if (ws.readyState === WebSocket.CLOSED) return done();
            ws.addEventListener('close', () => done());
            ws.close(1000);
          }),
      }),
    );
  });
