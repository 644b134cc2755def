import { relative } from 'node:path';
import { Polly } from '@pollyjs/core';
import type { HarnessPersister } from './harness-persister';
import { recoverJournal } from './journal';
import { provenance } from './provenance';

/** Where a test's recording lives, and getting back what a killed session journalled. Registers nothing: recording-session.ts does. */

/** The recording file Polly uses for a recording name ("<suite>/<test>"), without recording anything. */
export async function recordingFileFor(name: string, recordingsDir: string): Promise<string> {
  const polly = new Polly(name, {
    mode: 'passthrough',
    adapters: [],
    persister: 'harness-fs',
    logLevel: 'silent',
    persisterOptions: { 'harness-fs': { recordingsDir, context: {} } as never },
  });
  const file = (polly.persister as unknown as HarnessPersister).filenameFor(polly.recordingId);
  await polly.stop();
  return file;
}

/**
 * Before a long session starts: a journal left by one that was killed becomes its recording. Resolves
 * with the file and how many exchanges it got back, or undefined when nothing was left.
 */
export async function recoverInterrupted(
  name: string,
  recordingsDir: string,
  target: 'emulator' | 'live',
): Promise<{ file: string; exchanges: number } | undefined> {
  const file = await recordingFileFor(name, recordingsDir);
  const exchanges = await recoverJournal(file, name, { provenance: provenance(target) as unknown as Record<string, unknown>, inputs: {} });
  return exchanges === undefined ? undefined : { file: relative(process.cwd(), file), exchanges };
}
