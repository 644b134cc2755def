import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Request } from '@pollyjs/core';
import Persister from '@pollyjs/persister';
import { ERROR_CODES, HarnessError } from '../errors';
import { explainMiss } from './explain-miss';
import { type Har, type HarEntry, readHar } from './har';
import { harEntryOf } from './har-entry';
import { requestIdentity } from './matching';
import type { RecordingContext } from './recording-context';
import { renderRecording, writeRecording } from './write-recording';

/** Marks a Polly request that belongs to a test that has ended (see recording-session's admit). */
export const NOT_THIS_TEST = Symbol('not-this-test');

export type { RecordingContext, SaveOutcome } from './recording-context';

interface Options {
  recordingsDir: string;
  context: RecordingContext;
}

type Cached = { har: Har; byKey: Map<string, HarEntry> };

/** Entries merged between two yields to the event loop when a recording is persisted. */
const CHUNK = 250;

/**
 * Polly's persister, on its public extension points (the hooks and persist/recordRequest/findEntry):
 * persister-fs's file layout, each recording read once, checked, and indexed by (_id, _order) so a
 * lookup costs the same in a 10- or a 5,000-entry recording; new entries merged through a Set and in
 * chunks (the base class merges with quadratic scans in one block); secrets and noise removed before
 * anything is written; writes atomic (temp file + rename) and skipped when nothing but the date would
 * change; a replay miss explained.
 */
export class HarnessPersister extends Persister {
  private readonly index = new Map<string, Cached>();
  /** (_id#_order) of the entries replay answered from: with the recorded ones, what a recording keeps. */
  private readonly replayed = new Set<string>();
  /** Requests to persist, by recording id (the base class keeps its own list private). */
  private readonly toPersist = new Map<string, { name: string; requests: Request[] }>();
  private socketsPersisted = false;

  static get id() {
    return 'harness-fs';
  }

  private ownOptions?: Options;

  /** Polly builds `options` afresh on every read (a merge of defaults and config): read them once. */
  private get settings(): Options {
    this.ownOptions ??= this.options as unknown as Options;
    return this.ownOptions;
  }

  private get context(): RecordingContext {
    return this.settings.context;
  }

  /** persister-fs's layout, <recordingsDir>/<recording id>/recording.har: recordings from either read alike. */
  filenameFor(recordingId: string): string {
    return join(this.settings.recordingsDir, recordingId, 'recording.har');
  }

  /** The recording as read (once) from disk, or undefined when there is none. */
  loaded(recordingId: string): Har | undefined {
    return this.load(recordingId)?.har;
  }

  // biome-ignore lint/suspicious/noExplicitAny: Polly types the HAR as its own class; ours declares only the parts the harness reads
  async onFindRecording(recordingId: string): Promise<any> {
    return this.load(recordingId)?.har ?? null; // our Har type: the parts the harness reads
  }

  // biome-ignore lint/suspicious/noExplicitAny: as above, Polly's entry type
  async findEntry(request: Request): Promise<any> {
    const cached = this.load(request.recordingId);
    const entry = cached?.byKey.get(`${request.id}#${request.order}`);
    if (entry) {
      this.replayed.add(`${request.id}#${request.order}`);
      this.context.onEntryUsed?.(entry);
      return deepFreeze(entry); // FrozenReplay replays a frozen entry as it is, without a JSON copy
    }
    if (this.polly.config.recordIfMissing) return null;
    const { principalOf, rerecordCommand } = this.context;
    const identity = requestIdentity(
      { method: request.method, url: request.url, headers: request.headers as Record<string, string>, body: request.body },
      principalOf,
    );
    const recordingPath = relative(process.cwd(), this.filenameFor(request.recordingId));
    throw new HarnessError(
      ERROR_CODES.REPLAY_MISS,
      explainMiss(
        { recordingPath, entries: cached?.har.log.entries, request: identity, order: request.order ?? 0, rerecordCommand },
        principalOf,
      ),
    );
  }

