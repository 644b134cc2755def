import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { Request } from '@pollyjs/core';
import FSPersister from '@pollyjs/persister-fs';
import { HarnessError, ERROR_CODES } from '../errors';
import { explainMiss, identityOfRequest } from './explain-miss';
import type { Har, HarnessMetadata } from './har';
import type { PrincipalOf } from './matching';
import { type SanitizeOptions, sanitizeHar } from './sanitize-har';

/** What one test's recording needs beyond Polly's own options. */
export interface RecordingContext {
  principalOf: PrincipalOf;
  origin?: SanitizeOptions['origin'];
  metadata: () => HarnessMetadata;
  rerecordCommand: string;
  /** Set when the test failed while recording: its requests are dropped, the old recording stays. */
  discard: boolean;
  /** Called with each recorded entry a replay answered from (the lint reports entries never used). */
  onEntryUsed?: (entry: { _id: string; _order: number }) => void;
}

interface Options {
  recordingsDir: string;
  context: RecordingContext;
}

/**
 * Polly's fs persister, plus: secrets and noise removed before anything is written; writes atomic
 * (temp file + rename) and skipped when nothing but the date would change; a replay miss explained.
 */
export class HarnessPersister extends FSPersister {
  static get id() {
    return 'harness-fs';
  }

  private get context(): RecordingContext {
    return (this.options as unknown as Options).context;
  }

  filenameFor(recordingId: string): string {
    return (this as unknown as { api: { filenameFor(id: string): string } }).api.filenameFor(recordingId);
  }

  async persist(): Promise<void> {
    if (this.context.discard) {
      (this as unknown as { pending: Map<string, unknown> }).pending.clear();
      return;
    }
    return super.persist();
  }

  async onSaveRecording(recordingId: string, har: unknown): Promise<void> {
    const file = this.filenameFor(recordingId);
    const sanitized = sanitizeHar(JSON.parse(this.stringify(har)) as Har, { principalOf: this.context.principalOf, origin: this.context.origin, metadata: this.context.metadata() });
    const clean = JSON.parse(this.stringify(sanitized)) as Har; // keys sorted at every level: stable diffs
    if (existsSync(file) && sameButDate(JSON.parse(readFileSync(file, 'utf8')) as Har, clean)) return;
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(clean, null, 2)}\n`);
    renameSync(temp, file); // a crash mid-write never leaves a half-written recording
  }

  async findEntry(request: Request): Promise<any> {
    const entry = await super.findEntry(request);
    if (entry) this.context.onEntryUsed?.(entry);
    if (entry || this.polly.config.recordIfMissing) return entry;
    const file = this.filenameFor(request.recordingId);
    const recording = (await (this as unknown as { findRecording(id: string): Promise<Har | null> }).findRecording(request.recordingId));
    const { principalOf, rerecordCommand } = this.context;
    const identity = identityOfRequest(request.method, request.url, request.headers as Record<string, string>, request.body, principalOf);
    throw new HarnessError(ERROR_CODES.REPLAY_MISS, explainMiss({ recordingPath: relative(process.cwd(), file), entries: recording?.log.entries, request: identity, order: request.order ?? 0, rerecordCommand }, principalOf));
  }
}

/** True when two recordings differ at most in their provenance date. */
function sameButDate(a: Har, b: Har): boolean {
  const strip = (h: Har) => JSON.stringify({ ...h, log: { ...h.log, _harness: { ...h.log._harness, provenance: { ...h.log._harness?.provenance, recordedAt: undefined } } } });
  return strip(a) === strip(b);
}
