import { relative } from 'node:path';
import FetchAdapter from '@pollyjs/adapter-fetch';
import NodeHttpAdapter from '@pollyjs/adapter-node-http';
import { Polly, type Request as PollyRequest, type Response as PollyResponse } from '@pollyjs/core';
import type { ModeSpec } from '../config';
import type { HttpRequest, HttpResponse } from '../contract/exchange';
import type { RtaConnector } from '../rta/rta-client';
import { redactHeaders } from '../secrets';
import { forgetPollyLoggers, withFrozenReplay } from './frozen-replay';
import { harEntryOf } from './har-entry';
import { HarnessPersister, NOT_THIS_TEST, type RecordingContext, type SaveOutcome } from './harness-persister';
import { RecordedInputs } from './inputs';
import { Journal, journalOf } from './journal';
import { matchRequestsBy, type PrincipalOf } from './matching';
import { provenance } from './provenance';
import { replayConnector, WebSocketRecorder } from './websocket-frames';

const ADAPTERS = ['harness-node-http', 'harness-fetch'];
Polly.register(withFrozenReplay(NodeHttpAdapter, ADAPTERS[0]));
// Global fetch goes through Polly too: a fetch during replay is answered from the recording or is a miss.
Polly.register(withFrozenReplay(FetchAdapter, ADAPTERS[1]));
Polly.register(HarnessPersister);

/** One request as the wire saw it: the answer it got, or why it got none (a replay miss, a network error). Secrets already redacted. */
export interface WireEvent {
  request: HttpRequest;
  response?: HttpResponse;
  error?: Error;
}

export interface RecordingOptions {
  /** "<suite>/<test>": Polly turns it into the folder path under recordingsDir. */
  name: string;
  mode: ModeSpec;
  recordingsDir: string;
  target: 'emulator' | 'live';
  principalOf: PrincipalOf;
  /** The base URL requests go to while recording, written into recordings as `originAlias`. */
  origin?: { from: string; to: string };
  rerecordCommand: string;
  /** Every request that crosses the wire, in every mode, from any client in this process. */
  onWire?: (event: WireEvent) => void;
  onSaved?: (outcome: SaveOutcome) => void;
  /**
   * Asked as each request starts: false marks it as not this test's (it belongs to a test that has
   * ended). A marked request is neither reported to onWire nor written to this test's recording.
   */
  admit?: (request: HttpRequest) => boolean;
  /** Journal each exchange to disk as it happens (journal.ts): a long session that is killed loses none. */
  journal?: boolean;
}

export interface RecordingSession {
  readonly inputs: RecordedInputs;
  /** The recording file, relative to the working directory. */
  readonly file: string;
  /** Wait for requests still in flight (an SDK may not await what it fires). */
  flush(): Promise<void>;
  /** Stop intercepting and persist; `failed` keeps a failed test's requests out of the recording. */
  stop(outcome: { failed: boolean }): Promise<void>;
  /** Indices (in the recording file) of the entries replay answered from. */
  usedEntries(): number[];
  /** How many requests were answered from the recording and how many went to the target (record-missing mixes them). */
  answeredBy(): { recording: number; target: number };
  /** The test's websockets (RTA): the real connector recorded, or the recording replayed, as the mode says. */
  rta(real: RtaConnector): RtaConnector;
}

/** What Polly does in each mode: answer from recordings, record, or pass through while still watching the wire. */
function pollyMode(mode: ModeSpec): 'replay' | 'record' | 'passthrough' {
  if (mode.answers !== 'target') return 'replay';
  return mode.writes === 'nothing' ? 'passthrough' : 'record';
}

