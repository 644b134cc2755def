import { HarnessError, ERROR_CODES } from '../errors';
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
    const listeners: ((text: string) => void)[] = [];
    const pending: string[] = [];
    ws.addEventListener('message', (event) => {
      const text = typeof event.data === 'string' ? event.data : Buffer.from(event.data as ArrayBuffer).toString('utf8');
      if (listeners.length === 0) pending.push(text);
      for (const listener of listeners) listener(text);
    });
    ws.addEventListener('error', () =>
      reject(new HarnessError(ERROR_CODES.TARGET_UNREACHABLE, `the RTA websocket ${url} could not be opened; check that the target serves RTA at /connect (the emulator does)`)),
    );
    ws.addEventListener('open', () =>
      resolve({
        send: (text) => ws.send(text),
        onMessage: (listener) => {
          listeners.push(listener);
          for (const text of pending.splice(0)) listener(text);
        },
        close: () =>
          new Promise<void>((done) => {
            if (ws.readyState === WebSocket.CLOSED) return done();
            ws.addEventListener('close', () => done());
            ws.close(1000);
          }),
      }),
    );
  });
