import { dirname } from 'node:path';
import type { Request as PollyRequest } from '@pollyjs/core';
import type { HarEntry, HarHeader } from './har';

/**
 * Polly's adapters with a cheaper replay, through the one extension point Polly gives adapters for it:
 * a subclass overriding `replay`. Polly's own replay copies every recorded entry with a JSON round trip
 * before answering (the largest single cost of a replay); the harness persister hands out entries that
 * are deeply frozen, so nothing that replays one can change the recording, and no copy is needed. What
 * Polly's replay also does and the harness never uses (a `beforeReplay` listener, `expiresIn`, `timing`)
 * is left out; a miss is the persister's (findEntry throws the explained REPLAY_MISS).
 */
interface AdapterInstance {
  persister: { findEntry(request: PollyRequest): Promise<HarEntry | null> };
  record(request: PollyRequest): Promise<unknown>;
  onReplay(request: PollyRequest, response: ReplayedResponse, entry: HarEntry): Promise<unknown>;
}
// biome-ignore lint/suspicious/noExplicitAny: Polly's adapter classes are typed without these members
type AdapterClass = new (...args: any[]) => any;

interface ReplayedResponse {
  statusCode: number;
  statusText?: string;
  headers: Record<string, string | string[]>;
  body?: string;
  encoding?: string;
}

/** A recorded response as Polly's adapters take it (Polly's normalizeRecordedResponse). */
function replayedResponse(response: HarEntry['response']): ReplayedResponse {
  const headers: Record<string, string | string[]> = {};
  for (const { name, value, _fromType } of response.headers as (HarHeader & { _fromType?: string })[]) {
    const existing = headers[name];
    if (existing === undefined) headers[name] = _fromType === 'array' ? [value] : value;
    else headers[name] = [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const { status, statusText, content } = response as HarEntry['response'] & {
    statusText?: string;
    content?: { text?: string; encoding?: string };
  };
  return { statusCode: status, statusText, headers, body: content?.text, encoding: content?.encoding };
}

/** `Base` with Polly's replay minus the copy, under its own adapter id. */
export function withFrozenReplay<T extends AdapterClass>(Base: T, id: string): T {
  return class FrozenReplay extends Base {
    static get id() {
      return id;
    }

    async replay(pollyRequest: PollyRequest): Promise<unknown> {
      const self = this as unknown as AdapterInstance;
      const entry = await self.persister.findEntry(pollyRequest);
      if (!entry) return self.record(pollyRequest); // findEntry returns null only when recordIfMissing
      (pollyRequest as PollyRequest & { action: string }).action = 'replay';
      return self.onReplay(pollyRequest, replayedResponse(entry.response), entry);
    }
  };
}

/**
 * loglevel keeps every named logger for good, and Polly names one per request: forget a stopped
 * Polly's loggers, or a long run keeps one (with its methods) for every request it ever made. The
 * loglevel asked is Polly's own copy, found from @pollyjs/core's folder.
 */
export function forgetPollyLoggers(recordingName: string): void {
  const loglevel = pollyLoglevel();
  if (!loglevel) return;
  const loggers = loglevel.getLoggers();
  const prefix = `@pollyjs/core:${recordingName}`;
  for (const key of Object.keys(loggers)) if (key === prefix || key.startsWith(`${prefix}:`)) delete loggers[key];
}

let cachedLoglevel: { getLoggers(): Record<string, unknown> } | null | undefined;
function pollyLoglevel() {
  if (cachedLoglevel === undefined) {
    try {
      const core = dirname(require.resolve('@pollyjs/core/package.json'));
      cachedLoglevel = require(require.resolve('loglevel', { paths: [core] }));
    } catch {
      cachedLoglevel = null; // another layout: the leak stays, nothing breaks
    }
  }
  return cachedLoglevel;
}
