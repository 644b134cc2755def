import { rmSync } from 'node:fs';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { ERROR_CODES, HarnessError } from '../errors';
import type { Har, HarEntry } from './har';
import { type SanitizeOptions, sanitizeEntry, withoutThrottled } from './sanitize-har';

/** Keys sorted at every level, so a recording diffs only where its content changed. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** Entries handled between two yields to the event loop: a 5,000-entry recording never holds it for long. */
const CHUNK = 250;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A recording as committed, in pieces whose concatenation is the file: the frame up to the entries, each
 * entry (with the separator before it), the frame after them. Neither joining 15 MB into one string nor
 * writing it in one call holds the event loop (a 15 MB recording would stall every other test in the process).
 */
export type RenderedRecording = string[];

/** The whole text of a rendered recording (for tests and small files). */
export const recordingText = (parts: RenderedRecording): string => parts.join('');

/** The recording as committed: sanitized (sanitize-har.ts), keys sorted, two-space indented; yields as it goes. */
export async function renderRecording(recorded: { log: { entries: unknown[] } }, options: SanitizeOptions): Promise<RenderedRecording> {
  // Polly's classes to plain data, entry by entry (one round trip of the whole would hold the loop).
  const plain: unknown[] = [];
  for (const [i, entry] of recorded.log.entries.entries()) {
    plain.push(JSON.parse(JSON.stringify(entry)));
    if ((i + 1) % CHUNK === 0) await yieldToLoop();
  }
  const log = JSON.parse(JSON.stringify({ ...recorded.log, entries: [] })) as Har['log'];
  const kept = withoutThrottled(plain as Har['log']['entries']);
  const sanitized: HarEntry[] = [];
  for (let i = 0; i < kept.length; i += 1) {
    sanitized.push(sanitizeEntry(kept[i], i, options));
    if ((i + 1) % CHUNK === 0) await yieldToLoop();
  }
  return renderSanitized(log, sanitized, options.metadata);
}

/** A recording from entries already sanitized (a proxy's journal holds them so): the committed layout. */
export async function renderSanitized(
  log: Omit<Har['log'], 'entries'>,
  sanitized: readonly HarEntry[],
  metadata: SanitizeOptions['metadata'],
): Promise<RenderedRecording> {
  const entries: string[] = [];
  for (let i = 0; i < sanitized.length; i += 1) {
    // Each entry as the whole file indents it (three levels deep), after the separator that precedes it.
    const text = JSON.stringify(sortKeys(sanitized[i]), null, 2).replace(/\n/g, '\n      ');
    entries.push(`${i === 0 ? '[' : ','}\n      ${text}`);
    if ((i + 1) % CHUNK === 0) await yieldToLoop();
  }
  const har = { log };
  // The frame with a marker for the entries, found by its exact line: a string cannot hold a newline, and
  // only log's own keys sit four spaces deep.
  const frame = JSON.stringify({ log: sortKeys({ ...har.log, entries: '__entries__', _harness: metadata }) }, null, 2);
  const marker = '\n    "entries": "__entries__"';
  const at = frame.indexOf(marker);
  const head = `${frame.slice(0, at)}\n    "entries": `;
  const tail = `${frame.slice(at + marker.length)}\n`;
  return entries.length === 0 ? [head, '[]', tail] : [head, ...entries, '\n    ]', tail];
}

/** Recordings that differ only in when they were made are the same recording. */
const withoutDate = (text: string) => text.replace(/"recordedAt": "[^"]*"/, '"recordedAt": ""');

/** Whether the file's text is this rendering, the date aside (it sits in the frame, never in an entry). */
async function sameRecording(previous: string, parts: RenderedRecording): Promise<boolean> {
  if (previous.length !== parts.reduce((n, part) => n + part.length, 0)) return false;
  let at = 0;
  for (const [i, part] of parts.entries()) {
    const frame = i === 0 || i === parts.length - 1;
    if (frame ? withoutDate(previous.slice(at, at + part.length)) !== withoutDate(part) : !previous.startsWith(part, at)) return false;
    at += part.length;
    if ((i + 1) % CHUNK === 0) await yieldToLoop();
  }
  return true;
}

/**
 * Write a rendered recording atomically (temp file + rename: a crash mid-write never leaves half a
 * file), or leave the file alone when only the date would change. Returns what happened. Reads and
 * writes are asynchronous and the text goes out in chunks, so a large recording never holds the loop.
 */
export async function writeRecording(file: string, parts: RenderedRecording): Promise<'created' | 'updated' | 'unchanged'> {
  const previous = await readQuietly(file);
  if (previous !== undefined && (await sameRecording(previous, parts))) return 'unchanged';
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(temp, 'w');
    try {
      for (let i = 0; i < parts.length; i += CHUNK) await handle.write(parts.slice(i, i + CHUNK).join(''));
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    removeQuietly(temp);
    const { code, message } = error as NodeJS.ErrnoException;
    throw new HarnessError(
      ERROR_CODES.RECORDING_WRITE_FAILED,
      `${relative(process.cwd(), file)} could not be written (${code ?? message}); the previous recording is unchanged. Check that ${relative(process.cwd(), dirname(file)) || '.'} is writable and the disk has space, or point MPSD_RECORDINGS_DIR elsewhere.`,
    );
  }
  return previous === undefined ? 'created' : 'updated';
}

/** The file's text, or undefined when it is missing or unreadable (record mode replaces it either way). */
async function readQuietly(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Leave no temp file behind; a path that cannot even be looked at has none to remove. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // ENOTDIR and the like: nothing was written there
  }
}
