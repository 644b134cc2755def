import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { parseAuthorization } from '../auth';
import { MpsdError } from '../errors';
import type { EmulatorState } from '../state';
import { disconnected } from './notify';

/**
 * The RTA websocket at /connect on the emulator's own port, as wss://rta.xboxlive.com/connect is for
 * MPSD. The upgrade needs the same Authorization header as every MPSD request (401 otherwise). A frame
 * the protocol does not know closes the connection with 1003 [I].
 */
export function serveRta(server: Server, state: () => EmulatorState): WebSocketServer {
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0].toLowerCase();
    if (path !== '/connect') return refuse(socket, 404, `No websocket endpoint at ${path}; RTA is served at /connect.`);
    let principal: ReturnType<typeof parseAuthorization>;
    try {
      principal = parseAuthorization(req.headers.authorization);
    } catch (error) {
      return refuse(socket, 401, error instanceof MpsdError ? error.message : 'Unauthorized');
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      const current = state(); // the state of the test that opened it: a reset does not move it
      const connection = current.rta.open(
        principal,
        (text) => ws.send(text),
        () => ws.close(1001, 'The emulator was reset.'),
      );
      ws.on('message', (data) => {
        if (current.rta.receive(connection, data.toString()) === 'malformed')
          ws.close(1003, 'RTA frames are JSON arrays: [1, seq, uri] or [2, seq, subscriptionId].');
      });
      ws.on('close', () => disconnected(current, connection));
    });
  });
  return sockets;
}

function refuse(socket: Duplex, status: number, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Not Found'}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
  );
}
