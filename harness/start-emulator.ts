import type { Emulator } from '../emulator';

export interface StartEmulatorOptions {
  /** Port to listen on (default 0: a free one). */
  port?: number;
  host?: string;
  /** A session templates file (default: the emulator's own). */
  templates?: string;
  /** Who follows whom (default: the emulator's own social graph). */
  socialGraph?: string;
  /** Seeded ids and a fixed clock (default true): the same requests get the same bytes back. */
  deterministic?: boolean;
  faults?: string[];
}

/**
 * The reference emulator in the caller's process, for an SDK's own tests: resolves once it listens;
 * `emulator.url` is its base URL, `emulator.stop()` closes it. The emulator's code is loaded on the
 * first call only (a spec file that imports the helpers never pays for it).
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<Emulator> {
  const { createEmulator } = require('../emulator') as typeof import('../emulator');
  const emulator = createEmulator({
    deterministic: options.deterministic ?? true,
    ...(options.templates ? { templatesFile: options.templates } : {}),
    ...(options.socialGraph ? { socialGraphFile: options.socialGraph } : {}),
    faults: options.faults ?? [],
  });
  await emulator.start(options.port ?? 0, options.host ?? '127.0.0.1');
  return emulator;
}
