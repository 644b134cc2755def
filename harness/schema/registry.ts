import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ERROR_CODES, HarnessError } from '../errors';
import { PRECOMPILED_VALIDATORS_FILE, SCHEMAS_DIR } from '../layout';

/** The JSON documents of the contract, by the file name (and title) of their schema. */
export const SCHEMA_NAMES = [
  'MultiplayerSession',
  'MultiplayerSessionRequest',
  'Handle',
  'HandleCreateRequest',
  'HandleQueryRequest',
  'HandleQueryResponse',
  'SessionPropertiesRequest',
  'SessionBatchRequest',
  'SessionQueryResponse',
  'TemplateList',
  'SessionTemplate',
  'RtaShoulderTaps',
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export { SCHEMAS_DIR } from '../layout';
/** The validators of SCHEMAS_DIR compiled ahead of time by `npm run generate` (ajv standalone code). */
export const PRECOMPILED_FILE = PRECOMPILED_VALIDATORS_FILE;

type Precompiled = Partial<Record<SchemaName, ValidateFunction>> & { schemasHash?: string };

/** One Ajv per process, strict: a typo in a schema keyword is a setup error, not a silently ignored rule. */
export function newAjv(options: { standalone?: boolean } = {}): Ajv {
  // Loaded here, not at the top: a start-up with precompiled validators never needs ajv's compiler (~60 modules).
  const { default: AjvClass, _ } = require('ajv') as typeof import('ajv');
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  const ajv = new AjvClass({
    strict: true,
    allErrors: true, // a report lists every violation, not the first one
    allowUnionTypes: true, // timeouts are integer|null (section 5.2)
    discriminator: true, // handle create requests: errors name the right variant
    // Per-type `if/then` required lists name properties declared in the parent schema, which
    // strictRequired cannot see; every other strict check stays on.
    strictRequired: false,
    ...(options.standalone ? { code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } } : {}),
  });
  addFormats(ajv, ['date-time']);
  return ajv;
}

/** The schema files of a directory, sorted, with a hash of their names and bytes. */
export function schemaFiles(dir: string): { files: { file: string; text: string }[]; hash: string } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
  const hash = createHash('sha256');
  for (const { file, text } of files) hash.update(file).update('\0').update(text).update('\0');
  return { files, hash: hash.digest('hex').slice(0, 16) };
}

/**
 * The schema registry. The validators come from the precompiled module when it was generated from
 * exactly these schema files (so a start-up needs no ajv compiler, which costs ~60 modules), else they are compiled
 * here, all at once: a broken schema is a setup error at start, not in the middle of a test.
 */
export class SchemaRegistry {
  private readonly validators = new Map<SchemaName, ValidateFunction>();
  readonly documents = new Map<string, { $id: string; title?: string }>();

  constructor(schemasDir: string = SCHEMAS_DIR) {
    const { files, hash } = schemaFiles(schemasDir);
    for (const { file, text } of files) {
      const document = parseSchema(text, file);
      if (typeof document.$id !== 'string' || !/^https?:\/\//.test(document.$id)) {
        throw new HarnessError(
          ERROR_CODES.SCHEMA_INVALID,
          `schemas/${file} has no absolute $id; give it one such as https://mpsd-harness.invalid/schemas/${file}`,
        );
      }
      this.documents.set(file.replace(/\.json$/, ''), document);
    }
    const precompiled = existsSync(PRECOMPILED_FILE) ? (require(PRECOMPILED_FILE) as Precompiled) : undefined;
    if (precompiled?.schemasHash === hash) {
      for (const name of SCHEMA_NAMES) if (precompiled[name]) this.validators.set(name, precompiled[name]);
      return;
    }
    this.compileAll(schemasDir);
  }

  private compileAll(schemasDir: string): void {
    const ajv = newAjv();
    try {
      for (const document of this.documents.values()) ajv.addSchema(document); // refuses a duplicate $id
      for (const [name, document] of this.documents)
        if (isSchemaName(name)) this.validators.set(name, ajv.getSchema(document.$id) as ValidateFunction);
    } catch (error) {
      throw new HarnessError(
        ERROR_CODES.SCHEMA_INVALID,
        `a schema in ${schemasDir} does not compile in strict mode: ${(error as Error).message}. Fix the keyword or $ref it names.`,
      );
    }
  }

  validator(name: SchemaName): ValidateFunction {
    const validate = this.validators.get(name);
    if (!validate)
      throw new HarnessError(
        ERROR_CODES.SCHEMA_UNKNOWN,
        `no schema named '${name}' in schemas/; known: ${[...this.documents.keys()].join(', ')}`,
      );
    return validate;
  }

  /** Validation failures are data: an empty list means the document is valid. */
  validate(name: SchemaName, data: unknown): ErrorObject[] {
    const validate = this.validator(name);
    return validate(data) ? [] : [...(validate.errors ?? [])];
  }
}

function parseSchema(text: string, file: string): { $id: string; title?: string } {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HarnessError(
      ERROR_CODES.SCHEMA_INVALID,
      `schemas/${file} is not JSON (${(error as Error).message}); fix the file or restore it from git`,
    );
  }
}

let shared: SchemaRegistry | undefined;

/** The process-wide registry: loaded on first use, then reused by every check. */
export function schemaRegistry(): SchemaRegistry {
  shared ??= new SchemaRegistry();
  return shared;
}

export function isSchemaName(name: string): name is SchemaName {
  return (SCHEMA_NAMES as readonly string[]).includes(name);
}
