import { writeFileSync } from 'node:fs';
import { checkedClient } from '../checks/checked-client';
import { type ClientFactory, clientFactory, THROTTLE_RETRIES } from '../client/load-client';
import { assertReachable } from '../client/reachable';
import { type HarnessConfig, MODES, type Principal } from '../config';
import type { Exchange } from '../contract/exchange';
import { isBehaviourId } from '../coverage/behaviours';
import { CoverageCollector } from '../coverage/collector';
import { DriftCollector } from '../drift/collector';
import { ERROR_CODES, HarnessError } from '../errors';
import { CATALOGUE_RECORDINGS_DIR, isShippedCatalogue } from '../layout';
import type { SaveOutcome } from '../recording/harness-persister';
import { principalResolver } from '../recording/matching';
import { startRecording } from '../recording/recording-session';
import { websocketConnector } from '../rta/websocket-connector';
import { EMULATOR_ORIGIN_ALIAS, openTarget, type RunTarget } from '../target';
import type { RunReport, TestIdentity } from './run-types';
import { rerecordCommand } from './spec-files';
import { type RunLedger, TestRun } from './test-run';
import { currentScope } from './test-scope';
import { checkWireEvent, claimVerdict } from './wire-checks';

/**
 * What lives for one mocha run (or one proxy session): the config, the target, and the run-wide tallies
 * (coverage, drift, what replay used, what recording saved). Each test gets a TestRun of its own.
 * Nothing is written or printed here: close() hands the report to the reporters.
 */
export class HarnessRun implements RunLedger {
  private readonly coverage = new CoverageCollector();
  /** recording file -> indices of the entries replay used (written to MPSD_USAGE_LOG for the lint). */
  private readonly usage: Record<string, number[]> = {};
  private readonly driftCollector = new DriftCollector();
  private readonly savedCounts: Record<SaveOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
  private readonly createClient: ClientFactory;
  private throttled = 0;

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

  get mode(): HarnessConfig['mode'] {
    return this.config.mode;
  }

  beginTest(test: TestIdentity): TestRun {
    const { config, target } = this;
    const name = test.titlePath.map((t) => t.replace(/\//g, '-')).join('/');
    // An empty emulator with its own id sequence per test, unless a suite's before() set it up for this one.
    if (!test.keepTarget) target.emulator?.reset(name);
    const principals = Object.values(config.principals) as Principal[];
    const run = new TestRun(test.fullTitle, this);
    run.recording = startRecording({
      name,
      mode: MODES[config.mode],
      recordingsDir: isShippedCatalogue(test.file) ? CATALOGUE_RECORDINGS_DIR : config.recordingsDir,
      target: target.kind,
      principalOf: principalResolver(principals),
      origin: target.emulator ? { from: target.baseUrl, to: EMULATOR_ORIGIN_ALIAS } : undefined,
      rerecordCommand: rerecordCommand(test.fullTitle),
      journal: test.journal,
      admit: (request) => {
        const owner = currentScope();
        if (!owner?.ended || owner === run.scope) return true;
        owner.late.push(`${request.method} ${request.path}`); // charged to the test that fired it
        return false;
      },
      onWire: (event) => {
        const record = checkWireEvent(event, { requests: test.checkRequests });
        if (!record.error && !record.throttled) this.coverage.addExchange(record.exchange);
        if (record.throttled) this.throttled += 1;
        run.exchanges.push(record);
        test.onWire?.(record);
      },
      onSaved: (outcome) => run.onSaved(outcome),
    });
    const inner = this.createClient({
      baseUrl: target.baseUrl,
      contractVersion: config.contractVersion,
      authorizations: Object.fromEntries(principals.map((p) => [p.name, p.authorization])),
      defaultPrincipal: 'alice',
      timeoutMs: config.timeoutMs,
      ...(MODES[config.mode].answers === 'recordings' ? {} : { retryThrottled: THROTTLE_RETRIES }),
    });
    run.context = {
      config,
      target,
      client: checkedClient(inner, (exchange) => claimVerdict(run.exchanges, exchange)),
      covers: (...ids) => {
        for (const id of ids) {
          if (!isBehaviourId(id))
            throw new HarnessError(
              ERROR_CODES.BEHAVIOUR_UNKNOWN,
              `covers('${id}'): no such behaviour; add it to harness/coverage/behaviours.ts or fix the id`,
            );
          this.coverage.addBehaviour(id, test.fullTitle);
        }
      },
      inputs: run.recording.inputs,
      rta: run.recording.rta(websocketConnector),
      exchanges: run.exchanges,
      scope: run.scope,
    };
    return run;
  }

  dropScenario(fullTitle: string): void {
    this.coverage.dropScenario(fullTitle);
  }

  used(file: string, entries: number[]): void {
    this.usage[file] = entries;
  }

  saved(outcome: SaveOutcome): void {
    this.savedCounts[outcome] += 1;
  }

  compare(fullTitle: string, file: string, answered: Exchange[]): void {
    this.driftCollector.compare(fullTitle, file, answered);
  }

  /** The run's report, for the reporters to write; the target closed. The lint's usage log is its one file. */
  async close(): Promise<RunReport> {
    const mode = MODES[this.config.mode];
    const report: RunReport = { saved: { ...this.savedCounts }, throttled: this.throttled };
    if (!this.coverage.empty) report.coverage = this.coverage.report();
    if (mode.compares) report.drift = { ...this.driftCollector.report(), throttled: this.throttled };
    if (this.config.usageLog) writeFileSync(this.config.usageLog, `${JSON.stringify(this.usage, null, 2)}\n`);
    await this.target.close();
    return report;
  }
}
