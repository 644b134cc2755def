import { expect } from 'chai';
import { covers, expectStatus, handleToNewSession, meBody, scenario } from '../harness';

describe('Session constants through a handle (4)', () => {
  const create = { ...meBody({ active: true }), constants: { custom: { map: 'harbor', rules: { friendlyFire: false } } } };

  it('a create through a handle sets constants', async () => {
    covers('constants.create');
    const { handleId } = await handleToNewSession();

    const created = expectStatus(await scenario().client.putSessionByHandle(handleId, create), 201);

    expect((created.body as { constants: { custom: unknown } }).constants.custom).to.deep.equal(create.constants.custom);
  });

  it('a later change of constants is 409', async () => {
    covers('constants.fixed');
    const { client } = scenario();
    const { handleId } = await handleToNewSession();
    expectStatus(await client.putSessionByHandle(handleId, create), 201);

    expectStatus(await client.putSessionByHandle(handleId, { constants: { custom: { map: 'docks' } } }), 409);
  });

  it('a template constant cannot be overridden', async () => {
    covers('constants.template-wins');
    const { handleId } = await handleToNewSession();

    expectStatus(
      await scenario().client.putSessionByHandle(handleId, { ...meBody({ active: true }), constants: { system: { maxMembersCount: 3 } } }),
      409,
    );
  });
});
