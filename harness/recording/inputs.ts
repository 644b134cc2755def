import { createHash, randomUUID } from 'node:crypto';

/**
 * Values a live service needs fresh (session names, client-made ids), kept with the recording.
 * Recording: made fresh (random on a live target, derived from the test name on the emulator, so
 * re-recording is byte-identical) and stored. Replay: read back, so replayed requests match exactly.
 */
export class RecordedInputs {
  private readonly used: Record<string, string> = {};

  constructor(
    private readonly recorded: Readonly<Record<string, string>>,
    private readonly seed: string | undefined,
  ) {}

  /** The value stored under `key`, or a new one `<prefix>-<12 hex>` when there is none yet. */
  value(key: string, prefix = key): string {
    if (!(key in this.used)) this.used[key] = this.recorded[key] ?? `${prefix}-${this.fresh(key)}`;
    return this.used[key];
  }

  /** A GUID stored under `key`. */
  guid(key: string): string {
    if (!(key in this.used)) this.used[key] = this.recorded[key] ?? this.freshGuid(key);
    return this.used[key];
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.used).sort(([a], [b]) => a.localeCompare(b)));
  }

  private digest(key: string): string {
    return createHash('sha256').update(`${this.seed}\u0000${key}`).digest('hex');
  }

  private fresh(key: string): string {
    return this.seed === undefined ? randomUUID().replace(/-/g, '').slice(0, 12) : this.digest(key).slice(0, 12);
  }

  private freshGuid(key: string): string {
    if (this.seed === undefined) return randomUUID();
    const h = this.digest(key);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
