import { ERROR_CODES, HarnessError } from '../errors';
import { HANDLE_OPERATIONS } from './handle-operations';
import type { OperationSpec } from './operation-spec';
import { SESSION_OPERATIONS } from './session-operations';

/**
 * THE table of the MPSD surface this harness speaks. Each row is one operation: how it looks on the
 * wire, what it takes, what it may answer and with which document. The client (its methods are derived
 * from the rows), the checks, coverage, the recordings lint, drift, the miss explanation and openapi.json
 * all read this table, and a test holds the emulator's routes to it: adding an endpoint is one row here.
 */

export type { MemberRef, OperationSpec, PathArguments, ResponseSpec, ServerRef, SessionRef, TemplateRef } from './operation-spec';

const ROWS = { ...HANDLE_OPERATIONS, ...SESSION_OPERATIONS } as const satisfies Record<string, OperationSpec>;

/** The rows' literal types: the client derives each method's signature from its row. */
export type OperationRows = typeof ROWS;
export type OperationName = keyof OperationRows;
export const OPERATIONS: Readonly<Record<OperationName, OperationSpec>> = ROWS;
/** An exchange's operation: a row of the table, or 'unknown' for a request outside the contract. */
export type Operation = OperationName | 'unknown';
export const OPERATION_NAMES = Object.keys(ROWS) as OperationName[];

const MATCHERS = OPERATION_NAMES.map((name) => {
  const { method, path } = OPERATIONS[name];
  const pattern = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return { name, method: method as string, pattern: new RegExp(`^${pattern}$`, 'i') };
});

/** The operation a method and path belong to (query ignored; segment names compare case-insensitively, section 1.1). */
export function operationOf(method: string, path: string): Operation {
  const pathname = path.split('?')[0];
  // The most literal path wins, whatever the verb: /handles/query is never a handle id, so GET on it
  // is no operation of the contract (MPSD answers 405), not getHandle; …/members/me is never index "me".
  const paths = MATCHERS.filter((m) => m.pattern.test(pathname));
  const best = Math.max(-1, ...paths.map((m) => literalLength(m.name)));
  return paths.find((m) => literalLength(m.name) === best && m.method === method.toUpperCase())?.name ?? 'unknown';
}

function literalLength(name: OperationName): number {
  return OPERATIONS[name].path.replace(/\{[^}]+\}/g, '').length;
}

/** The path of an operation with its parameters filled in, each percent-encoded. */
export function pathFor(operation: OperationName, params: Record<string, string> = {}): string {
  return OPERATIONS[operation].path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new HarnessError(
        ERROR_CODES.HELPER_MISUSE,
        `pathFor(${operation}): the path parameter '${name}' is missing; pass it in the parameters object`,
      );
    return encodeURIComponent(value);
  });
}
