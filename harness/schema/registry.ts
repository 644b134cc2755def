import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { HarnessError, ERROR_CODES } from '../errors';

/** The JSON documents of the contract, by the file name (and title) of their schema. */
export const SCHEMA_NAMES = ['MultiplayerSession', 'MultiplayerSessionRequest', 'Handle', 'HandleCreateRequest', 'HandleQueryRequest', 'HandleQueryResponse'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export const SCHEMAS_DIR = join(__dirname, '..', '..', 'schemas');

/**
 * The one Ajv instance and schema registry. Schemas are compiled once per process, in strict mode
 * so a typo in a schema keyword is a setup error, not a silently ignored rule.
 */
export class SchemaRegistry {
  private readonly ajv: Ajv;
  private readonly validators = new Map<SchemaName, ValidateFunction>();
  readonly documents = new Map<string, { $id: string; title?: string }>();

  constructor(schemasDir: string = SCHEMAS_DIR) {
    this.ajv = new Ajv({
      strict: true,
      allErrors: true, // a report lists every violation, not the first one
      allowUnionTypes: true, // timeouts are integer|null (section 5.2)
      discriminator: true, // handle create requests: errors name the right variant
      // Per-type `if/then` required lists name properties declared in the parent schema, which
      // strictRequired cannot see; every other strict check stays on.
      strictRequired: false,
    });
    addFormats(this.ajv, ['date-time']);
    for (const file of readdirSync(schemasDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const document = loadSchemaFile(join(schemasDir, file), file);
      if (typeof document.$id !== 'string' || !/^https?:\/\//.test(document.$id)) {
        throw new HarnessError(ERROR_CODES.SCHEMA_INVALID, `schemas/${file} has no absolute $id; give it one such as https://mpsd-harness.invalid/schemas/${file}`);
      }
      this.ajv.addSchema(document); // refuses a duplicate $id
      this.documents.set(file.replace(/\.json$/, ''), document);
    }
    // Compile every document now: a broken schema is a setup error at start, not in the middle of a test.
    try {
      for (const name of this.documents.keys()) if (isSchemaName(name)) this.validator(name);
    } catch (error) {
      if (error instanceof HarnessError) throw error;
      throw new HarnessError(ERROR_CODES.SCHEMA_INVALID, `a schema in ${schemasDir} does not compile in strict mode: ${(error as Error).message}. Fix the keyword or $ref it names.`);
    }
  }

  validator(name: SchemaName): ValidateFunction {
    let validate = this.validators.get(name);
    if (!validate) {
      const document = this.documents.get(name);
      if (!document) {
        throw new HarnessError(ERROR_CODES.SCHEMA_UNKNOWN, `no schema named '${name}' in schemas/; known: ${[...this.documents.keys()].join(', ')}`);
      }
      validate = this.ajv.getSchema(document.$id) as ValidateFunction;
      this.validators.set(name, validate);
    }
    return validate;
  }

  /** Validation failures are data: an empty list means the document is valid. */
  validate(name: SchemaName, data: unknown): ErrorObject[] {
    const validate = this.validator(name);
    return validate(data) ? [] : [...(validate.errors ?? [])];
  }
}

function loadSchemaFile(path: string, file: string): { $id: string; title?: string } {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new HarnessError(ERROR_CODES.SCHEMA_INVALID, `schemas/${file} is not JSON (${(error as Error).message}); fix the file or restore it from git`);
  }
}

let shared: SchemaRegistry | undefined;

/** The process-wide registry: compiled on first use, then reused by every check. */
export function schemaRegistry(): SchemaRegistry {
  shared ??= new SchemaRegistry();
  return shared;
}

export function isSchemaName(name: string): name is SchemaName {
  return (SCHEMA_NAMES as readonly string[]).includes(name);
}
