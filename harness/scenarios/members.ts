import { AssertionError } from 'chai';
import { bookkeepingProblems } from '../checks/member-bookkeeping';

/**
 * The member list is a linked list (section 5.4) whose bookkeeping must agree with itself: the same
 * rules every session response is checked against (checks/member-bookkeeping.ts), as an assertion.
 */
export function expectMembersConsistent(document: unknown): void {
  const problems = bookkeepingProblems(document as Parameters<typeof bookkeepingProblems>[0]);
  if (problems.length > 0) throw new AssertionError(`member bookkeeping is inconsistent: ${problems.join('; ')}`);
}

/** The xuids of the members, in index order. */
export function memberXuids(document: unknown): string[] {
  const { members } = document as { members: Record<string, { constants: { system: { xuid: string } } }> };
  return Object.keys(members)
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => members[k].constants.system.xuid);
}
