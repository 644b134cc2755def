import { ERROR_CODES, HarnessError } from '../errors';

/**
 * A small real-time activity (RTA) client, enough for scenarios: it opens the websocket, subscribes to
 * MPSD's connections resource (which answers with the connection id a member writes into
 * `properties.system.connection`) and collects the shoulder taps that follow. It knows nothing of
 * recording: it speaks through an RtaConnector, which the recording layer may record or replay.
 */

/** One open websocket, as the client needs it. */
export interface RtaSocket {
  send(text: string): void;
  onMessage(listener: (text: string) => void): void;
  /** Close, and resolve once the socket is closed. */
  close(): Promise<void>;
}
export type RtaConnector = (url: string, headers: Record<string, string>) => Promise<RtaSocket>;

export const CONNECTIONS_URI = 'https://sessiondirectory.xboxlive.com/connections/';

export interface ShoulderTap {
  timestamp: string;
  subscription?: string;
  resourceType: string;
  resource: string;
  branch: string;
  changeNumber: number;
}

/** A frame as received: its text, and what a check found wrong with it. */
export interface RtaFrame {
  text: string;
  problem?: string;
}

export class RtaClient {
  private sequence = 0;
  private readonly answers = new Map<number, (frame: unknown[]) => void>();
  /** Every frame received, in order: the checks read them all. */
  readonly received: RtaFrame[] = [];
  readonly taps: ShoulderTap[] = [];

  private constructor(
    private readonly socket: RtaSocket,
    private readonly check: (text: string) => string | undefined,
  ) {
    socket.onMessage((text) => this.receive(text));
  }

  /** `check` reads every frame received; a frame it finds wrong fails the next settle(). */
  static async open(
    connector: RtaConnector,
    url: string,
    authorization: string,
    check: (text: string) => string | undefined = () => undefined,
  ): Promise<RtaClient> {
    return new RtaClient(await connector(url, { authorization }), check);
  }

  /** Subscribe to the connections resource; resolves with the ConnectionId MPSD handed out. */
  async subscribeToConnection(): Promise<string> {
    const [, , status, , data] = await this.request(1, CONNECTIONS_URI);
    const id = (data as { ConnectionId?: unknown } | undefined)?.ConnectionId;
    if (status !== 0 || typeof id !== 'string')
      throw new HarnessError(
        ERROR_CODES.RTA_PROTOCOL,
        `RTA refused the connections subscription (status ${String(status)}); expected [1, seq, 0, subscriptionId, {"ConnectionId": "<guid>"}]`,
      );
    return id;
  }

  /**
   * A round trip (an unsubscribe of subscription 0, which never exists): on one websocket, every frame
   * the service sent before its answer has arrived when this resolves, so taps of writes already
   * answered are in `taps`. A live service may tap later; scenarios then wait with `waitForTaps`.
   */
  async settle(): Promise<void> {
    await this.request(2, 0);
    const broken = this.received.filter((f) => f.problem);
    if (broken.length > 0)
      throw new HarnessError(
        ERROR_CODES.CONTRACT_VIOLATION,
        `the RTA service broke the protocol:\n${broken.map((f) => `  - ${f.problem}`).join('\n')}`,
      );
  }

  /** Settle until at least `count` taps arrived or `withinMs` passed (a live service taps asynchronously). */
  async waitForTaps(count: number, withinMs: number): Promise<ShoulderTap[]> {
    const deadline = Date.now() + withinMs;
    await this.settle();
    while (this.taps.length < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await this.settle();
    }
    return this.taps;
  }

  close(): Promise<void> {
    return this.socket.close();
  }

  private request(kind: 1 | 2, argument: string | number): Promise<unknown[]> {
    this.sequence += 1;
    const sequence = this.sequence;
    return new Promise((resolve, reject) => {
      this.answers.set(sequence, resolve);
      try {
        this.socket.send(JSON.stringify([kind, sequence, argument]));
      } catch (error) {
        this.answers.delete(sequence);
        reject(error);
      }
    });
  }

  private receive(text: string): void {
    const problem = this.check(text);
    this.received.push({ text, ...(problem ? { problem } : {}) });
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    if (!Array.isArray(frame)) return;
    if ((frame[0] === 1 || frame[0] === 2) && typeof frame[1] === 'number') {
      this.answers.get(frame[1])?.(frame);
      this.answers.delete(frame[1]);
    } else if (frame[0] === 3) {
      const taps = (frame[2] as { shoulderTaps?: unknown } | undefined)?.shoulderTaps;
      if (Array.isArray(taps)) this.taps.push(...(taps as ShoulderTap[]));
    }
  }
}
