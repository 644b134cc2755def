import type { Principal } from '../auth';
import { isoTime } from '../clock';
import type { Faults } from '../faults';
import type { IdSource } from '../ids';
import type { Session } from '../model';
import { type ChangeType, changeTypesBetween, subscribedTo } from './changes';

/**
 * The real-time activity (RTA) side of the emulator: websocket connections, the one subscription MPSD
 * clients make (`…/connections/`, which hands out the connection id) and shoulder taps. Frames are JSON
 * arrays (docs/protocol.md appendix on RTA): [1, seq, uri] subscribe, [2, seq, subscriptionId] unsubscribe,
 * [3, subscriptionId, data] event. Transport-free: socket.ts feeds it text and gives it a send function.
 */

/** The resource every MPSD client subscribes to; matched case-insensitively, the trailing slash optional. */
export const CONNECTIONS_URI = 'https://sessiondirectory.xboxlive.com/connections/';
/** RTA status codes the emulator answers with (0 success, 1 unknown resource) [I]. */
const SUCCESS = 0;
const UNKNOWN_RESOURCE = 1;

export interface RtaConnection {
  readonly id: string;
  readonly principal: Principal;
  /** The subscription that carries this connection's shoulder taps, once the client made it. */
  subscriptionId?: number;
  send(frame: unknown[]): void;
  /** Close the socket from the server's side. */
  end(): void;
}

export class RtaHub {
  private readonly connections = new Map<string, RtaConnection>();
  /** Connections whose close has been handled, and who waits for one (Emulator.rtaClosed). */
  private readonly closed = new Set<string>();
  private readonly waiting = new Map<string, () => void>();
  private nextSubscription = 1;

  constructor(
    private readonly ids: IdSource,
    private readonly now: () => number,
    private readonly faults: Faults,
  ) {}

  open(principal: Principal, send: (text: string) => void, end: () => void): RtaConnection {
    const connection: RtaConnection = { id: this.ids.guid(), principal, send: (frame) => send(JSON.stringify(frame)), end };
    this.connections.set(connection.id, connection);
    return connection;
  }

  /** A frame from the client. A frame the protocol does not know is answered by closing (socket.ts). */
  receive(connection: RtaConnection, text: string): 'ok' | 'malformed' {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return 'malformed';
    }
    if (!Array.isArray(frame) || typeof frame[1] !== 'number') return 'malformed';
    const [kind, sequence, argument] = frame as [unknown, number, unknown];
    if (kind === 1 && typeof argument === 'string') {
      if (argument.toLowerCase().replace(/\/?$/, '/') === CONNECTIONS_URI) {
        connection.subscriptionId ??= this.nextSubscription++;
        connection.send([1, sequence, SUCCESS, connection.subscriptionId, { ConnectionId: connection.id }]);
      } else connection.send([1, sequence, UNKNOWN_RESOURCE]); // the emulator serves MPSD's resource only
      return 'ok';
    }
    if (kind === 2 && typeof argument === 'number') {
      const known = argument === connection.subscriptionId;
      if (known) connection.subscriptionId = undefined;
      connection.send([2, sequence, known ? SUCCESS : UNKNOWN_RESOURCE]);
      return 'ok';
    }
    return 'malformed';
  }

  /** Forget a connection (closed by either side); true when it was open. */
  close(connection: RtaConnection): boolean {
    const wasOpen = this.connections.delete(connection.id);
    this.closed.add(connection.id);
    this.waiting.get(connection.id)?.();
    this.waiting.delete(connection.id);
    return wasOpen;
  }

  /** Resolves once the emulator has handled the close of this connection (its members set inactive). */
  whenClosed(connectionId: string): Promise<void> {
    const id = connectionId.toLowerCase();
    if (this.closed.has(id) || !this.connections.has(id)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  /** A reset: every connection of the old state is closed. */
  closeAll(): void {
    for (const connection of [...this.connections.values()]) connection.end();
  }

  /** A session changed (a write, a timer, a disconnect): tap its subscribers. */
  changed(before: Session | undefined, after: Session | undefined): void {
    // A deleted session has no members to tap; with no connection open, nobody can be tapped (the
    // change types are worth computing only for someone).
    if (after && this.connections.size > 0) this.tap(after, changeTypesBetween(before, after));
  }

  isOpen(connectionId: string): boolean {
    return this.connections.has(connectionId.toLowerCase());
  }

  /**
   * One shoulder tap to each member whose connection is open and subscribed, and whose subscription
   * covers a change that happened. Each connection gets at most one tap per change.
   */
  private tap(session: Session, changes: Set<ChangeType>): void {
    const tapped = new Set<string>();
    for (const member of session.members) {
      const system = member.properties.system;
      const connection = typeof system.connection === 'string' ? this.connections.get(system.connection.toLowerCase()) : undefined;
      const subscription = system.subscription as { id?: unknown; changeTypes?: unknown } | undefined;
      if (
        !connection ||
        connection.subscriptionId === undefined ||
        tapped.has(connection.id) ||
        !subscribedTo(subscription?.changeTypes, changes)
      )
        continue;
      tapped.add(connection.id);
      const shoulderTap = {
        timestamp: isoTime(this.now()),
        ...(typeof subscription?.id === 'string' ? { subscription: subscription.id } : {}),
        resourceType: 'mpsd/session',
        resource: `${session.ref.scid}~${session.ref.templateName}~${session.ref.name}`,
        branch: session.branch,
        ...(this.faults.on('tap-without-change-number') ? {} : { changeNumber: session.changeNumber }),
      };
      connection.send([3, connection.subscriptionId, { ncid: this.ids.guid(), shoulderTaps: [shoulderTap] }]);
    }
  }
}
