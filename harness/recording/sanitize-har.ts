import { isThrottled } from '../contract/exchange';
import { isSecretHeader, REDACTED, redactedAuthorization, scrubText } from '../secrets';
import { type HarEntry, type HarHeader, type HarnessMetadata, headerMap } from './har';
import type { PrincipalOf } from './matching';

export interface SanitizeOptions {
  principalOf: PrincipalOf;
  /** Origin to replace (e.g. the emulator's http://127.0.0.1:<random port>) and what to write instead. */
  origin?: { from: string; to: string };
  metadata: HarnessMetadata;
}

/** Recording timestamps are synthetic: one second apart from this instant, in entry order. */
const SYNTHETIC_START = Date.parse('2026-01-01T00:00:00.000Z');

/*
 * What makes a HAR entry safe to commit and stable to diff: throttled answers out (they are never
 * fixtures), secrets out, transport noise (timings, timestamps, ports) fixed. write-recording.ts applies
 * it entry by entry and adds the harness metadata. Pure.
 */

/**
 * Drop 429/503-with-Retry-After entries and renumber the order of identical requests, so replay (where
 * nothing is throttled, so nothing is retried) finds the answers the retries got.
 */
export function withoutThrottled(entries: HarEntry[]): HarEntry[] {
  const kept = entries.filter((e) => !isThrottled({ status: e.response.status, headers: headerMap(e.response.headers) }));
  if (kept.length === entries.length) return entries;
  const seen = new Map<string, number>();
  return [...kept]
    .sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime) || a._order - b._order)
    .map((e) => {
      const order = seen.get(e._id) ?? 0;
      seen.set(e._id, order + 1);
      return { ...e, _order: order };
    });
}

export function sanitizeEntry(entry: HarEntry, index: number, options: SanitizeOptions): HarEntry {
  const { origin } = options;
  const url =
    origin && entry.request.url.startsWith(origin.from) ? origin.to + entry.request.url.slice(origin.from.length) : entry.request.url;
  return {
    ...entry,
    startedDateTime: new Date(SYNTHETIC_START + index * 1000).toISOString(),
    time: 0,
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 0, receive: 0, ssl: -1 },
    request: {
      ...entry.request,
      url: scrubText(url),
      headers: entry.request.headers.map((h) =>
        origin && h.name.toLowerCase() === 'host' ? { name: h.name, value: new URL(origin.to).host } : redactHeader(h, options.principalOf),
      ),
      cookies: [],
      ...(entry.request.postData ? { postData: { ...entry.request.postData, text: scrubText(entry.request.postData.text ?? '') } } : {}),
    },
    response: {
      ...entry.response,
      headers: entry.response.headers.map((h) => redactHeader(h, options.principalOf)),
      cookies: [],
      content: {
        ...entry.response.content,
        ...(entry.response.content.text !== undefined ? { text: scrubText(entry.response.content.text) } : {}),
      },
    },
    ...(Array.isArray(entry._webSocketMessages)
      ? { _webSocketMessages: entry._webSocketMessages.map((m, i) => sanitizeFrame(m, index, i)) }
      : {}),
  };
}

/** A websocket frame: its text scrubbed like a body, its time synthetic (the entry's second, a millisecond per frame). */
function sanitizeFrame(message: { data?: unknown }, entryIndex: number, frameIndex: number) {
  return { ...message, time: (SYNTHETIC_START + entryIndex * 1000 + frameIndex) / 1000, data: scrubText(String(message.data ?? '')) };
}

function redactHeader(h: HarHeader, principalOf: PrincipalOf): HarHeader {
  if (h.name.toLowerCase() === 'authorization') return { name: h.name, value: redactedAuthorization(principalOf(h.value)) };
  if (isSecretHeader(h.name)) return { name: h.name, value: REDACTED };
  return { name: h.name, value: scrubText(h.value) };
}
