/** What spec files import: scenario context, helpers and types. */

import type { BehaviourId } from './coverage/behaviours';
import { scenario } from './current-scenario';

export type { ClientSettings, MpsdClient, RequestOptions, SessionRef, Transport } from './client/mpsd-client';
/** The harness's own client: an adapter may reuse its request building and swap only the transport. */
export { HttpMpsdClient } from './client/mpsd-client';
export type { Exchange, HttpRequest, HttpResponse } from './contract/exchange';
/** Parse a response's text keeping every number as written (64-bit ids), as clients that republish must. */
export { parseLossless } from './contract/lossless';
export type { BehaviourId } from './coverage/behaviours';
export { type RunOptions, type RunOutcome, run } from './programmatic-run';
export type { RtaClient, ShoulderTap } from './rta/rta-client';
export { rtaUrlOf } from './rta/rta-url';
export { elapse } from './scenarios/clock';
export { expectStatus } from './scenarios/expect-status';
export { type HandleType, handleBody, handleToNewSession, makeHandle, readThroughHandle, sessionWithHandle } from './scenarios/handles';
export { expectMembersConsistent, memberXuids } from './scenarios/members';
export { dropRta, openRta } from './scenarios/rta';
export { createSession, follows, meBody, newSessionRef, sessionPathOf, skipUnlessFollows, xuidOf } from './scenarios/sessions';
export { type StartEmulatorOptions, startEmulator } from './start-emulator';
export { scenario };

/** Declare the documented behaviours the running scenario proves (harness/coverage/behaviours.ts). */
export function covers(...ids: BehaviourId[]): void {
  scenario().covers(...ids);
}
