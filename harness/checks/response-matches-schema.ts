import type { Exchange } from '../client/exchange';
import { type SchemaName, schemaRegistry } from '../schema/registry';
import { describeViolation, toViolations } from '../schema/describe-violation';
import { type Check, carriesSession } from './failure';

/** Which schema a response body must satisfy, by operation and status; undefined for bodiless answers. */
export function responseSchemaFor(e: Exchange): SchemaName | undefined {
  if (carriesSession(e)) return 'MultiplayerSession';
  const ok = e.response.status === 200 || e.response.status === 201;
  if (ok && (e.operation === 'createHandle' || e.operation === 'getHandle')) return 'Handle';
  return undefined;
}

export const responseMatchesSchema: Check = (e) => {
  const schema = responseSchemaFor(e);
  if (!schema) return undefined;
  if (e.body === undefined) {
    return { check: 'response-matches-schema', message: `the ${e.response.status} body should be a ${schema} JSON document but is not JSON: ${JSON.stringify(e.response.text.slice(0, 120))}` };
  }
  const violations = toViolations(e.body, schemaRegistry().validate(schema, e.body));
  if (violations.length === 0) return undefined;
  return {
    check: 'response-matches-schema',
    message: `the body breaks the ${schema} schema:\n${violations.map((v) => `    ${describeViolation(v)}`).join('\n')}`,
    violations,
  };
};
