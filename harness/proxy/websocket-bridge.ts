import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { rtaFrameProblem } from '../checks/rta-frame-is-documented';
import type { RtaSocket } from '../rta/rta-client';

/** Opens the target side of a client's websocket: recorded, replayed or passed through as the session's mode says. */
export type RtaUpstream = (headers: Record<string, string>) => Promise<RtaSocket>;

/**
 * The proxy's websocket side: a client's RTA websocket to /connect is accepted here and bridged, frame
 * by frame, to the target's RTA through the proxy session, which records or replays the frames as it
 * does HTTP, and checks every frame the target sends. A frame replay does not hold closes the client's
 * socket with 1011 and the reason.
 */
export function bridgeWebSockets(
  server: Server,
  upstream: RtaUpstream,
  log: (line: string) => void,
  onBreak: (problem: string) => void = () => {},
): void {
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0].toLowerCase();
    if (path !== '/connect') return refuse(socket, 404, `the proxy bridges RTA websockets at /connect only, not ${path}`);
    const authorization = req.headers.authorization;
    upstream(authorization ? { authorization } : {}).then(
      (target) => sockets.handleUpgrade(req, socket, head, (client) => relay(client, target, log, onBreak)),
      (error: Error) => refuse(socket, 502, error.message),
    );
  });
}

function relay(client: import('ws').WebSocket, target: RtaSocket, log: (line: string) => void, onBreak: (problem: string) => void): void {
  target.onMessage((text) => {
    // Every frame the target sends is checked on its way through, as every HTTP answer is.
    const problem = rtaFrameProblem(text);
    if (problem) {
      log(`[rta] VIOLATION rta-frame-is-documented: ${problem}`);
      onBreak(problem);
    }
    client.send(text);
  });
  client.on('message', (data) => {
    try {
      target.send(data.toString());
    } catch (error) {
      log(`[rta] ${(error as Error).message}`);
      client.close(1011, (error as Error).message.slice(0, 120)); // a close reason holds at most 123 bytes
    }
  });
  client.on('close', () => void target.close());
}

function refuse(socket: Duplex, status: number, message: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Bad Gateway'}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`,
  );
}
