import { resolve } from 'node:path';
import { MODES } from '../config';
import type { Exchange } from '../contract/exchange';
import type { SaveOutcome } from '../recording/harness-persister';
import { mixedAdvice, type RecordingSession } from '../recording/recording-session';
import type { ScenarioContext, TestRecord } from './run-types';
import { rerecordCommand } from './spec-files';
import type { TestScope } from './test-scope';
import { escapeError, firstBreak, throttledInstead, tripwire, type WireRecord } from './wire-checks';

/** What a test tells the run it belongs to when it ends: the run-wide tallies (harness-run.ts keeps them). */
export interface RunLedger {
  readonly mode: keyof typeof MODES;
  /** The test failed: the behaviours it declared are not proved. */
  dropScenario(fullTitle: string): void;
  /** Replay used these entries of this recording file (the lint's usage log). */
  used(file: string, entries: number[]): void;
  saved(outcome: SaveOutcome, file: string): void;
  /** verify: compare what the target answered with the recording. */
  compare(fullTitle: string, file: string, answered: Exchange[]): void;
}

/**
 * One test of specs/ (or a suite's hook, or the proxy's one long test): its recording, every exchange
 * its wire saw, the async scope its body runs in, and its end. Made by HarnessRun.beginTest; the body
 * reaches it through scenario(), the root hooks through the mocha test they made it for.
 */
export class TestRun {
  readonly exchanges: WireRecord[] = [];
  readonly scope: TestScope;
  /** Set by HarnessRun.beginTest, right after it made the recording around this test's scope and exchanges. */
  context!: ScenarioContext;
  private settled = false;
  private savedAs?: SaveOutcome;
  private whyFailed?: string;
  private readonly escapesAtStart = tripwire()?.blocked.length ?? 0;
  /** Set by HarnessRun.beginTest (see context). */
  recording!: RecordingSession;

  constructor(
    readonly fullTitle: string,
    private readonly ledger: RunLedger,
  ) {
    this.scope = { title: fullTitle, ended: false, late: [], test: this };
  }

  /** Why a failed test may have failed for the harness's sake (record-missing), told with its error. */
  get advice(): string | undefined {
    return this.whyFailed;
  }

  /** The recording layer says what it did with the recording on disk. */
  onSaved(outcome: SaveOutcome): void {
    this.savedAs = outcome;
  }

  /** Why the test's failure is the target's load, not the contract (wire-checks.ts), if it is. */
  throttledInstead(): string | undefined {
    return throttledInstead(this.exchanges);
  }

  /**
   * The first contract break or failed request the wire saw, once every request in flight has ended:
   * it fails a test whose own assertions passed (an SDK that swallowed it).
   */
  async wireVerdict(): Promise<Error | undefined> {
    await this.recording.flush();
    return escapeError(this.escapesAtStart, this.ledger.mode) ?? firstBreak(this.exchanges);
  }

  /**
   * End the test's wire inside the test itself: wait for requests in flight, then persist (or, when it
   * failed, discard) its recording. What fails the test is returned: a wire break, or a recording that
   * could not be written, so a full disk fails that test and the run goes on.
   */
  async settle(failed: boolean): Promise<Error | undefined> {
    if (this.settled) return undefined;
    if (failed) this.whyFailed = mixedAdvice(MODES[this.ledger.mode], this.recording, rerecordCommand(this.fullTitle));
    const verdict = failed ? undefined : await this.wireVerdict();
    this.settled = true;
    this.scope.ended = true;
    try {
      await this.recording.stop({ failed: failed || verdict !== undefined });
    } catch (error) {
      return verdict ?? (error as Error);
    }
    return verdict;
  }

  /** After mocha's verdict: the recording closed (a test that timed out never settled), the run told, the record for the reports. */
  async end(outcome: { failed: boolean; skipped?: boolean }): Promise<TestRecord> {
    const { recording, ledger } = this;
    if (!this.settled) await recording.stop(outcome).catch(() => undefined);
    this.settled = true;
    this.scope.ended = true;
    const mode = MODES[ledger.mode];
    const file = resolve(recording.file);
    if (outcome.failed) ledger.dropScenario(this.fullTitle);
    if (mode.answers === 'recordings') ledger.used(file, recording.usedEntries());
    const saved = mode.writes !== 'nothing' && !outcome.failed ? this.savedAs : undefined;
    if (saved) ledger.saved(saved, recording.file);
    // A skipped scenario sent nothing on purpose (say, no MPSD_FOLLOWS): nothing to compare, never drift.
    const answered = this.exchanges.filter((r) => !r.error && !r.throttled).map((r) => r.exchange);
    if (mode.compares && !outcome.skipped) ledger.compare(this.fullTitle, file, answered);
    return { exchanges: this.exchanges, late: this.scope.late, file: recording.file, ...(saved ? { saved } : {}) };
  }
}
