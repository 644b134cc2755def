import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { HarnessError, ERROR_CODES } from '../errors';
import type { Har } from './har';
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

/** The recording as committed: sanitized (sanitize-har.ts), keys sorted, two-space indented; yields as it goes. */
export async function renderRecording(recorded: { log: { entries: unknown[] } }, options: SanitizeOptions): Promise<string> {
  // Polly's classes to plain data, entry by entry (one round trip of the whole would hold the loop).
  const plain: unknown[] = [];
  for (const [i, entry] of recorded.log.entries.entries()) {
    plain.push(JSON.parse(JSON.stringify(entry)));
    if ((i + 1) % CHUNK === 0) await yieldToLoop();
  }
  const har = { log: { ...(JSON.parse(JSON.stringify({ ...recorded.log, entries: [] })) as Har['log']), entries: plain as Har['log']['entries'] } };
  const kept = withoutThrottled(har.log.entries);
  const entries: string[] = [];
  for (let i = 0; i < kept.length; i += 1) {
    // Each entry as the whole file indents it (three levels deep), so the file is their concatenation.
    entries.push(JSON.stringify(sortKeys(sanitizeEntry(kept[i], i, options)), null, 2).replace(/\n/g, '\n      '));
    if ((i + 1) % CHUNK === 0) await yieldToLoop();
  }
  // The frame with a marker for the entries, found by its exact line: a string cannot hold a newline, and
  // only log's own keys sit four spaces deep.
  const frame = JSON.stringify({ log: sortKeys({ ...har.log, entries: '__entries__', _harness: options.metadata }) }, null, 2);
  const list = entries.length === 0 ? '[]' : `[\n      ${entries.join(',\n      ')}\n    ]`;
  return `${frame.replace('\n    "entries": "__entries__"', () => `\n    "entries": ${list}`)}\n`;
}

/** Recordings that differ only in when they were made are the same recording. */
const withoutDate = (text: string) => text.replace(/"recordedAt": "[^"]*"/, '"recordedAt": ""');

/**
 * Write a rendered recording atomically (temp file + rename: a crash mid-write never leaves half a
 * file), or leave the file alone when only the date would change. Returns what happened.
 */
export function writeRecording(file: string, text: string): 'created' | 'updated' | 'unchanged' {
  const previous = readQuietly(file);
  if (previous !== undefined && withoutDate(previous) === withoutDate(text)) return 'unchanged';
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, text);
    renameSync(temp, file);
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
function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
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
