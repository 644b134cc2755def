import type { HarEntry, HarnessMetadata } from './har';
import type { PrincipalOf } from './matching';
import type { SanitizeOptions } from './sanitize-har';

/** What happened to a recording file when a test ended. */
export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/** What one test's recording needs beyond Polly's own options. */
export interface RecordingContext {
  principalOf: PrincipalOf;
  origin?: SanitizeOptions['origin'];
  metadata: () => HarnessMetadata;
  rerecordCommand: string;
  /** Record mode rewrites a recording from scratch: the old file is not read (a corrupt one is simply replaced). */
  fromScratch: boolean;
  /** Set when the test failed while recording: its requests are dropped, the old recording stays. */
  discard: boolean;
  /** Called with each recorded entry a replay answered from (the lint reports entries never used). */
  onEntryUsed?: (entry: HarEntry) => void;
  onSaved?: (outcome: SaveOutcome) => void;
  /** The test's websocket entries (websocket-frames.ts): Polly never sees them, so they join its entries here. */
  webSockets?: () => HarEntry[];
}
