import * as chai from 'chai';
import { ERROR_CODES, HarnessError } from '../errors';
import { describeViolation, toViolations } from '../schema/describe-violation';
import { isSchemaName, SCHEMA_NAMES, type SchemaName, schemaRegistry } from '../schema/registry';

declare global {
  namespace Chai {
    interface Assertion {
      /** The value satisfies the named schema of schemas/, e.g. expect(body).to.matchSchema('MultiplayerSession'). */
      matchSchema(name: SchemaName): Assertion;
    }
  }
}

/** chai plugin: `matchSchema`, with the same readable violations the automatic checks print. */
function chaiSchema(api: Chai.ChaiStatic, utils: Chai.ChaiUtils): void {
  utils.addMethod(api.Assertion.prototype, 'matchSchema', function (this: Chai.AssertionStatic, name: string) {
    if (!isSchemaName(name))
      throw new HarnessError(ERROR_CODES.SCHEMA_UNKNOWN, `matchSchema: no schema '${name}'; use one of ${SCHEMA_NAMES.join(', ')}`);
    const value = utils.flag(this, 'object') as unknown;
    const violations = toViolations(value, schemaRegistry().validate(name, value));
    this.assert(
      violations.length === 0,
      `expected value to match ${name}:\n${violations.map((v) => `  ${describeViolation(v)}`).join('\n')}`,
      `expected value not to match ${name}`,
      name,
    );
  });
}

chai.use(chaiSchema);
