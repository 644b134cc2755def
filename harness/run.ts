import { existsSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Exchange } from './client/exchange';
import type { MpsdClient } from './client/mpsd-client';
import { type ClientFactory, clientFactory } from './client/load-client';
import { checkedClient } from './checks/checked-client';
import type { Failure } from './checks/failure';
import type { HarnessConfig, Principal } from './config';
import { type RecordingSession, recordingFileFor, startRecording } from './recording/recording-session';
import { DriftCollector } from './drift/collector';
import { writeDrift } from './drift/write';
import { RecordedInputs } from './recording/inputs';
import { principalResolver } from './recording/matching';
import { EMULATOR_ORIGIN_ALIAS, type RunTarget, openTarget } from './target';
import { CoverageCollector, type CoverageReport } from './coverage/collector';
import { type BehaviourId, isBehaviourId } from './coverage/behaviours';
import { writeCoverage } from './coverage/write';
import type { TestRecord } from './reporters/test-records';

/** What a scenario can reach while it runs. */
export interface ScenarioContext {
  config: HarnessConfig;
  client: MpsdClient;
  inputs: RecordedInputs;
  /** Every exchange of this test with the failures its checks found, in order (for reports). */
  exchanges: { exchange: Exchange; failures: Failure[] }[];
  /** The recording file this test reads or writes, when recording is on. */
  recordingFile?: string;
  target: RunTarget;
  /** Declare the documented behaviours this scenario proves (see coverage/behaviours.ts). */
  covers(...ids: BehaviourId[]): void;
}

export interface TestIdentity {
  /** Suite titles then the test title: the recording's folder path. */
  titlePath: string[];
  fullTitle: string;
}

/** Everything that lives for one mocha run: the config, the target, and the current test. */
export class HarnessRun {
  private recording?: RecordingSession;
  current?: ScenarioContext;
  readonly coverage = new CoverageCollector();
  /** recording file -> indices of the entries replay used (written to MPSD_USAGE_LOG for the lint). */
  private readonly usage: Record<string, number[]> = {};
  private readonly drift = new DriftCollector();
  private readonly createClient: ClientFactory;
  private test?: TestIdentity;

  private constructor(readonly config: HarnessConfig, readonly target: RunTarget) {
    this.createClient = clientFactory(config.clientModule);
  }

  static async open(config: HarnessConfig): Promise<HarnessRun> {
    return new HarnessRun(config, await openTarget(config));
  }

  async beginTest(test: TestIdentity): Promise<ScenarioContext> {
    const { config, target } = this;
    this.test = test;
    const name = test.titlePath.map((t) => t.replace(/\//g, '-')).join('/');
    target.emulator?.reset(name); // each test starts from an empty emulator with its own id sequence
    const principals = Object.values(config.principals) as Principal[];
    const principalOf = principalResolver(principals);
    let recordingFile: string | undefined;
    if (config.mode === 'verify') recordingFile = relative(process.cwd(), await recordingFileFor(name, config.recordingsDir));
    if (config.mode === 'replay' || config.mode === 'record' || config.mode === 'record-missing') {
      this.recording = startRecording({
        name,
        mode: config.mode,
        recordingsDir: config.recordingsDir,
        target: target.kind,
        principalOf,
        origin: target.emulator ? { from: target.baseUrl, to: EMULATOR_ORIGIN_ALIAS } : undefined,
        rerecordCommand: rerecordCommand(test.fullTitle),
      });
      recordingFile = this.recording.file;
      if (config.mode === 'record') announce(`${existsSync(recordingFile) ? 'overwriting' : 'creating'} ${recordingFile}`);
    }
    const exchanges: ScenarioContext['exchanges'] = [];
    const inner = this.createClient({
      baseUrl: target.baseUrl,
      contractVersion: config.contractVersion,
      authorizations: Object.fromEntries(principals.map((p) => [p.name, p.authorization])),
      defaultPrincipal: 'alice',
    });
    this.current = {
      config,
      target,
      client: checkedClient(inner, (exchange, failures) => {
        exchanges.push({ exchange, failures });
        this.coverage.addExchange(exchange);
      }),
      covers: (...ids) => {
        for (const id of ids) {
          if (!isBehaviourId(id)) throw new Error(`covers('${id}'): no such behaviour in harness/coverage/behaviours.ts`);
          this.coverage.addBehaviour(id, test.fullTitle);
        }
      },
      inputs: this.recording?.inputs ?? new RecordedInputs({}, target.kind === 'live' ? undefined : name),
      exchanges,
      recordingFile,
    };
    return this.current;
  }

  async endTest(outcome: { failed: boolean }): Promise<TestRecord | undefined> {
    const recording = this.recording;
    const current = this.current;
    this.recording = undefined;
    this.current = undefined;
    await recording?.stop(outcome);
    if (recording && this.config.mode === 'replay') this.usage[resolve(recording.file)] = recording.usedEntries();
    if (recording && outcome.failed && this.config.mode === 'record') announce(`test failed: nothing written, ${recording.file} keeps the previous recording`);
    if (current?.recordingFile && this.test && this.config.mode === 'verify') {
      this.drift.compare(this.test.fullTitle, resolve(current.recordingFile), current.exchanges.map((e) => e.exchange));
    }
    return current && { exchanges: current.exchanges, recordingFile: current.recordingFile };
  }

  async close(): Promise<void> {
    if (!this.coverage.empty) {
      lastReport = this.coverage.report();
      writeCoverage(lastReport);
    }
    if (this.config.mode === 'verify') writeDrift(this.drift.report());
    if (this.config.usageLog) writeFileSync(this.config.usageLog, `${JSON.stringify(this.usage, null, 2)}\n`);
    await this.target.close();
  }
}

/** Recording progress, under the test it belongs to. */
function announce(message: string): void {
  process.stdout.write(`      [record] ${message}\n`);
}

let lastReport: CoverageReport | undefined;

/** The coverage of the run that closed last in this process (read by the conformance reporter). */
export function lastCoverage(): CoverageReport | undefined {
  return lastReport;
}

/** The command that re-records one test, shown with every replay miss. */
export function rerecordCommand(fullTitle: string): string {
  const pattern = fullTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '\\"');
  return `npm run record -- --grep "^${pattern}$"`;
}

export const SPECS_DIR = join(__dirname, '..', 'specs');

export function isSpecFile(file: string | undefined): boolean {
  if (file === undefined) return false;
  const inside = relative(SPECS_DIR, file);
  return !inside.startsWith('..') && !isAbsolute(inside);
}
