/** What spec files import: scenario context, helpers and types. */
import { scenario } from './current-scenario';
import type { BehaviourId } from './coverage/behaviours';

export { scenario };
export { expectStatus } from './scenarios/expect-status';
export { newSessionRef, xuidOf, sessionPathOf, meBody, createSession, follows, skipUnlessFollows } from './scenarios/sessions';
export { makeHandle, handleBody, readThroughHandle, sessionWithHandle, handleToNewSession, type HandleType } from './scenarios/handles';
export { expectMembersConsistent, memberXuids } from './scenarios/members';
export { elapse } from './scenarios/clock';
export { openRta, dropRta } from './scenarios/rta';
export { rtaUrlOf } from './rta/rta-url';
export type { RtaClient, ShoulderTap } from './rta/rta-client';
export type { Exchange } from './contract/exchange';
/** Parse a response's text keeping every number as written (64-bit ids), as clients that republish must. */
export { parseLossless } from './contract/lossless';
export type { SessionRef, MpsdClient, ClientSettings, RequestOptions, Transport } from './client/mpsd-client';
/** The harness's own client: an adapter may reuse its request building and swap only the transport. */
export { HttpMpsdClient } from './client/mpsd-client';
export type { HttpRequest, HttpResponse } from './contract/exchange';
export { run, type RunOptions, type RunOutcome } from './programmatic-run';
export { startEmulator, type StartEmulatorOptions } from './start-emulator';
export type { BehaviourId } from './coverage/behaviours';

/** Declare the documented behaviours the running scenario proves (harness/coverage/behaviours.ts). */
export function covers(...ids: BehaviourId[]): void {
  scenario().covers(...ids);
}
