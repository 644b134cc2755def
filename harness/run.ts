import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ClientFactory, THROTTLE_RETRIES, clientFactory } from './client/load-client';
import { checkedClient } from './checks/checked-client';
import { type HarnessConfig, MODES, type Principal } from './config';
import { type RecordingSession, mixedAdvice, startRecording } from './recording/recording-session';
import { type WireRecord, checkWireEvent, claimVerdict, escapeError, firstBreak, throttledInstead, tripwire } from './wire-checks';
import type { SaveOutcome } from './recording/harness-persister';
import { DriftCollector } from './drift/collector';
import { writeDrift } from './drift/write';
import { principalResolver } from './recording/matching';
import { EMULATOR_ORIGIN_ALIAS, type RunTarget, openTarget } from './target';
import { CoverageCollector } from './coverage/collector';
import { isBehaviourId } from './coverage/behaviours';
import { writeCoverage } from './coverage/write';
import { rerecordCommand } from './spec-files';
import { currentScope } from './test-scope';
import { assertReachable } from './client/reachable';
import { websocketConnector } from './rta/websocket-connector';
import { HarnessError, ERROR_CODES } from './errors';
import { CATALOGUE_RECORDINGS_DIR, isShippedCatalogue } from './layout';
import type { RunReport, ScenarioContext, TestIdentity, TestRecord } from './run-types';

export type { RunReport, ScenarioContext, TestIdentity, TestRecord } from './run-types';

/** Everything that lives for one mocha run: the config, the target, and the current test. */
export class HarnessRun {
  private recording?: RecordingSession;
  private current?: ScenarioContext & { saved?: SaveOutcome; fullTitle: string };
  private readonly coverage = new CoverageCollector();
  /** recording file -> indices of the entries replay used (written to MPSD_USAGE_LOG for the lint). */
  private readonly usage: Record<string, number[]> = {};
  private readonly drift = new DriftCollector();
  private readonly saved: Record<SaveOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
  private readonly createClient: ClientFactory;
  private escapesAtStart = 0;
  private settled = false;
  private throttled = 0;
  /** Why a failed test may have failed for the harness's sake, told with its error (record-missing). */
  advice?: string;

  private constructor(
    readonly config: HarnessConfig,
    readonly target: RunTarget,
  ) {
    this.createClient = clientFactory(config.clientModule);
  }

  static async open(config: HarnessConfig): Promise<HarnessRun> {
    const target = await openTarget(config);
    if (target.kind === 'live' && MODES[config.mode].answers !== 'recordings') await assertReachable(target.baseUrl, config.timeoutMs);
    return new HarnessRun(config, target);
  }

