import type { Request as PollyRequest } from '@pollyjs/core';
import type { HarEntry } from './har';

/**
 * A HAR entry from a Polly request that has been answered: the same fields, in the same form, as
 * Polly's own persister writes (recordings made before and after read the same). Built here because
 * @pollyjs/persister exports no Entry class, and its persist() merges recordings with quadratic scans.
 * Cookies are not parsed: the sanitizer drops them from every recording anyway (no secret is kept).
 */
type Headers = Record<string, string | string[] | undefined>;
interface NameValue {
  name: string;
  value: string;
  _fromType?: 'array';
}

/** `{a: ['1', '2']}` -> `[{name: 'a', value: '1', _fromType: 'array'}, ...]`, as Polly's toNVPairs. */
function nameValues(headers: Headers | undefined): NameValue[] {
  const pairs: NameValue[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (Array.isArray(value)) pairs.push(...value.map((v) => ({ name, value: v, _fromType: 'array' as const })));
    else pairs.push({ name, value: value as string });
  }
  return pairs;
}

function firstHeader(headers: Headers | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? (value[0] ?? '') : value;
  }
  return undefined;
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** Polly's estimate of the header block: the names and values, a CRLF each, the start and end lines. */
function headersSize(pairs: NameValue[], startLine: string, startLineBytes: number): number {
  return (
    byteLength(startLine + pairs.map((p) => p.name).join() + pairs.map((p) => p.value).join()) + pairs.length * 2 + 2 + startLineBytes + 2
  );
}

interface Answered {
  id: string;
  order: number;
  timestamp: string;
  absoluteUrl: string;
  method: string;
  headers: Headers;
  query: Record<string, string | string[]>;
  body?: unknown;
  responseTime: number;
  response: { statusCode: number; statusText: string; headers: Headers; body?: unknown; encoding?: string };
}

export function harEntryOf(pollyRequest: PollyRequest): HarEntry {
  const request = pollyRequest as unknown as Answered;
  const response = request.response;
  const requestHeaders = nameValues(request.headers);
  const requestLength = firstHeader(request.headers, 'content-length');
  const postText = typeof request.body === 'string' ? request.body : undefined;
  const responseHeaders = nameValues(response.headers);
  const responseLength = firstHeader(response.headers, 'content-length');
  const text = response.body && typeof response.body === 'string' ? response.body : undefined;
  const size = responseLength ? Number.parseInt(responseLength, 10) : text ? byteLength(text) : 0;
  const wait = request.responseTime;
  return {
    _id: request.id,
    _order: request.order,
    startedDateTime: request.timestamp,
    request: {
      httpVersion: 'HTTP/1.1',
      url: request.absoluteUrl,
      method: request.method,
      headers: requestHeaders,
      headersSize: headersSize(requestHeaders, request.method + request.absoluteUrl, 12),
      queryString: nameValues(request.query),
      cookies: [],
      ...(request.body
        ? {
            postData: {
              mimeType: firstHeader(request.headers, 'content-type') || 'text/plain',
              params: [],
              ...(postText !== undefined ? { text: postText } : {}),
            },
          }
        : {}),
      bodySize: requestLength ? Number.parseInt(requestLength, 10) : postText ? byteLength(postText) : 0,
    },
    response: {
      httpVersion: 'HTTP/1.1',
      status: response.statusCode,
      statusText: response.statusText,
      headers: responseHeaders,
      headersSize: headersSize(responseHeaders, '', 0),
      cookies: [],
      redirectURL: firstHeader(response.headers, 'location') || '',
      content: {
        mimeType: firstHeader(response.headers, 'content-type') || 'text/plain',
        ...(text !== undefined ? { text, ...(response.encoding ? { encoding: response.encoding } : {}) } : {}),
        size,
      },
      bodySize: size,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait, receive: 0, ssl: -1 },
    time: Math.max(wait, 0),
  } as unknown as HarEntry;
}
