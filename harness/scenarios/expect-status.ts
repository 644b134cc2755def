import { AssertionError } from 'chai';
import type { Exchange } from '../contract/exchange';

/** Assert the status, showing the request and what came back when it is not. */
export function expectStatus(exchange: Exchange, ...expected: number[]): Exchange {
  const { status, headers, text } = exchange.response;
  if (!expected.includes(status)) {
    const retry = headers['retry-after'] ? ` (Retry-After: ${headers['retry-after']})` : '';
    const body = text ? `: ${text.length > 300 ? `${text.slice(0, 297)}...` : text}` : '';
    throw new AssertionError(
      `${exchange.request.method} ${exchange.request.path} answered ${status}${retry}, expected ${expected.join(' or ')}${body}`,
      {
        actual: status,
        expected: expected[0],
        showDiff: false,
      },
    );
  }
  return exchange;
}
