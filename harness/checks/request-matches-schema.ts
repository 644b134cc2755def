import { parseJson } from '../contract/exchange';
import { OPERATIONS, type Operation } from '../contract/operations';
import { describeViolation, toViolations } from '../schema/describe-violation';
import { schemaRegistry } from '../schema/registry';
import { type Failure, failure } from './failure';

/**
 * Outgoing bodies must satisfy the request schemas, so a client (ours or a team's SDK) that changes
 * the wire shape fails here, precisely, before the service sees it.
 */
export function requestMatchesSchema(operation: Operation, bodyText: string | undefined): Failure | undefined {
  const schema = operation === 'unknown' ? undefined : OPERATIONS[operation].request;
  if (!schema || bodyText === undefined) return undefined;
  const body = parseJson(bodyText);
  if (body === undefined) return failure('request-matches-schema', { operation, schema }, `the ${operation} request body is not JSON`);
  const violations = toViolations(body, schemaRegistry().validate(schema, body));
  if (violations.length === 0) return undefined;
  const list = violations.map((v) => `    ${describeViolation(v)}`).join('\n');
  return failure(
    'request-matches-schema',
    { operation, schema },
    `the ${operation} request body breaks the ${schema} schema:\n${list}`,
    violations,
  );
}
