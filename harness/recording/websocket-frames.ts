import { ERROR_CODES, HarnessError } from '../errors';
import { fanOut } from '../rta/fan-out';
import type { RtaConnector, RtaSocket } from '../rta/rta-client';
import { redactedAuthorization } from '../secrets';
import type { HarEntry } from './har';
import type { PrincipalOf } from './matching';

/**
 * A test's websockets (RTA) in its recording: one HAR entry per connection, the GET that opened it
 * answered 101, its frames in `_webSocketMessages` as Chrome's HAR export writes them. Polly does not
 * see websockets; this module records and replays them beside it.
 */

export interface WebSocketMessage {
  type: 'send' | 'receive';
  time: number;
  /** 1 text, 8 close. */
  opcode: number;
  data: string;
}

export const isWebSocketEntry = (entry: HarEntry): boolean => entry._resourceType === 'websocket';
const messagesOf = (entry: HarEntry) => (entry._webSocketMessages ?? []) as WebSocketMessage[];
const httpUrl = (url: string) => url.replace(/^ws(s?):/i, 'http$1:'); // so the origin rewrite of HTTP entries applies
const pathOf = (url: string) => new URL(url).pathname.toLowerCase();

/** Record mode: the real connector, each frame written down as it passes. */
export class WebSocketRecorder {
  private readonly entries: HarEntry[] = [];

  constructor(private readonly principalOf: PrincipalOf) {}

  connector(real: RtaConnector): RtaConnector {
    return async (url, headers) => {
      const socket = await real(url, headers);
      const messages: WebSocketMessage[] = [];
      const note = (type: WebSocketMessage['type'], data: string, opcode = 1) =>
        messages.push({ type, time: Date.now() / 1000, opcode, data });
      this.entries.push(this.entryFor(url, headers, messages));
      const incoming = fanOut();
      socket.onMessage((text) => {
        note('receive', text);
        incoming.emit(text);
      });
      return {
        send(text) {
          note('send', text);
          socket.send(text);
        },
        onMessage: incoming.add,
        async close() {
          note('send', '', 8);
          await socket.close();
        },
      };
    };
  }

  /** The entries of this test's websockets, for the recording. */
  recorded(): HarEntry[] {
    return this.entries;
  }

  private entryFor(url: string, headers: Record<string, string>, messages: WebSocketMessage[]): HarEntry {
    const sent = Object.entries(headers).map(([name, value]) => ({
      name,
      value: name.toLowerCase() === 'authorization' ? redactedAuthorization(this.principalOf(value)) : value,
    }));
    return {
      _id: `websocket ${pathOf(url)}`,
      _order: this.entries.length,
      _resourceType: 'websocket',
      startedDateTime: new Date().toISOString(),
      time: 0,
      timings: { send: 0, wait: 0, receive: 0 },
      request: {
        method: 'GET',
        url: httpUrl(url),
        headers: [...sent, { name: 'upgrade', value: 'websocket' }],
        cookies: [],
        queryString: [],
      },
      response: {
        status: 101,
        headers: [{ name: 'upgrade', value: 'websocket' }],
        cookies: [],
        content: { size: 0, mimeType: 'x-unknown' },
      },
      _webSocketMessages: messages,
    };
  }
}

/** Replay: each connection the test opens is the next recorded one; the frames it sends must be the recorded ones. */
export function replayConnector(
  entries: HarEntry[],
  principalOf: PrincipalOf,
  where: string,
  onUsed?: (entry: HarEntry) => void,
): RtaConnector {
  const sockets = entries.filter(isWebSocketEntry);
  let next = 0;
  return async (url, headers) => {
    const entry = sockets[next];
    const who = redactedAuthorization(principalOf(headers.authorization ?? ''));
    const recordedWho = entry?.request.headers.find((h) => h.name.toLowerCase() === 'authorization')?.value;
    if (!entry || pathOf(entry.request.url) !== pathOf(url) || recordedWho !== who) {
      throw new HarnessError(
        ERROR_CODES.REPLAY_MISS,
        `${where}: the test opened websocket #${next + 1} (${pathOf(url)} as ${who}), which the recording does not hold; re-record the test`,
      );
    }
    next += 1;
    onUsed?.(entry); // the recordings lint reports entries no replay used
    return new ReplaySocket(messagesOf(entry), where);
  };
}

/**
 * Plays one recorded connection back. After each frame the client sends (it must be the recorded one),
 * the frames the service sent up to the answer to it arrive; events recorded after that answer wait for
 * the client's next frame, as they arrived after the answer when it was recorded.
 */
class ReplaySocket implements RtaSocket {
  private cursor = 0;
  private readonly incoming = fanOut();
  readonly onMessage = this.incoming.add;

  constructor(
    private readonly messages: WebSocketMessage[],
    private readonly where: string,
  ) {}

  send(text: string): void {
    const due = this.takeReceived(); // events recorded after the last answer arrive before this frame goes out
    const expected = this.messages[this.cursor];
    if (expected?.type !== 'send' || expected.opcode !== 1 || expected.data !== text) {
      throw new HarnessError(
        ERROR_CODES.REPLAY_MISS,
        `${this.where}: the client sent the RTA frame ${text} where the recording has ${expected ? JSON.stringify(expected.data) : 'nothing more'}; re-record the test`,
      );
    }
    this.cursor += 1;
    const [, sequence] = JSON.parse(text) as [number, number];
    due.push(...this.takeReceived(sequence));
    setImmediate(() => this.deliver(due)); // as from a network: after send() returns
  }

  async close(): Promise<void> {
    const due = this.takeReceived();
    this.cursor = this.messages.length;
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        this.deliver(due);
        resolve();
      }),
    );
  }

  private deliver(frames: string[]): void {
    for (const frame of frames) this.incoming.emit(frame);
  }

  /** The received frames from the cursor on: up to and including the answer to `sequence`, or up to the next sent frame. */
  private takeReceived(sequence?: number): string[] {
    const due: string[] = [];
    for (let m = this.messages[this.cursor]; m?.type === 'receive'; m = this.messages[this.cursor]) {
      due.push(m.data);
      this.cursor += 1;
      if (sequence !== undefined && isAnswerTo(m.data, sequence)) break;
    }
    return due;
  }
}

function isAnswerTo(data: string, sequence: number): boolean {
  try {
    const frame = JSON.parse(data) as unknown[];
    return (frame[0] === 1 || frame[0] === 2) && frame[1] === sequence;
  } catch {
    return false;
  }
}
