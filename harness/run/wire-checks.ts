import { runResponseChecks } from '../checks';
import { ContractViolation } from '../checks/checked-client';
import type { Failure } from '../checks/failure';
import { requestMatchesSchema } from '../checks/request-matches-schema';
import { type Exchange, isThrottled, toExchange } from '../contract/exchange';
import { ERROR_CODES, HarnessError } from '../errors';
import type { WireEvent } from '../recording/recording-session';

/** One request of a test as the wire saw it, with what the checks found. */
export interface WireRecord {
  exchange: Exchange;
  failures: Failure[];
  /** Why the request got no answer (a replay miss, a network error). */
  error?: string;
  /** A 429/503 with Retry-After: reported as throttling, never as a contract break or a fixture. */
  throttled?: true;
}

/**
 * Check what crossed the wire: every response goes through every check, whoever sent the request.
 * `requests`: also check the body the client sent (the proxy does; a spec's own client checks its
 * bodies at the call, where it knows which ones are invalid on purpose).
 */
export function checkWireEvent(event: WireEvent, options: { requests?: boolean } = {}): WireRecord {
  const exchange = toExchange(event.request, event.response ?? { status: 0, headers: {}, text: '' });
  if (event.error) return { exchange, failures: [], error: event.error.message };
  if (isThrottled(exchange.response)) return { exchange, failures: [], throttled: true };
  const sent = options.requests ? requestMatchesSchema(exchange.operation, exchange.request.body) : undefined;
  return { exchange, failures: [...(sent ? [sent] : []), ...runResponseChecks(exchange)] };
}

const claimed = new WeakSet<WireRecord>();

/**
 * The wire's verdict on an exchange a client just got back: the failures of the first record not yet
 * claimed with the same request and answer, so a checked client does not check it a second time.
 * Undefined when the wire saw no such exchange (a client outside a run): the caller checks it itself.
 */
export function claimVerdict(records: readonly WireRecord[], exchange: Exchange): Failure[] | undefined {
  const { request, response } = exchange;
  const record = records.find(
    (r) =>
      !claimed.has(r) &&
      r.error === undefined &&
      r.exchange.request.method === request.method &&
      r.exchange.request.path === request.path &&
      r.exchange.response.status === response.status &&
      r.exchange.response.text === response.text,
  );
  if (!record) return undefined;
  claimed.add(record);
  return record.failures;
}

/** The first contract break or failed request among a test's records, as the error that fails the test. */
export function firstBreak(records: readonly WireRecord[]): Error | undefined {
  const broken = records.find((r) => r.error !== undefined || r.failures.length > 0);
  if (!broken) return undefined;
  const { method, path } = broken.exchange.request;
  if (broken.error !== undefined)
    return new HarnessError(
      ERROR_CODES.WIRE_REQUEST_FAILED,
      `${method} ${path} failed on the wire and the test did not notice:\n${broken.error}`,
    );
  return new ContractViolation(broken.exchange, broken.failures);
}

/** The tripwire's record of refused connections (harness/tripwire.cjs), when it is loaded. */
export function tripwire(): { blocked: { what: string; host: string; site: string }[] } | undefined {
  return (globalThis as { __mpsdTripwire?: { blocked: { what: string; host: string; site: string }[] } }).__mpsdTripwire;
}

function escapesSince(start: number): string | undefined {
  const blocked = tripwire()?.blocked.slice(start) ?? [];
  return blocked.length ? blocked.map((b) => `${b.what} to ${b.host} from ${b.site}`).join('; ') : undefined;
}

/** A test that reached for the network (the tripwire refused it) fails, even if it swallowed the refusal. */
export function escapeError(start: number, mode: string): Error | undefined {
  const escaped = escapesSince(start);
  if (!escaped) return undefined;
  return new HarnessError(
    ERROR_CODES.NETWORK_ESCAPE,
    `this test reached for the network in MPSD_MODE=${mode}: ${escaped}. Route the request through the harness's client, or record the test.`,
  );
}

/**
 * Why a failed test is not a contract result: the target throttled it (429/503 with Retry-After) past
 * what its client retried (a third-party SDK retries nothing; the harness's own client gives up after
 * its retries); undefined when the wire saw a real break, or no throttling.
 */
export function throttledInstead(records: readonly WireRecord[]): string | undefined {
  const throttled = records.filter((r) => r.throttled).length;
  if (throttled === 0 || firstBreak(records)) return undefined;
  return `the target throttled this test (${throttled} answer(s) 429/503 with Retry-After) past what its client retried: a result about the target's load, not the contract; run it again later`;
}
