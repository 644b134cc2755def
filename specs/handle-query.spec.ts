import { expect } from 'chai';
import { covers, createSession, expectStatus, makeHandle, newSessionRef, scenario, xuidOf } from '../harness';

type Results = {
  results: { id: string; type: string; ownerXuid?: string; relatedInfo?: { membersCount: number; maxMembersCount: number } }[];
};

describe('Querying handles (3.7)', () => {
  it('an activity query by owner finds the handle, with relatedInfo', async () => {
    covers('query.activity-by-owner');
    const ref = newSessionRef();
    await createSession(ref, ['alice', 'bob']);
    const handleId = await makeHandle('activity', ref);
    const body = { type: 'activity', scid: ref.scid, owners: { xuids: [xuidOf('alice')] } };

    const found = expectStatus(await scenario().client.queryHandles(body, { as: 'bob', query: { include: 'relatedInfo' } }), 200);

    const [handle] = (found.body as Results).results;
    expect(handle).to.include({ id: handleId, type: 'activity', ownerXuid: xuidOf('alice') });
    expect(handle.relatedInfo).to.include({ membersCount: 2 });
  });

  it('customProperties and roleInfo come on request', async () => {
    covers('query.includes');
    const ref = newSessionRef();
    const roleTypes = { lfg: { roles: { confirmed: { max: 4 } } } };
    await createSession(ref, ['alice'], { roleTypes, properties: { custom: { map: 'harbor' } } });
    await makeHandle('activity', ref);
    const body = { type: 'activity', scid: ref.scid, owners: { xuids: [xuidOf('alice')] } };

    const bare = expectStatus(await scenario().client.queryHandles(body, { as: 'bob' }), 200);
    const full = expectStatus(
      await scenario().client.queryHandles(body, { as: 'bob', query: { include: 'customProperties,roleInfo' } }),
      200,
    );

    type WithIncludes = { customProperties?: unknown; roleInfo?: { roleTypes: typeof roleTypes } };
    const [plain] = (bare.body as { results: WithIncludes[] }).results;
    const [rich] = (full.body as { results: WithIncludes[] }).results;
    expect(plain).to.not.have.any.keys('customProperties', 'roleInfo');
    expect(rich.customProperties).to.deep.equal({ map: 'harbor' });
    expect(rich.roleInfo?.roleTypes.lfg.roles.confirmed).to.include({ max: 4 });
  });

  it('a search query by template and filter finds the search handle', async () => {
    covers('query.search-filter');
    const ref = newSessionRef();
    await createSession(ref, ['alice']);
    const handleId = await makeHandle('search', ref);
    const query = (filter: string) =>
      scenario().client.queryHandles({ type: 'search', scid: ref.scid, templateName: ref.templateName, filter }, { as: 'bob' });

    const hit = expectStatus(await query("strings/mode eq 'Survival' and numbers/level ge 3"), 200);
    const miss = expectStatus(await query('numbers/level gt 3'), 200);

    expect((hit.body as Results).results.map((h) => h.id)).to.deep.equal([handleId]);
    expect((miss.body as Results).results).to.deep.equal([]);
  });

  it('the documented filter grammar finds the search handle', async () => {
    covers('query.filter-grammar');
    const ref = newSessionRef();
    await createSession(ref, ['alice']);
    const handleId = await makeHandle('search', ref);
    const ids = async (filter: string) =>
      (
        expectStatus(
          await scenario().client.queryHandles({ type: 'search', scid: ref.scid, templateName: ref.templateName, filter }, { as: 'bob' }),
          200,
        ).body as Results
      ).results.map((h) => h.id);

    expect(await ids("tolower(strings/mode) eq 'survival'")).to.deep.equal([handleId]);
    expect(await ids("tags/any(d:tolower(d) eq 'coop')")).to.deep.equal([handleId]);
    expect(await ids("strings/mode eq 'ctf' or (numbers/level ge 3 and not session/closed eq true)")).to.deep.equal([handleId]);
    expect(await ids("session/membersCount ge 2 or tags/any(t:t eq 'elite')")).to.deep.equal([]);
  });

  it('a filter construct MPSD does not support is 400 naming it', async () => {
    covers('query.unsupported-filter');
    const ref = newSessionRef();
    const query = { type: 'search', scid: ref.scid, templateName: ref.templateName, filter: "strings/mode like 'Surv%'" };

    const refused = expectStatus(await scenario().client.queryHandles(query, { as: 'bob' }), 400);

    expect(refused.response.text).to.include("strings/mode like 'Surv%'");
  });

  it('owner xuids and people together are 400', async () => {
    covers('query.owners-conflict');
    const body = { type: 'activity', owners: { xuids: [xuidOf('alice')], people: { moniker: 'people', monikerXuid: xuidOf('bob') } } };
    expectStatus(await scenario().client.queryHandles(body, { invalidOnPurpose: true }), 400);
  });
});
