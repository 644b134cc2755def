import { send } from '../client/http-transport';
import { type HarnessConfig, MODES } from '../config';
import type { HttpRequest, HttpResponse } from '../contract/exchange';
import { ERROR_CODES, HarnessError, isHarnessError } from '../errors';
import { recoverInterrupted } from '../recording/recording-session';
import type { RtaSocket } from '../rta/rta-client';
import { rtaUrlOf } from '../rta/rta-url';
import type { WireRecord } from '../run';
import { HarnessRun, type RunReport, type TestRecord, type TestRun } from '../run';

/** What the proxy answers when replay has no recording for a request: a 4xx a client cannot mistake for MPSD's. */
const REPLAY_MISS_STATUS = 424;
/** Headers that describe one hop, not the message: never relayed. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'proxy-connection', 'upgrade']);

export interface ProxySummary {
  record: TestRecord | undefined;
  report: RunReport;
  misses: number;
  /** What was wrong with each RTA frame the target sent that broke the protocol. */
  rtaBreaks: string[];
}

/**
 * One proxy session: every request a client sends is forwarded to the target through the harness's
 * own wire (so Polly records, replays or passes it through, and every exchange is checked), and the
 * whole session is one recording, `proxy/<name>`.
 */
export class ProxySession {
  private misses = 0;
  private readonly rtaBreaks: string[] = [];

  private constructor(
    private readonly run: HarnessRun,
    private readonly test: TestRun,
    readonly name: string,
  ) {}

  static async open(
    config: HarnessConfig,
    name: string,
    onWire: (record: WireRecord) => void,
    onRecovered?: (recovered: { file: string; exchanges: number }) => void,
  ): Promise<ProxySession> {
    const recovered =
      MODES[config.mode].writes === 'nothing'
        ? undefined
        : await recoverInterrupted(`proxy/${name.replace(/\//g, '-')}`, config.recordingsDir, config.target.kind);
    if (recovered) onRecovered?.(recovered);
    const run = await HarnessRun.open(config);
    const test = run.beginTest({ titlePath: ['proxy', name], fullTitle: `proxy ${name}`, onWire, checkRequests: true, journal: true });
    return new ProxySession(run, test, name);
  }

  get mode() {
    return this.run.config.mode;
  }

  /** Forward one client request and return what to answer it with. */
  async handle(request: HttpRequest): Promise<HttpResponse> {
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
    try {
      const response = await send(this.run.target.baseUrl, { ...request, headers }, this.run.config.timeoutMs);
      return { ...response, headers: Object.fromEntries(Object.entries(response.headers).filter(([name]) => !HOP_BY_HOP.has(name))) };
    } catch (error) {
      if (isHarnessError(error, ERROR_CODES.REPLAY_MISS)) {
        this.misses += 1;
        return {
          status: REPLAY_MISS_STATUS,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'x-mpsd-harness': 'replay-miss' },
          text: `${error.message}\n`,
        };
      }
      const message = isHarnessError(error)
        ? error.message
        : new HarnessError(ERROR_CODES.TARGET_UNREACHABLE, (error as Error).message).message;
      return {
        status: 502,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'x-mpsd-harness': 'target-failed' },
        text: `${message}\n`,
      };
    }
  }

  /** An RTA frame from the target that broke the protocol: a failed result of the session. */
  rtaBreak(problem: string): void {
    this.rtaBreaks.push(problem);
  }

  /** Open the target side of a client's RTA websocket, recorded or replayed into this session's recording. */
  rta(headers: Record<string, string>): Promise<RtaSocket> {
    return this.test.context.rta(rtaUrlOf(this.run.target.baseUrl), headers);
  }

  /** End the session: persist the recording (record modes), compare (verify), close the target. */
  async close(): Promise<ProxySummary> {
    const record = await this.test.end({ failed: false });
    const report = await this.run.close();
    return { record, report, misses: this.misses, rtaBreaks: this.rtaBreaks };
  }
}