/** One Polly instance for one test: it holds every request it sees, so never share one. */
export function startRecording(options: RecordingOptions): RecordingSession {
  const used = new Set<unknown>();
  const sockets = new WebSocketRecorder(options.principalOf);
  const context: RecordingContext = {
    webSockets: () => sockets.recorded(),
    principalOf: options.principalOf,
    origin: options.origin,
    rerecordCommand: options.rerecordCommand,
    fromScratch: options.mode.writes === 'whole-test',
    discard: false,
    onEntryUsed: (entry) => used.add(entry),
    onSaved: options.onSaved,
    metadata: () => ({ provenance: provenance(options.target) as unknown as Record<string, unknown>, inputs: inputs.toJSON() }),
  };
  const polly = new Polly(options.name, {
    mode: pollyMode(options.mode),
    recordIfMissing: options.mode.answers === 'recordings-then-target', // never in replay: a miss must fail, not record
    recordFailedRequests: true, // error answers are the point of a contract suite
    adapters: ADAPTERS,
    adapterOptions: { [ADAPTERS[1]]: { context: globalThis } },
    persister: 'harness-fs',
    persisterOptions: { 'harness-fs': { recordingsDir: options.recordingsDir, context } as never },
    matchRequestsBy: matchRequestsBy(options.principalOf) as never,
    flushRequestsOnStop: true,
    logLevel: 'silent', // Polly's own logs print requests with their Authorization header
  });
  const persister = polly.persister as unknown as HarnessPersister;
  const file = persister.filenameFor(polly.recordingId);
  watchWire(polly, options);
  const journal =
    options.journal && options.mode.writes !== 'nothing'
      ? new Journal(journalOf(file), () => ({ principalOf: options.principalOf, origin: options.origin, metadata: context.metadata() }))
      : undefined;
  if (journal) {
    polly.server.any().on('response', (req: PollyRequest) => {
      if (!(req as PollyRequest & { [NOT_THIS_TEST]?: true })[NOT_THIS_TEST]) journal.append(harEntryOf(req));
    });
  }
  const sentToTarget = { count: 0 };
  polly.server.any().on('response', (req: PollyRequest) => {
    if ((req as PollyRequest & { action?: string }).action !== 'replay') sentToTarget.count += 1;
  });
  const recording = options.mode.answers === 'target' ? undefined : persister.loaded(polly.recordingId);
  // Deterministic inputs unless a live service needs fresh ones.
  const seed = options.target === 'live' && options.mode.answers !== 'recordings' ? undefined : options.name;
  const inputs = new RecordedInputs(recording?.log._harness?.inputs ?? {}, seed);
  return {
    inputs,
    file: relative(process.cwd(), file),
    flush: () => polly.flush(),
    usedEntries: () => (recording?.log.entries ?? []).flatMap((entry, i) => (used.has(entry) ? [i] : [])),
    answeredBy: () => ({ recording: used.size, target: sentToTarget.count }),
    rta(real) {
      if (options.mode.answers === 'recordings')
        return replayConnector(recording?.log.entries ?? [], options.principalOf, relative(process.cwd(), file), (entry) =>
          used.add(entry),
        );
      return options.mode.writes === 'nothing' ? real : sockets.connector(real);
    },
    async stop({ failed }) {
      context.discard = failed && options.mode.writes !== 'nothing';
      try {
        await polly.stop();
        journal?.discard(); // the recording is written: the journal kept nothing more
      } finally {
        forgetPollyLoggers(polly.recordingName);
      }
    },
  };
}

/** One Polly request as the wire reports it: secrets redacted. */
function requestOf(req: PollyRequest, principalOf: PrincipalOf): HttpRequest {
  const url = new URL(req.url);
  const body = typeof req.body === 'string' ? req.body : req.body === undefined || req.body === null ? undefined : String(req.body);
  return {
    method: req.method.toUpperCase(),
    path: url.pathname + url.search,
    headers: redactHeaders(flatten(req.headers), principalOf),
    ...(body !== undefined && body !== '' ? { body } : {}),
  };
}

/** Report every request Polly handles, answered or failed; refuse the ones `admit` turns away. */
function watchWire(polly: Polly, options: RecordingOptions): void {
  const { onWire, admit, principalOf } = options;
  if (admit) {
    polly.server.any().on('request', (req: PollyRequest) => {
      if (!admit(requestOf(req, principalOf))) (req as PollyRequest & { [NOT_THIS_TEST]?: true })[NOT_THIS_TEST] = true;
    });
  }
  if (!onWire) return;
  polly.server.any().on('response', (req: PollyRequest, res: PollyResponse) => {
    if ((req as PollyRequest & { [NOT_THIS_TEST]?: true })[NOT_THIS_TEST]) return;
    const raw = res as unknown as { statusCode: number; body?: string; encoding?: string; headers: Record<string, string | string[]> };
    const text = raw.encoding === 'base64' && raw.body ? Buffer.from(raw.body, 'base64').toString('utf8') : (raw.body ?? '');
    onWire({
      request: requestOf(req, principalOf),
      response: { status: raw.statusCode, headers: redactHeaders(flatten(raw.headers), principalOf), text },
    });
  });
  polly.server.any().on('error', (req: PollyRequest, error: Error) => {
    if (!(req as PollyRequest & { [NOT_THIS_TEST]?: true })[NOT_THIS_TEST]) onWire({ request: requestOf(req, principalOf), error });
  });
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  return out;
}

/**
 * record-missing sends only the missing requests to the target, which never saw the replayed ones that
 * set the session up: a stateful test then fails with a baffling 404. Say so, and what to do.
 */
export function mixedAdvice(mode: ModeSpec, session: RecordingSession, rerecordCommand: string): string | undefined {
  const { recording: replayed, target } = session.answeredBy();
  if (mode.writes !== 'missing' || replayed === 0 || target === 0) return undefined;
  return `record-missing replayed ${replayed} request(s) of this test and sent ${target} new one(s) to a target that never saw the replayed ones, so what they set up does not exist there. Re-record the whole test: ${rerecordCommand}`;
}

export { recordingFileFor, recoverInterrupted } from './recording-files';
