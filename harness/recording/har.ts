import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { type Exchange, toExchange } from '../contract/exchange';
import { ERROR_CODES, HarnessError } from '../errors';

/** The parts of a Polly HAR file the harness reads and writes. */
export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  _id: string;
  _order: number;
  startedDateTime: string;
  time: number;
  timings: Record<string, number>;
  request: {
    method: string;
    url: string;
    headers: HarHeader[];
    cookies: unknown[];
    queryString?: { name: string; value: string }[];
    postData?: { mimeType?: string; text?: string };
  };
  response: {
    status: number;
    headers: HarHeader[];
    cookies: unknown[];
    content: { mimeType?: string; size?: number; text?: string; encoding?: string };
  };
  [key: string]: unknown;
}

/** What the harness stores beside the entries: see recording/provenance.ts and recording/inputs.ts. */
export interface HarnessMetadata {
  provenance: Record<string, unknown>;
  inputs: Record<string, string>;
}

export interface Har {
  log: {
    version: string;
    _recordingName: string;
    creator: { name: string; version?: string; comment?: string };
    entries: HarEntry[];
    _harness?: HarnessMetadata;
    [key: string]: unknown;
  };
}

export function header(headers: HarHeader[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

export function headerMap(headers: HarHeader[]): Record<string, string> {
  return Object.fromEntries(headers.map((h) => [h.name.toLowerCase(), h.value]));
}

/** HAR versions Polly writes and this harness reads. */
const HAR_VERSIONS = ['1.2'];

/** What is wrong with a parsed HAR, as a sentence; undefined when it is usable. */
function harProblem(har: unknown): string | undefined {
  const log = (har as Har | null)?.log;
  if (typeof log !== 'object' || log === null) return 'it has no "log" object';
  if (!HAR_VERSIONS.includes(log.version))
    return `its HAR version is ${JSON.stringify(log.version)}; this harness reads ${HAR_VERSIONS.join(', ')}`;
  if (!Array.isArray(log.entries)) return 'its log has no "entries" list';
  for (const [i, entry] of log.entries.entries()) {
    const where = `entry ${i + 1}`;
    if (typeof entry?.request?.method !== 'string' || typeof entry.request.url !== 'string' || !Array.isArray(entry.request.headers))
      return `${where} has no request with method, url and headers`;
    if (typeof entry.response !== 'object' || entry.response === null) return `${where} has no response`;
    if (!Number.isInteger(entry.response.status))
      return `${where} has a response status that is not a number (${JSON.stringify(entry.response.status)})`;
    if (!Array.isArray(entry.response.headers) || typeof entry.response.content !== 'object')
      return `${where} has a response without headers or content`;
  }
  return undefined;
}

/**
 * Read and check one recording file. Every reader of recordings (replay, inputs, lint, drift, the miss
 * explanation) goes through here, so a corrupt file always gets the same message: the file, what is
 * wrong, and how to fix it.
 */
export function readHar(file: string, rerecord = 'npm run record -- --grep "<its test title>"'): Har {
  const shown = relative(process.cwd(), file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')); // an editor's UTF-8 BOM is not a corruption
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : `it is not JSON (${(error as Error).message})`;
    throw new HarnessError(
      ERROR_CODES.RECORDING_INVALID,
      `${shown} cannot be read: ${reason}. Restore it from git, or re-record its test: ${rerecord}`,
    );
  }
  const problem = harProblem(parsed);
  if (problem)
    throw new HarnessError(
      ERROR_CODES.RECORDING_INVALID,
      `${shown} is not a usable Polly recording: ${problem}. Restore it from git, or re-record its test: ${rerecord}`,
    );
  return parsed as Har;
}

/** A recorded entry as the Exchange the checks, drift and lint read. */
export function exchangeOf(entry: HarEntry): Exchange {
  const url = new URL(entry.request.url, 'http://recording.invalid');
  const { content } = entry.response;
  const text =
    content.encoding === 'base64' && content.text !== undefined
      ? Buffer.from(content.text, 'base64').toString('utf8')
      : (content.text ?? '');
  return toExchange(
    {
      method: entry.request.method.toUpperCase(),
      path: url.pathname + url.search,
      headers: headerMap(entry.request.headers),
      ...(entry.request.postData?.text !== undefined ? { body: entry.request.postData.text } : {}),
    },
    { status: entry.response.status, headers: headerMap(entry.response.headers), text },
  );
}
