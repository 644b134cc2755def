import { expect } from 'chai';
import { me, SCID, useEmulator } from './use-emulator';

/** Issue 10, points 1-3: a client's mistake is a 4xx, never a 5xx, a crash or a half-made change. */
describe('emulator: robustness (a client mistake is a 4xx)', () => {
  const e = useEmulator();
  const path = (name: string) => `/serviceconfigs/${SCID}/sessiontemplates/standard-lobby/sessions/${name}`;
  const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('a session named outside Latin-1, read through a handle, answers with a percent-encoded Content-Location', async () => {
    expect((await e.raw({ method: 'PUT', path: path('%E6%97%A5'), body: JSON.stringify(me()) })).status).to.equal(201);
    const handle = await e.raw({
      method: 'POST',
      path: '/handles',
      body: JSON.stringify({ version: 1, type: 'activity', sessionRef: { scid: SCID, templateName: 'standard-lobby', name: '日' } }),
    });
    expect(handle.status, handle.text).to.equal(201);
    const read = await e.raw({ method: 'GET', path: `/handles/${JSON.parse(handle.text).id}/session` });
    expect(read.status).to.equal(200);
    expect(read.headers['content-location']).to.equal(path('%E6%97%A5'));
  });

  it('deeply nested members.me.roles is 400, naming the nesting limit', async () => {
    const body = `{"members":{"me":{"roles":${deep(5000)}}}}`;
    const answer = await e.raw({ method: 'PUT', path: path('deep'), body });
    expect(answer.status).to.equal(400);
    expect(answer.text).to.include('nests deeper than 64 levels');
  });

  it('malformed percent escapes in the path are 400, and // paths 404', async () => {
    const escaped = await e.raw({ method: 'GET', path: '/handles/%E0%A4%A/session' });
    expect(escaped.status).to.equal(400);
    expect(escaped.text).to.include('malformed percent-encoding');
    expect((await e.raw({ method: 'GET', path: '//x' })).status).to.equal(404);
    expect((await e.raw({ method: 'GET', path: '//' })).status).to.equal(404);
  });

  it('nesting of 2,000 levels anywhere in a body is 400', async () => {
    expect((await e.raw({ method: 'PUT', path: path('n'), body: `{"properties":{"custom":${deep(2000)}}}` })).status).to.equal(400);
  });

  it('no answer ever carries a stack trace or an absolute path', async () => {
    const answers = await Promise.all([
      e.raw({ method: 'PUT', path: path('x'), body: '{"members":' }),
      e.raw({ method: 'GET', path: '/handles/%ZZ/session' }),
      e.raw({ method: 'PUT', path: path('x'), body: deep(3000) }),
    ]);
    for (const answer of answers) {
      expect(answer.status).to.be.within(400, 499);
      expect(answer.text).to.not.match(/\n\s+at |\/work\/|node:internal/);
    }
  });

  it('reservedRemovalTimeout 1e308 or "x" is 400 naming the field, and nothing is created', async () => {
    for (const timeout of [1e308, 'x']) {
      const body = {
        ...me(),
        constants: { system: { reservedRemovalTimeout: timeout } },
        members: { ...me().members, reserve_0: { constants: { system: { xuid: '2533274800000002' } } } },
      };
      const answer = await e.raw({ method: 'PUT', path: path('t'), body: JSON.stringify(body) });
      expect(answer.status).to.equal(400);
      expect(answer.text).to.include('constants.system.reservedRemovalTimeout must be null or an integer');
      expect((await e.raw({ method: 'GET', path: path('t') })).status).to.equal(204);
    }
  });

  it('keys such as constructor and __proto__ are data, and the session stays readable', async () => {
    expect((await e.raw({ method: 'PUT', path: path('p'), body: JSON.stringify(me()) })).status).to.equal(201);
    const servers = await e.raw(
      { method: 'PUT', path: path('p'), body: '{"servers":{"constructor":{},"__proto__":{"properties":{"custom":{"a":1}}}}}' },
      'server',
    );
    expect(servers.status, servers.text).to.equal(200);
    expect(Object.keys(JSON.parse(servers.text).servers)).to.have.members(['constructor', '__proto__']);
    const custom = await e.raw({
      method: 'PUT',
      path: path('p'),
      body: '{"members":{"me":{"properties":{"custom":{"__proto__":{"x":1},"constructor":2}}}}}',
    });
    expect(custom.status, custom.text).to.equal(200);
    const read = await e.raw({ method: 'GET', path: path('p') });
    expect(read.status).to.equal(200);
    expect(JSON.parse(read.text).members['0'].properties.custom).to.deep.equal(JSON.parse('{"__proto__":{"x":1},"constructor":2}'));
  });

  it('an unknown system key, a wrong type or an unknown enum value is 400 naming the path, and changes nothing', async () => {
    const created = await e.raw({ method: 'PUT', path: path('s'), body: JSON.stringify(me()) });
    for (const [system, named] of [
      [{ joinRestriction: 'bogus' }, 'properties.system.joinRestriction must be one of none, local, followed'],
      [{ closed: 'no' }, 'properties.system.closed must be true or false'],
      [{ colour: 'red' }, 'properties.system.colour is not a known field'],
    ] as const) {
      const answer = await e.raw({ method: 'PUT', path: path('s'), body: JSON.stringify({ properties: { system } }) });
      expect(answer.status).to.equal(400);
      expect(answer.text).to.include(named);
    }
    const active = await e.raw({ method: 'PUT', path: path('s'), body: JSON.stringify(me({ active: {} })) });
    expect(active.text).to.include('members.me.properties.system.active must be true or false');
    expect(JSON.parse((await e.raw({ method: 'GET', path: path('s') })).text).changeNumber).to.equal(JSON.parse(created.text).changeNumber);
  });
});

