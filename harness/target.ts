import type { Emulator } from '../emulator';
import { EMULATOR_PROFILE } from '../emulator/profile';
import { type HarnessConfig, MODES, type TargetProfile } from './config';

/** What the config needs to know of the embedded emulator (its scid, templates, users, tokens, faults). */
export const EMBEDDED_PROFILE: TargetProfile = EMULATOR_PROFILE;

/** Recordings name the embedded emulator by this origin instead of its random loopback port. */
export const EMULATOR_ORIGIN_ALIAS = 'http://mpsd-emulator.invalid';

export interface RunTarget {
  /** Where the client sends requests. In replay nothing listens there: Polly answers. */
  baseUrl: string;
  kind: 'emulator' | 'live';
  /** The embedded emulator, when this run started one. */
  emulator?: Emulator;
  close(): Promise<void>;
}

/** Start the embedded emulator when the run needs a live endpoint and none is configured. */
export async function openTarget(config: HarnessConfig): Promise<RunTarget> {
  if (config.target.kind === 'live') return { baseUrl: config.target.baseUrl, kind: 'live', close: async () => {} };
  if (MODES[config.mode].answers === 'recordings') return { baseUrl: EMULATOR_ORIGIN_ALIAS, kind: 'emulator', close: async () => {} };
  // Loaded only when a run starts one: a replay never needs the emulator's code (its modules are start-up cost a replay would pay for nothing).
  const { createEmulator } = require('../emulator') as typeof import('../emulator');
  const emulator = createEmulator({ deterministic: true, faults: config.target.faults });
  const baseUrl = await emulator.start(0, '127.0.0.1');
  return { baseUrl, kind: 'emulator', emulator, close: () => emulator.stop() };
}
