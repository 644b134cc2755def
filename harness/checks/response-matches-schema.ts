import { type Exchange, responseSchemaOf } from '../contract/exchange';
import { schemaRegistry } from '../schema/registry';
import { describeViolation, toViolations } from '../schema/describe-violation';
import type { Check } from './failure';

/** The body must satisfy the schema the operations table names for this operation and status. */
export const responseMatchesSchema: Check = (e: Exchange) => {
  const schema = responseSchemaOf(e);
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
