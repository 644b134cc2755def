import { setTimeout as sleep } from 'node:timers/promises';
import { rtaFrameProblem } from '../checks/rta-frame-is-documented';
import type { PrincipalName } from '../config';
import { scenario } from '../current-scenario';
import { ERROR_CODES, HarnessError } from '../errors';
import { RtaClient } from '../rta/rta-client';
import { rtaUrlOf } from '../rta/rta-url';

/** How long a live service is given to notice a closed connection (the docs give no figure). */
const LIVE_DISCONNECT_WAIT_MS = 5000;

/** Open an RTA websocket as a principal; every frame it receives is checked against the protocol. */
export async function openRta(as: PrincipalName = 'alice'): Promise<RtaClient> {
  const { config, target, rta } = scenario();
  const authorization = config.principals[as]?.authorization;
  if (!authorization)
    throw new HarnessError(
      ERROR_CODES.PRINCIPAL_MISSING,
      `no credentials for principal '${as}'; set its variables (README, "Live targets")`,
    );
  return RtaClient.open(rta, rtaUrlOf(target.baseUrl), authorization, rtaFrameProblem);
}

/** Close an RTA connection and wait until the service has handled it: the emulator says when; a live service is given a few seconds. */
export async function dropRta(client: RtaClient, connectionId: string): Promise<void> {
  await client.close();
  const { target } = scenario();
  if (target.emulator) await target.emulator.rtaClosed(connectionId);
  else if (target.kind === 'live') await sleep(LIVE_DISCONNECT_WAIT_MS);
}
