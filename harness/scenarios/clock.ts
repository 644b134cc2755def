import { setTimeout as sleep } from 'node:timers/promises';
import { scenario } from '../current-scenario';

/**
 * Let `ms` of session time pass, for the removal timers and initialization stages that MPSD applies
 * lazily. The embedded emulator's clock jumps at once (no test sleeps); a live endpoint is waited for
 * in real time, so scenarios keep their timeouts to a few seconds; a replay has nothing to wait for,
 * because the recording already holds what the service answered after the wait.
 */
export async function elapse(ms: number): Promise<void> {
  const { target } = scenario();
  if (target.emulator) target.emulator.clock.advance(ms);
  else if (target.kind === 'live') await sleep(ms);
}
