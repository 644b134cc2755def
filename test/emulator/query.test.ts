import { expect } from 'chai';
import { me, ref, SCID, useEmulator, XUID } from './use-emulator';

describe('emulator: POST /handles/query (protocol 3.7)', () => {
  const e = useEmulator();
  const query = (body: unknown, include?: string) =>
    e.raw({ method: 'POST', path: `/handles/query${include ? `?include=${include}` : ''}`, body: JSON.stringify(body) }, 'bob');
  const activity = (name: string) => e.client.createHandle({ version: 1, type: 'activity', sessionRef: ref(name) });

  it('finds activity handles by owner, with relatedInfo and customProperties on request', async () => {
    await e.client.putSession(ref('q'), { ...me(), properties: { custom: { map: 'harbor' } } });
    await activity('q');
    const answer = await query({ type: 'activity', owners: { xuids: [XUID.alice] } }, 'relatedInfo,customProperties');
    expect(answer.status).to.equal(200);
    const [handle] = JSON.parse(answer.text).results;
    expect(handle).to.include({ type: 'activity', ownerXuid: XUID.alice, inviteProtocol: 'game' });
    expect(handle.relatedInfo).to.deep.equal({
      visibility: 'open',
      joinRestriction: 'none',
      closed: false,
      maxMembersCount: 8,
      membersCount: 1,
    });
    expect(handle.customProperties).to.deep.equal({ map: 'harbor' });
    expect(JSON.parse((await query({ type: 'activity', owners: { xuids: [XUID.carol] } })).text).results).to.deep.equal([]);
  });

  it('finds the activity of the people a user follows (the social graph)', async () => {
    await e.client.putSession(ref('p'), me(), { as: 'bob' });
    await e.client.createHandle({ version: 1, type: 'activity', sessionRef: ref('p') }, { as: 'bob' });
    const answer = await query({ type: 'activity', owners: { people: { moniker: 'people', monikerXuid: XUID.alice } } });
    expect(JSON.parse(answer.text).results.map((h: { ownerXuid: string }) => h.ownerXuid)).to.deep.equal([XUID.bob]); // alice follows bob
    expect(
      JSON.parse((await query({ type: 'activity', owners: { people: { moniker: 'people', monikerXuid: XUID.carol } } })).text).results,
    ).to.deep.equal([]);
  });

  it('refuses xuids and people together, an unknown include, and an unsupported filter, naming each', async () => {
    const both = await query({ type: 'activity', owners: { xuids: [XUID.alice], people: { moniker: 'people', monikerXuid: XUID.bob } } });
    expect([both.status, both.text]).to.deep.equal([400, "'owners' takes xuids or people, not both."]);
    expect((await query({ type: 'activity', owners: { xuids: [XUID.alice] } }, 'everything')).text).to.include(
      'include=everything is not supported',
    );
    const filter = await query({ type: 'search', scid: SCID, templateName: 'standard-lobby', filter: "contains(strings/mode, 'ctf')" });
    expect(filter.status).to.equal(400);
    expect(filter.text).to.include("The filter construct 'contains' in \"contains(strings/mode, 'ctf')\" is not supported");
    for (const bad of [
      'strings/mode eq',
      "session/owner eq 'x'",
      "tags/any(t:tolower(u) eq 'x')",
      "(strings/mode eq 'a'",
      "strings/mode eq 'a' xor numbers/n eq 1",
    ]) {
      expect((await query({ type: 'search', scid: SCID, templateName: 'standard-lobby', filter: bad })).status, bad).to.equal(400);
    }
  });

  it('answers at most 100 handles', async () => {
    for (let i = 0; i < 101; i += 1) {
      await e.client.putSession(ref(`s${i}`), me());
      await e.client.createHandle({ version: 1, type: 'search', sessionRef: ref(`s${i}`), searchAttributes: { numbers: { n: i } } });
    }
    const answer = await query({ type: 'search', scid: SCID, templateName: 'standard-lobby' });
    expect(JSON.parse(answer.text).results).to.have.length(100);
  });
});
