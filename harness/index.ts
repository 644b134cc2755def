/** What spec files import: scenario context, helpers and types. */
export { scenario } from './scenario';
export { expectStatus } from './scenarios/expect-status';
export { newSessionRef, xuidOf, sessionPathOf, meBody, createSession, putDirect } from './scenarios/sessions';
export { makeHandle, handleBody, type HandleType } from './scenarios/handles';
export type { Exchange } from './client/exchange';
export type { SessionRef } from './client/mpsd-client';
