import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HarEntry, HarnessMetadata } from './har';
import { type SanitizeOptions, sanitizeEntry, withoutThrottled } from './sanitize-har';
import { renderSanitized, writeRecording } from './write-recording';

/**
 * A long recording session (the proxy's) keeps nothing only in memory: each exchange, sanitized as the
 * recording will hold it, is appended to a journal beside the recording and synced before the next one,
 * so a kill -9 loses at most the exchange in flight. The session's normal end writes the recording and
 * drops the journal; a journal found at the start of the next session is turned into the recording.
 */
export const journalOf = (recordingFile: string): string => join(dirname(recordingFile), 'journal.jsonl');

export class Journal {
  /** Index of the next entry: sanitizeEntry's synthetic timestamps follow it, as in the recording. */
  private next = 0;

  constructor(
    readonly file: string,
    private readonly options: () => SanitizeOptions,
  ) {}

  append(entry: HarEntry): void {
    if (withoutThrottled([entry]).length === 0) return; // never recorded, never journalled
    const line = `${JSON.stringify(sanitizeEntry(JSON.parse(JSON.stringify(entry)), this.next, this.options()))}\n`;
    mkdirSync(dirname(this.file), { recursive: true });
    const fd = openSync(this.file, 'a');
    try {
      writeSync(fd, line);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.next += 1;
  }

  /** The session ended and its recording is written: the journal has nothing more to keep. */
  discard(): void {
    rmSync(this.file, { force: true });
  }
}

/**
 * A journal left by a session that never ended (killed, crashed): its complete exchanges become the
 * recording, atomically; a half-written last line is the exchange that was in flight. Resolves with how
 * many exchanges were recovered, or undefined when there was no journal.
 */
export async function recoverJournal(recordingFile: string, recordingName: string, metadata: HarnessMetadata): Promise<number | undefined> {
  const file = journalOf(recordingFile);
  if (!existsSync(file)) return undefined;
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line): HarEntry[] => {
      try {
        return line ? [JSON.parse(line) as HarEntry] : [];
      } catch {
        return []; // cut short by the kill
      }
    });
  const log = { version: '1.2', pages: [], creator: { name: 'Polly.JS', comment: 'persister:harness-fs' }, _recordingName: recordingName };
  await writeRecording(recordingFile, await renderSanitized(log, entries, metadata));
  rmSync(file);
  return entries.length;
}
