import { responseSpecOf, specOf } from '../contract/exchange';
import { type Check, failure } from './failure';

/**
 * An operation answers only the statuses the contract documents for it (the operations table). A 500,
 * or a 200 where only 201/204 exist, is a break a client cannot have been written for.
 */
export const statusIsDocumented: Check = (e) => {
  const spec = specOf(e);
  if (!spec || responseSpecOf(e)) return undefined;
  const documented = Object.keys(spec.responses).map(Number);
  const { status } = e.response;
  const message = `${spec.method} ${spec.path} answered ${status}, which the contract does not document for it (documented: ${documented.join(', ')})`;
  return failure('status-is-documented', { operation: e.operation, status, documented }, message);
};