  /** A request another (ended) test fired is never written into this test's recording. */
  recordRequest(request: Request): void {
    if ((request as Request & { [NOT_THIS_TEST]?: true })[NOT_THIS_TEST]) return;
    const pending = this.toPersist.get(request.recordingId) ?? { name: request.recordingName, requests: [] };
    pending.requests.push(request);
    this.toPersist.set(request.recordingId, pending);
  }

  // @ts-expect-error Polly's types declare a field; at run time it is a getter, overridden here
  get hasPending(): boolean {
    return this.toPersist.size > 0 || (!this.socketsPersisted && (this.context.webSockets?.().length ?? 0) > 0);
  }

  /**
   * The base class's persist, in linear time: the recorded requests become entries (yielding every
   * CHUNK), take priority over stored ones with the same (_id, _order), are sorted by start time, and
   * entries this test neither replayed nor recorded are dropped (keepUnusedRequests: false).
   */
  async persist(): Promise<void> {
    const pending = [...this.toPersist];
    this.toPersist.clear();
    // A test that only opened websockets still has a recording: Polly saw no request to name it.
    if (pending.length === 0 && this.hasPending) pending.push([this.polly.recordingId, { name: this.polly.recordingName, requests: [] }]);
    this.socketsPersisted = true;
    if (this.context.discard) return;
    for (const [recordingId, { name, requests }] of pending) {
      const fresh: HarEntry[] = [];
      for (const [i, request] of requests.entries()) {
        if (i > 0 && i % CHUNK === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        fresh.push(harEntryOf(request));
      }
      fresh.push(...(this.context.webSockets?.() ?? []));
      const stored = this.load(recordingId)?.har;
      const used = new Set([...this.replayed, ...fresh.map((e) => `${e._id}#${e._order}`)]);
      const seen = new Set<string>();
      const entries = [...fresh, ...(stored?.log.entries ?? [])].filter((entry) => {
        const key = `${entry._id}#${entry._order}`;
        if (seen.has(key) || !used.has(key)) return false;
        seen.add(key);
        return true;
      });
      const times = new Map(entries.map((e) => [e, Date.parse(e.startedDateTime)]));
      entries.sort((a, b) => (times.get(a) ?? 0) - (times.get(b) ?? 0));
      const creator = {
        name: 'Polly.JS',
        version: (this.polly.constructor as unknown as { VERSION: string }).VERSION,
        comment: 'persister:harness-fs',
      };
      const log = {
        version: '1.2',
        pages: [],
        ...(stored?.log ?? {}),
        creator,
        _recordingName: stored?.log._recordingName ?? name,
        entries,
      };
      await this.onSaveRecording(recordingId, { log });
      this.index.delete(recordingId);
    }
  }

  // biome-ignore lint/suspicious/noExplicitAny: the base class's signature
  async onDeleteRecording(): Promise<any> {
    throw new Error('recordings are rewritten, never deleted, by the harness');
  }

  async onSaveRecording(recordingId: string, har: unknown): Promise<void> {
    const parts = await renderRecording(har as Har, {
      principalOf: this.context.principalOf,
      origin: this.context.origin,
      metadata: this.context.metadata(),
    });
    const outcome = await writeRecording(this.filenameFor(recordingId), parts); // not inside ?.(): it must run
    this.context.onSaved?.(outcome);
  }

  private load(recordingId: string): Cached | undefined {
    if (this.context.fromScratch) return undefined;
    if (!this.index.has(recordingId)) {
      const file = this.filenameFor(recordingId);
      if (!existsSync(file)) return undefined;
      const har = readHar(file, this.context.rerecordCommand);
      this.index.set(recordingId, { har, byKey: new Map(har.log.entries.map((e) => [`${e._id}#${e._order}`, e])) });
    }
    return this.index.get(recordingId);
  }
}

/** Freeze an entry and everything in it (once): nothing that replays it can change the recording. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
