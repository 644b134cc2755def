import { expect } from 'chai';
import { MAX_TIMEOUT_MS } from '../../emulator/session/validate-system';
import { SCID, useEmulator } from './use-emulator';

const PATH = `/serviceconfigs/${SCID}/sessiontemplates/lingering-lobby/sessions/edges`;

/** The documented limits at their edges, and the case-insensitive keys and values (DECISIONS S12-S14). */
describe('emulator: limits at their edges, and case-insensitive system keys and values', () => {
  const e = useEmulator();
  const put = (body: unknown) => e.raw({ method: 'PUT', path: PATH, body: JSON.stringify(body) });
  const member = (system: Record<string, unknown>) => ({ members: { me: { properties: { system: { active: true, ...system } } } } });

  it('a system key or enum value that differs only by case is stored in the documented spelling', async () => {
    const created = await put({ ...member({}), properties: { system: { JoinRestriction: 'FOLLOWED' } } });
    expect(created.status, created.text).to.equal(201);
    expect(JSON.parse(created.text).properties.system)
      .to.deep.include({ joinRestriction: 'followed' })
      .and.not.have.property('JoinRestriction');
  });

  it('a timeout is whole milliseconds up to ten years: the cap passes, one more is 400', async () => {
    expect(MAX_TIMEOUT_MS, 'ten years of 365 days').to.equal(315_360_000_000);
    expect((await put({ ...member({}), constants: { system: { reservedRemovalTimeout: MAX_TIMEOUT_MS } } })).status).to.equal(201);
    const over = await put({ members: {}, constants: { system: { reservedRemovalTimeout: MAX_TIMEOUT_MS + 1 } } });
    expect(over.status).to.equal(400);
    expect(over.text).to.include('reservedRemovalTimeout');
  });

  it('a refused value is named by what was found: null, an array, an object, a number as written, a string', async () => {
    const found = async (latencyMaximum: string) => {
      const answer = await e.raw({
        method: 'PUT',
        path: PATH,
        body: `{"members":{"me":{"properties":{"system":{"active":true}}}},"constants":{"system":{"peerToPeerRequirements":{"latencyMaximum":${latencyMaximum}}}}}`,
      });
      expect(answer.status, answer.text).to.equal(400);
      return answer.text;
    };
    expect(await found('null')).to.include('latencyMaximum must be a non-negative integer; found null.');
    expect(await found('[250]')).to.include('found an array.');
    expect(await found('{"ms":250}')).to.include('found an object.');
    expect(await found('1e999')).to.include('found number 1e999.');
    expect(await found('"low"')).to.include('found string "low".');
    expect(await found('-1')).to.include('found number -1.');
  });

  it('a null timeout at the top of constants.system is kept as null (no timeout), not taken as a deletion', async () => {
    const created = await put({ ...member({}), constants: { system: { reservedRemovalTimeout: null } } });
    expect(created.status, created.text).to.equal(201);
    expect(JSON.parse(created.text).constants.system).to.have.property('reservedRemovalTimeout', null);
  });

  it('turn holds at most 100 indices: 100 pass, 101 are 400', async () => {
    await put(member({}));
    expect((await put({ properties: { system: { turn: new Array(100).fill(0) } } })).status).to.equal(200);
    expect((await put({ properties: { system: { turn: new Array(101).fill(0) } } })).status).to.equal(400);
  });

  it('a string holds at most 10,000 characters, and a subscription at most 20 change types', async () => {
    await put(member({}));
    expect((await put(member({ secureDeviceAddress: 'A'.repeat(10_000) }))).status).to.equal(200);
    expect((await put(member({ secureDeviceAddress: 'A'.repeat(10_001) }))).status).to.equal(400);
    const types = (n: number) => ({
      subscription: { id: '5a1ce000-0000-4000-8000-00000000a11c', changeTypes: new Array(n).fill('everything') },
    });
    expect((await put(member(types(20)))).status).to.equal(200);
    expect((await put(member(types(21)))).status).to.equal(400);
  });
});
