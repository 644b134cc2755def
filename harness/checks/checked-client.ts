import type { Exchange } from '../client/exchange';
import type { MpsdClient, RequestOptions } from '../client/mpsd-client';
import { HarnessError, ERROR_CODES } from '../errors';
import type { Failure } from './failure';
import { runResponseChecks } from './index';
import { requestMatchesSchema } from './request-matches-schema';

/** A response that broke the contract; carries the exchange and failures for reporters. */
export class ContractViolation extends HarnessError {
  constructor(readonly exchange: Exchange, readonly failures: Failure[]) {
    super(ERROR_CODES.CONTRACT_VIOLATION, `${exchange.request.method} ${exchange.request.path} -> ${exchange.response.status} breaks the contract:\n${failures.map((f) => `  - ${f.check}: ${f.message}`).join('\n')}`);
  }
}

export type ExchangeListener = (exchange: Exchange, failures: Failure[]) => void;

type Method = keyof MpsdClient;
/** Argument positions of the body in the methods that send one; options always follow it. */
const BODY_ARGUMENT: Partial<Record<Method, number>> = { createHandle: 0, putSessionByHandle: 1, putSession: 1 };
const OPERATION_OF: Record<Method, Exchange['operation']> = {
  createHandle: 'createHandle', getHandle: 'getHandle', deleteHandle: 'deleteHandle',
  getSessionByHandle: 'getSessionByHandle', putSessionByHandle: 'putSessionByHandle', getSession: 'getSession', putSession: 'putSession',
};

/**
 * Wrap any MpsdClient so every outgoing body and every response is checked without the spec asking.
 * A broken response throws ContractViolation; a broken outgoing body throws before anything is sent.
 */
export function checkedClient(inner: MpsdClient, listener?: ExchangeListener): MpsdClient {
  const wrap = (method: Method) => async (...args: unknown[]): Promise<Exchange> => {
    const bodyAt = BODY_ARGUMENT[method];
    const options = (bodyAt === undefined ? args[1] : args[bodyAt + 1]) as RequestOptions | undefined;
    if (bodyAt !== undefined && !options?.invalidOnPurpose && options?.rawBody === undefined) {
      const failure = requestMatchesSchema(OPERATION_OF[method], JSON.stringify(args[bodyAt]));
      if (failure) throw new HarnessError(ERROR_CODES.REQUEST_INVALID, `${failure.message}\n  Fix the body, or pass { invalidOnPurpose: true } if the scenario sends it on purpose.`);
    }
    const exchange = await (inner[method] as (...a: unknown[]) => Promise<Exchange>)(...args);
    if (bodyAt !== undefined && !options?.invalidOnPurpose && options?.rawBody === undefined) {
      // What the client really sent: another client (an SDK) may change the body on its way out.
      const sent = requestMatchesSchema(OPERATION_OF[method], exchange.request.body);
      if (sent) throw new HarnessError(ERROR_CODES.REQUEST_INVALID, `the client sent a body that differs from the contract: ${sent.message}`);
    }
    const failures = runResponseChecks(exchange);
    listener?.(exchange, failures);
    if (failures.length > 0) throw new ContractViolation(exchange, failures);
    return exchange;
  };
  return Object.fromEntries((Object.keys(OPERATION_OF) as Method[]).map((m) => [m, wrap(m)])) as unknown as MpsdClient;
}
