import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { createEmulator } from '../../../emulator';
import { OPENAPI_FILE, renderOpenApi } from '../../../harness/contract/cli';
import { OPERATION_NAMES, OPERATIONS } from '../../../harness/contract/operations';

describe('openapi.json', () => {
  const committed = () => JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));

  it('is what the operations table and the schemas generate today (npm run generate)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8'), 'openapi.json is stale: run npm run generate').to.equal(renderOpenApi());
  });

  it('is accepted by an OpenAPI 3.1 validator, and every $ref resolves', async () => {
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const validator = new Validator();
    const result = await validator.validate(committed());
    expect(result.errors, JSON.stringify(result.errors)).to.equal(undefined);
    expect(result.valid).to.equal(true);
    expect(validator.version).to.equal('3.1');
    expect(() => validator.resolveRefs()).to.not.throw();
  });

  it('describes every operation of the table with every documented status', () => {
    const { paths } = committed();
    for (const name of OPERATION_NAMES) {
      const spec = OPERATIONS[name];
      const operation = paths[spec.path]?.[spec.method.toLowerCase()];
      expect(operation?.operationId, name).to.equal(name);
      expect(Object.keys(operation.responses).sort()).to.deep.equal(Object.keys(spec.responses).sort());
    }
  });

  it('is served by the emulator at /openapi.json, without credentials', async () => {
    const emulator = createEmulator();
    const url = await emulator.start();
    try {
      const response = await fetch(`${url}/openapi.json`);
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal(committed());
    } finally {
      await emulator.stop();
    }
  });
});
