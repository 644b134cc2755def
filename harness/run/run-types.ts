import type { MpsdClient } from '../client/mpsd-client';
import type { HarnessConfig } from '../config';
import type { BehaviourId } from '../coverage/behaviours';
import type { CoverageReport } from '../coverage/collector';
import type { DriftReport } from '../drift/collector';
import type { SaveOutcome } from '../recording/harness-persister';
import type { RecordingSession } from '../recording/recording-session';
import type { RtaConnector } from '../rta/rta-client';
import type { RunTarget } from '../target';
import type { TestScope } from './test-scope';
import type { WireRecord } from './wire-checks';

/** The shapes a run hands out: to specs (ScenarioContext), to the results channel and reporters (records, reports). */

/** What a scenario can reach while it runs. */
export interface ScenarioContext {
  config: HarnessConfig;
  client: MpsdClient;
  inputs: RecordingSession['inputs'];
  /** Every request of this test, from any client in the process, checked, in order. */
  exchanges: WireRecord[];
  target: RunTarget;
  /** Opens the test's RTA websockets: real, recorded or replayed as the mode says (scenarios/rta.ts uses it). */
  rta: RtaConnector;
  /** The scope the test's body runs in: requests it fires later are still its own. */
  scope: TestScope;
  /** Declare the documented behaviours this scenario proves (see coverage/behaviours.ts). */
  covers(...ids: BehaviourId[]): void;
}

/** What the harness knows about one finished test beyond pass/fail (reporters read it). */
export interface TestRecord {
  exchanges: WireRecord[];
  /** Requests the test fired after it had ended ("METHOD path"); they fail it in the reports. Grows after the test. */
  late: string[];
  saved?: SaveOutcome;
  /** The recording file, relative to the working directory (as the recording layer named it on disk). */
  file?: string;
}

export interface RunReport {
  coverage?: CoverageReport;
  drift?: DriftReport;
  saved: Record<SaveOutcome, number>;
  /** Answers that were 429/503 with Retry-After: retried, not recorded, not breaks. */
  throttled: number;
}

export interface TestIdentity {
  /** Suite titles then the test title: the recording's folder path. */
  titlePath: string[];
  fullTitle: string;
  /** The spec file: the shipped catalogue replays the package's recordings, every other spec the project's. */
  file?: string;
  /** Told of each exchange as soon as it is checked (the proxy prints violations as they happen). */
  onWire?: (record: WireRecord) => void;
  /** Keep the target's state: a suite's before() hook set it up for this test (no emulator reset). */
  keepTarget?: boolean;
  /** Journal every exchange to disk as it happens (the proxy's one long test). */
  journal?: boolean;
  /** Check request bodies at the wire too (the proxy: no spec says which are invalid on purpose). */
  checkRequests?: boolean;
}