  beginTest(test: TestIdentity): ScenarioContext {
    const { config, target } = this;
    const mode = MODES[config.mode];
    const name = test.titlePath.map((t) => t.replace(/\//g, '-')).join('/');
    // An empty emulator with its own id sequence per test, unless a suite's before() set it up for this one.
    if (!test.keepTarget) target.emulator?.reset(name);
    const principals = Object.values(config.principals) as Principal[];
    const exchanges: WireRecord[] = [];
    this.escapesAtStart = tripwire()?.blocked.length ?? 0;
    this.recording = startRecording({
      name,
      mode,
      recordingsDir: isShippedCatalogue(test.file) ? CATALOGUE_RECORDINGS_DIR : config.recordingsDir,
      target: target.kind,
      principalOf: principalResolver(principals),
      origin: target.emulator ? { from: target.baseUrl, to: EMULATOR_ORIGIN_ALIAS } : undefined,
      rerecordCommand: rerecordCommand(test.fullTitle),
      journal: test.journal,
      admit: (request) => {
        const owner = currentScope();
        if (!owner?.ended || owner === this.current?.scope) return true;
        owner.late.push(`${request.method} ${request.path}`); // charged to the test that fired it
        return false;
      },
      onWire: (event) => {
        const record = checkWireEvent(event, { requests: test.checkRequests });
        if (!record.error && !record.throttled) this.coverage.addExchange(record.exchange);
        if (record.throttled) this.throttled += 1;
        exchanges.push(record);
        test.onWire?.(record);
      },
      onSaved: (outcome) => {
        if (this.current) this.current.saved = outcome;
      },
    });
    const inner = this.createClient({
      baseUrl: target.baseUrl,
      contractVersion: config.contractVersion,
      authorizations: Object.fromEntries(principals.map((p) => [p.name, p.authorization])),
      defaultPrincipal: 'alice',
      timeoutMs: config.timeoutMs,
      ...(MODES[config.mode].answers === 'recordings' ? {} : { retryThrottled: THROTTLE_RETRIES }),
    });
    this.current = {
      config,
      target,
      client: checkedClient(inner, (exchange) => claimVerdict(exchanges, exchange)),
      covers: (...ids) => {
        for (const id of ids) {
          if (!isBehaviourId(id)) throw new HarnessError(ERROR_CODES.BEHAVIOUR_UNKNOWN, `covers('${id}'): no such behaviour; add it to harness/coverage/behaviours.ts or fix the id`);
          this.coverage.addBehaviour(id, test.fullTitle);
        }
      },
      inputs: this.recording.inputs,
      rta: this.recording.rta(websocketConnector),
      exchanges,
      scope: { title: test.fullTitle, ended: false, late: [] },
      fullTitle: test.fullTitle,
    };
    return this.current;
  }

  /**
   * The first contract break or failed request the wire saw in the running test, once every request
   * in flight has ended: it fails a test whose own assertions passed (an SDK that swallowed it).
   */
  async wireVerdict(): Promise<Error | undefined> {
    await this.recording?.flush();
    return escapeError(this.escapesAtStart, this.config.mode) ?? firstBreak(this.current?.exchanges ?? []);
  }

  /** Why the running test's failure is the target's load, not the contract (wire-checks.ts), if it is. */
  throttledInstead = (): string | undefined => throttledInstead(this.current?.exchanges ?? []);

  /**
   * End the running test's wire inside the test itself: wait for requests in flight, then persist (or,
   * when it failed, discard) its recording. What fails the test is returned: a wire break, or a
   * recording that could not be written, so a full disk fails that test and the run goes on.
   */
  async settle(failed: boolean): Promise<Error | undefined> {
    const recording = this.recording;
    if (!recording || this.settled) return undefined;
    if (failed) this.advice = mixedAdvice(MODES[this.config.mode], recording, rerecordCommand(this.current?.fullTitle ?? ''));
    const verdict = failed ? undefined : await this.wireVerdict();
    this.settled = true;
    if (this.current) this.current.scope.ended = true;
    try {
      await recording.stop({ failed: failed || verdict !== undefined });
    } catch (error) {
      return verdict ?? (error as Error);
    }
    return verdict;
  }

  async endTest(outcome: { failed: boolean; skipped?: boolean }): Promise<TestRecord | undefined> {
    const { recording, current, config } = this;
    if (!recording || !current) return undefined;
    if (!this.settled) await recording.stop(outcome).catch(() => undefined); // a test that timed out never settled
    this.settled = false;
    current.scope.ended = true;
    this.recording = undefined;
    this.current = undefined;
    const mode = MODES[config.mode];
    if (outcome.failed) this.coverage.dropScenario(current.fullTitle);
    if (mode.answers === 'recordings') this.usage[resolve(recording.file)] = recording.usedEntries();
    if (mode.writes !== 'nothing') {
      if (outcome.failed) announce(`test failed: nothing written, ${recording.file} keeps the previous recording`);
      else if (current.saved) {
        this.saved[current.saved] += 1;
        announce(`${current.saved} ${recording.file}`);
      }
    }
    // A skipped scenario sent nothing on purpose (say, no MPSD_FOLLOWS): nothing to compare, never drift.
    const answered = current.exchanges.filter((r) => !r.error && !r.throttled).map((r) => r.exchange);
    if (mode.compares && !outcome.skipped) this.drift.compare(current.fullTitle, resolve(recording.file), answered);
    return { exchanges: current.exchanges, late: current.scope.late, file: recording.file, ...(current.saved ? { saved: current.saved } : {}) };
  }

  async close(): Promise<RunReport> {
    const report: RunReport = { saved: { ...this.saved }, throttled: this.throttled };
    if (this.throttled > 0) process.stdout.write(`      [throttled] ${this.throttled} answer(s) were 429/503 with Retry-After: retried, never recorded, never counted as breaks\n`);
    if (!this.coverage.empty) {
      report.coverage = this.coverage.report();
      writeCoverage(report.coverage, this.config.reportsDir);
    }
    if (MODES[this.config.mode].compares) {
      report.drift = { ...this.drift.report(), throttled: this.throttled };
      writeDrift(report.drift, this.config.reportsDir);
    }
    if (MODES[this.config.mode].writes !== 'nothing') {
      const { created, updated, unchanged } = this.saved;
      announce(`recordings: ${created} created, ${updated} updated, ${unchanged} unchanged`);
    }
    if (this.config.usageLog) writeFileSync(this.config.usageLog, `${JSON.stringify(this.usage, null, 2)}\n`);
    await this.target.close();
    return report;
  }
}

/** Recording progress, under the test it belongs to. */
function announce(message: string): void {
  process.stdout.write(`      [record] ${message}\n`);
}
