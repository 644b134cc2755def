import type { ErrorObject } from 'ajv';
import { LosslessNumber } from 'lossless-json';

/** One schema violation, readable on its own: where, what was there, what was expected. */
export interface Violation {
  instancePath: string;
  value: unknown;
  expected: string;
  schemaPath: string;
}

/** Resolve a JSON pointer ("/members/1/next") inside a document. */
export function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let node: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function expectation(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `type ${String(p.type)}`;
    case 'required':
      return `required property '${String(p.missingProperty)}'`;
    case 'enum':
      return `one of ${JSON.stringify(p.allowedValues)}`;
    case 'const':
      return `the constant ${JSON.stringify(p.allowedValue)}`;
    case 'additionalProperties':
      return `no property '${String(p.additionalProperty)}' (unknown keys are rejected here)`;
    case 'false schema':
      return 'no such property here (this contract version names it differently, or not at all)';
    case 'format':
      return `format ${String(p.format)}`;
    case 'pattern':
      return `a string matching ${String(p.pattern)}`;
    default:
      return error.message ?? error.keyword;
  }
}

export function toViolations(document: unknown, errors: ErrorObject[]): Violation[] {
  // ajv reports a failed `if`/`oneOf` wrapper next to the real cause; the cause is what people need.
  const meaningful = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  return (meaningful.length > 0 ? meaningful : errors).map((error) => {
    return {
      instancePath: error.instancePath || '/',
      value: valueAt(document, error.instancePath),
      expected: expectation(error),
      schemaPath: error.schemaPath,
    };
  });
}

function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (value instanceof LosslessNumber) return `${value.value} (number)`; // 1e308, a 64-bit id: numbers kept as written
  const text = JSON.stringify(value);
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return `${shown} (${kind})`;
}

export function describeViolation(v: Violation): string {
  return `at ${v.instancePath}: found ${show(v.value)}, expected ${v.expected} [schema ${v.schemaPath}]`;
}
