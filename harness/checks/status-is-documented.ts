import { responseSpecOf, specOf } from '../contract/exchange';
import type { Check } from './failure';

/**
 * An operation answers only the statuses the contract documents for it (the operations table). A 500,
 * or a 200 where only 201/204 exist, is a break a client cannot have been written for.
 */
export const statusIsDocumented: Check = (e) => {
  const spec = specOf(e);
  if (!spec || responseSpecOf(e)) return undefined;
  const documented = Object.keys(spec.responses).join(', ');
  return { check: 'status-is-documented', message: `${spec.method} ${spec.path} answered ${e.response.status}, which the contract does not document for it (documented: ${documented})` };
};
