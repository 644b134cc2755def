import { AssertionError } from 'chai';

interface MemberView {
  next: number;
  reserved?: boolean;
  constants: { system: { xuid: string } };
}
interface SessionView {
  members: Record<string, MemberView>;
  membersInfo: { first: number; next: number; count?: number; accepted?: number };
}

/**
 * The member list is a linked list (section 5.4): starting at membersInfo.first and following `next`
 * must visit every member once, in index order, and end at membersInfo.next; count and accepted agree.
 */
export function expectMembersConsistent(document: unknown): void {
  const session = document as SessionView;
  const keys = Object.keys(session.members)
    .map(Number)
    .sort((a, b) => a - b);
  const fail = (message: string) => {
    throw new AssertionError(`member bookkeeping is inconsistent: ${message}\n${JSON.stringify({ members: session.members, membersInfo: session.membersInfo })}`);
  };
  const { first, next, count, accepted } = session.membersInfo;
  const visited: number[] = [];
  let cursor = keys.length > 0 ? first : next;
  while (cursor !== next) {
    const member = session.members[String(cursor)];
    if (!member) fail(`a next link points at ${cursor}, which is not a member`);
    if (visited.includes(cursor)) fail(`the next links loop at ${cursor}`);
    visited.push(cursor);
    cursor = member.next;
  }
  if (visited.join() !== keys.join()) fail(`following next visits [${visited}] but the members are [${keys}]`);
  if (keys.length > 0 && first !== keys[0]) fail(`membersInfo.first is ${first}, the first member is ${keys[0]}`);
  if (keys.length > 0 && next <= keys[keys.length - 1]) fail(`membersInfo.next ${next} is not past the last index ${keys[keys.length - 1]}`);
  if (count !== undefined && count !== keys.length) fail(`membersInfo.count is ${count} for ${keys.length} members`);
  const acceptedMembers = keys.filter((k) => !session.members[String(k)].reserved).length;
  if (accepted !== undefined && accepted !== acceptedMembers) fail(`membersInfo.accepted is ${accepted} for ${acceptedMembers} accepted members`);
}

/** The xuids of the members, in index order. */
export function memberXuids(document: unknown): string[] {
  const { members } = document as SessionView;
  return Object.keys(members)
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => members[k].constants.system.xuid);
}
