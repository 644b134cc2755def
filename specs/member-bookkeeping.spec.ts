import { expect } from 'chai';
import type { Exchange } from '../harness';
import { covers, expectMembersConsistent, expectStatus, handleToNewSession, meBody, memberXuids, scenario, xuidOf } from '../harness';

describe('Member bookkeeping (5.1, 5.4, 5.5)', () => {
  it('membersInfo and the next links agree with members after joins and leaves', async () => {
    covers('bookkeeping.members-info');
    const { client } = scenario();
    const { handleId } = await handleToNewSession(['alice', 'bob', 'carol']);
    const steps: [string, 'alice' | 'bob' | 'carol', unknown, number][] = [
      ['alice creates', 'alice', meBody({ active: true }), 201],
      ['bob joins', 'bob', meBody({ active: true }), 200],
      ['carol joins', 'carol', meBody({ active: true }), 200],
      ['bob leaves', 'bob', { members: { me: null } }, 200],
      ['bob rejoins', 'bob', meBody({ active: true }), 200],
      ['alice leaves', 'alice', { members: { me: null } }, 200],
    ];
    let last: Exchange | undefined;
    for (const [, as, body, status] of steps) {
      last = expectStatus(await client.putSessionByHandle(handleId, body, { as }), status);
      expectMembersConsistent(last.body);
    }
    expect(memberXuids(last?.body)).to.deep.equal([xuidOf('carol'), xuidOf('bob')]);
  });

  it('changeNumber grows on every write', async () => {
    covers('bookkeeping.change-number');
    const { client } = scenario();
    const { handleId } = await handleToNewSession();
    const writes = [
      meBody({ active: true }),
      meBody({ active: true }, { seat: 1 }),
      meBody({ active: false, ready: true }),
      { properties: { custom: { round: 2 } } },
    ];
    const numbers: number[] = [];
    for (const [i, body] of writes.entries()) {
      const write = expectStatus(await client.putSessionByHandle(handleId, body), i === 0 ? 201 : 200);
      numbers.push((write.body as { changeNumber: number }).changeNumber);
    }
    expect(
      numbers.every((n, i) => i === 0 || n > numbers[i - 1]),
      `changeNumbers ${numbers}`,
    ).to.equal(true);
  });
});
