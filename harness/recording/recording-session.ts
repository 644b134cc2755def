import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Polly } from '@pollyjs/core';
import NodeHttpAdapter from '@pollyjs/adapter-node-http';
import FetchAdapter from '@pollyjs/adapter-fetch';
import { HarnessError, ERROR_CODES } from '../errors';
import type { Har } from './har';
import { HarnessPersister, type RecordingContext } from './harness-persister';
import { RecordedInputs } from './inputs';
import { type PrincipalOf, matchRequestsBy } from './matching';
import { provenance } from './provenance';

Polly.register(NodeHttpAdapter);
// Global fetch goes through Polly too, so a fetch during replay is answered from the recording or
// fails as a miss: it never reaches the network.
Polly.register(FetchAdapter);
Polly.register(HarnessPersister);

export type RecordingMode = 'replay' | 'record' | 'record-missing';

export interface RecordingOptions {
  /** "<suite>/<test>": Polly turns it into the folder path under recordingsDir. */
  name: string;
  mode: RecordingMode;
  recordingsDir: string;
  target: 'emulator' | 'live';
  principalOf: PrincipalOf;
  /** The base URL requests go to while recording, written into recordings as `originAlias`. */
  origin?: { from: string; to: string };
  rerecordCommand: string;
}

export interface RecordingSession {
  readonly inputs: RecordedInputs;
  /** The recording file, relative to the working directory. */
  readonly file: string;
  /** Stop intercepting and persist; `failed` keeps a failed test's requests out of the recording. */
  stop(outcome: { failed: boolean }): Promise<void>;
  /** Indices (in the recording file) of the entries replay answered from. */
  usedEntries(): number[];
}

/** One Polly instance for one test: it holds every request it sees, so never share one. */
export function startRecording(options: RecordingOptions): RecordingSession {
  const used: string[] = [];
  const context: RecordingContext = {
    principalOf: options.principalOf,
    origin: options.origin,
    rerecordCommand: options.rerecordCommand,
    discard: false,
    onEntryUsed: (entry) => used.push(`${entry._id}#${entry._order}`),
    metadata: () => ({ provenance: provenance(options.target) as unknown as Record<string, unknown>, inputs: inputs.toJSON() }),
  };
  const polly = new Polly(options.name, {
    mode: options.mode === 'record' ? 'record' : 'replay',
    recordIfMissing: options.mode === 'record-missing', // never in replay: a miss must fail, not record
    recordFailedRequests: true, // error answers are the point of a contract suite
    adapters: ['node-http', 'fetch'],
    adapterOptions: { fetch: { context: globalThis } },
    persister: 'harness-fs',
    persisterOptions: { 'harness-fs': { recordingsDir: options.recordingsDir, context } as never, keepUnusedRequests: false },
    matchRequestsBy: matchRequestsBy(options.principalOf) as never,
    flushRequestsOnStop: true,
    logLevel: 'silent', // Polly's own logs print requests with their Authorization header
  });
  const file = (polly.persister as unknown as HarnessPersister).filenameFor(polly.recordingId);
  const recorded = options.mode === 'record' ? {} : readInputs(file);
  // Deterministic inputs unless a live service needs fresh ones.
  const inputs = new RecordedInputs(recorded, options.target === 'live' && options.mode !== 'replay' ? undefined : options.name);
  return {
    inputs,
    file: relative(process.cwd(), file),
    usedEntries() {
      if (!existsSync(file)) return [];
      const entries = (JSON.parse(readFileSync(file, 'utf8')) as Har).log.entries;
      return entries.map((e, i) => (used.includes(`${e._id}#${e._order}`) ? i : -1)).filter((i) => i >= 0);
    },
    async stop({ failed }) {
      context.discard = failed && options.mode !== 'replay';
      await polly.stop();
    },
  };
}

function readInputs(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  try {
    const har = JSON.parse(readFileSync(file, 'utf8')) as Har;
    return har.log._harness?.inputs ?? {};
  } catch (error) {
    throw new HarnessError(ERROR_CODES.RECORDING_INVALID, `${relative(process.cwd(), file)} is not valid JSON (${(error as Error).message}); restore it from git or re-record the test`);
  }
}

/** The recording file Polly uses for a recording name ("<suite>/<test>"), without recording anything. */
export async function recordingFileFor(name: string, recordingsDir: string): Promise<string> {
  const polly = new Polly(name, {
    mode: 'passthrough', adapters: [], persister: 'harness-fs', logLevel: 'silent',
    persisterOptions: { 'harness-fs': { recordingsDir, context: {} } as never },
  });
  const file = (polly.persister as unknown as HarnessPersister).filenameFor(polly.recordingId);
  await polly.stop();
  return file;
}
