import { argumentPositions, type MpsdClient, type RequestOptions } from '../client/mpsd-client';
import type { Exchange } from '../contract/exchange';
import { OPERATION_NAMES, OPERATIONS, type OperationName } from '../contract/operations';
import { ERROR_CODES, HarnessError } from '../errors';
import { redactExchange, scrubText } from '../secrets';
import type { Failure } from './failure';
import { runResponseChecks } from './index';
import { requestMatchesSchema } from './request-matches-schema';

/** A response that broke the contract; carries the exchange (secrets redacted) and failures for reporters. */
export class ContractViolation extends HarnessError {
  readonly exchange: Exchange;
  readonly failures: Failure[];

  constructor(exchange: Exchange, failures: Failure[]) {
    super(
      ERROR_CODES.CONTRACT_VIOLATION,
      scrubText(
        `${exchange.request.method} ${exchange.request.path} -> ${exchange.response.status} breaks the contract:\n${failures.map((f) => `  - ${f.check}: ${f.message}`).join('\n')}`,
      ),
    );
    // No object that leaves the harness holds a token (a JSON reporter prints whatever an error carries).
    this.exchange = redactExchange(exchange);
    this.failures = JSON.parse(scrubText(JSON.stringify(failures))) as Failure[];
  }
}

/**
 * Wrap any MpsdClient so every outgoing body and every response is checked at the call, without the
 * spec asking: a broken outgoing body throws before anything is sent, a broken response throws
 * ContractViolation where the scenario made the call. Each exchange is checked once: `verdictOf` gives
 * what the wire found on it (run.ts passes the test's wire records); without one, the checks run here.
 */
export function checkedClient(inner: MpsdClient, verdictOf: (exchange: Exchange) => Failure[] | undefined = () => undefined): MpsdClient {
  const wrap =
    (operation: OperationName) =>
    async (...args: unknown[]): Promise<Exchange> => {
      const at = argumentPositions(operation);
      const options = args[at.options] as RequestOptions | undefined;
      const checkBody = at.body !== undefined && !options?.invalidOnPurpose && options?.rawBody === undefined;
      if (checkBody) {
        const failure = requestMatchesSchema(operation, JSON.stringify(args[at.body as number]));
        if (failure)
          throw new HarnessError(
            ERROR_CODES.REQUEST_INVALID,
            `${failure.message}\n  Fix the body, or pass { invalidOnPurpose: true } if the scenario sends it on purpose.`,
          );
      }
      const method = inner[operation] as ((...a: unknown[]) => Promise<Exchange>) | undefined;
      if (typeof method !== 'function') {
        const { label } = OPERATIONS[operation];
        throw new HarnessError(
          ERROR_CODES.CLIENT_LACKS_OPERATION,
          `the client under test has no ${operation}() method (${label}); implement it (MpsdClient lists every method) or leave out the scenarios that need it with --grep`,
        );
      }
      const exchange = await method.apply(inner, args);
      if (checkBody) {
        // What the client really sent: another client (an SDK) may change the body on its way out.
        const sent = requestMatchesSchema(operation, exchange.request.body);
        if (sent)
          throw new HarnessError(ERROR_CODES.REQUEST_INVALID, `the client sent a body that differs from the contract: ${sent.message}`);
      }
      // One check pass per exchange: the wire's verdict when the run has one, else the checks run here.
      const failures = verdictOf(exchange) ?? runResponseChecks(exchange);
      if (failures.length > 0) throw new ContractViolation(exchange, failures);
      return exchange;
    };
  return Object.fromEntries(OPERATION_NAMES.map((operation) => [operation, wrap(operation)])) as unknown as MpsdClient;
}
