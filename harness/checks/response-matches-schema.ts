import { type Exchange, responseSchemaOf } from '../contract/exchange';
import { describeViolation, toViolations } from '../schema/describe-violation';
import { schemaRegistry } from '../schema/registry';
import { type Check, failure } from './failure';

/** The body must satisfy the schema the operations table names for this operation and status. */
export const responseMatchesSchema: Check = (e: Exchange) => {
  const schema = responseSchemaOf(e);
  if (!schema) return undefined;
  if (e.body === undefined) {
    const text = JSON.stringify(e.response.text.slice(0, 120));
    return failure(
      'response-matches-schema',
      { status: e.response.status, schema },
      `the ${e.response.status} body should be a ${schema} JSON document but is not JSON: ${text}`,
    );
  }
  const violations = toViolations(e.body, schemaRegistry().validate(schema, e.body));
  if (violations.length === 0) return undefined;
  const list = violations.map((v) => `    ${describeViolation(v)}`).join('\n');
  return failure(
    'response-matches-schema',
    { status: e.response.status, schema },
    `the body breaks the ${schema} schema:\n${list}`,
    violations,
  );
};