describe('emulator: legacy subscriptions (protocol 4)', () => {
  const e = useEmulator();
  const path = `/serviceconfigs/${SCID}/sessiontemplates/standard-lobby/sessions/subs`;
  const subscriptions = (text: string) => JSON.parse(text).members['0'].properties.system.subscriptions;
  const A = '8d050174-412b-4d51-a29b-d55a34edfdb7';
  const B = '9d050174-412b-4d51-a29b-d55a34edfdb7';

  it('are merged per key, and a null value removes its key', async () => {
    await e.raw({ method: 'PUT', path, body: JSON.stringify(me({ active: true, subscriptions: { [A]: { profile: 'party' } } })) });
    const added = await e.raw({
      method: 'PUT',
      path,
      body: JSON.stringify(me({ active: true, subscriptions: { [B]: { profile: 'roster' } } })),
    });
    expect(subscriptions(added.text)).to.deep.equal({ [A]: { profile: 'party' }, [B]: { profile: 'roster' } });
    const removed = await e.raw({ method: 'PUT', path, body: JSON.stringify(me({ active: true, subscriptions: { [A]: null } })) });
    expect(subscriptions(removed.text)).to.deep.equal({ [B]: { profile: 'roster' } });
  });
});

describe('emulator: followed restrictions and the social graph (protocol 5.3)', () => {
  const e = useEmulator();
  const path = `/serviceconfigs/${SCID}/sessiontemplates/standard-lobby/sessions/friends`;
  const followed = { ...me(), properties: { system: { joinRestriction: 'followed', readRestriction: 'followed' } } };

  it('admits the people a member follows and refuses strangers with the MPSD text; the per-test API adds a follow', async () => {
    expect((await e.raw({ method: 'PUT', path, body: JSON.stringify(followed) }, 'alice')).status).to.equal(201);
    expect((await e.raw({ method: 'PUT', path, body: JSON.stringify(me()) }, 'bob')).status).to.equal(200); // alice follows bob
    const stranger = await e.raw({ method: 'PUT', path, body: JSON.stringify(me()) }, 'carol');
    expect(stranger.status).to.equal(403);
    expect(stranger.text).to.include("has a join restriction on it that the user doesn't satisfy");
    e.emulator.follow('2533274800000002', '2533274800000003'); // bob, now a member, follows carol
    expect((await e.raw({ method: 'PUT', path, body: JSON.stringify(me()) }, 'carol')).status).to.equal(200);
  });
});
