import { expect } from 'chai';
import { LosslessNumber } from 'lossless-json';
import { describeViolation } from '../../harness/schema/describe-violation';
import { ref, useEmulator } from './use-emulator';

const path = (name: string) => `/serviceconfigs/${ref(name).scid}/sessiontemplates/standard-lobby/sessions/${name}`;
const me = '"members":{"me":{"properties":{"system":{"active":true}}}}';

/** Issue 19.14 and 19.15: numbers kept as written are told apart by their class, never by their shape. */
describe('numbers kept as written, in the emulator and in the harness', () => {
  const fixture = useEmulator();

  it('[19.14] a custom bag set to a number beyond 2^53 is refused as a number, not taken for an object', async () => {
    const answer = await fixture.raw({
      method: 'PUT',
      path: path('big'),
      headers: { 'content-type': 'application/json' },
      body: `{${me},"properties":{"custom":9007199254740993}}`,
    });
    expect(answer.status).to.equal(400);
    expect(answer.text).to.include('properties.custom must be an object');
  });

  it('[19.14] an object shaped like a kept number stays an object, whatever its value; never a 500', async () => {
    for (const value of ['"12"', '"x"']) {
      const body = `{${me},"properties":{"custom":{"look":{"isLosslessNumber":true,"value":${value}}}}}`;
      const answer = await fixture.raw({
        method: 'PUT',
        path: path(`shaped-${value.length}`),
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(answer.status, answer.text).to.equal(201);
      expect(answer.text).to.include(`"look":{"isLosslessNumber":true,"value":${value}}`);
    }
  });

  it('[19.14] a 64-bit id in a custom bag survives a write and a read byte for byte', async () => {
    const body = `{${me},"properties":{"custom":{"id":2667261543315367301,"ratio":1.0}}}`;
    await fixture.raw({ method: 'PUT', path: path('ids'), headers: { 'content-type': 'application/json' }, body });
    const read = await fixture.raw({ method: 'GET', path: path('ids') });
    expect(read.text).to.include('"id":2667261543315367301').and.include('"ratio":1.0');
  });

  it('a 64-bit id in session and member constants comes back byte for byte at 107 and 105, and on every read', async () => {
    // Constants are the parts whose text the emulator keeps between versions (render.ts): kept numbers must survive that too.
    const body = `{"constants":{"custom":{"seed":2667261543315367301}},"members":{"me":{"constants":{"custom":{"mmr":1.50}},"properties":{"system":{"active":true}}}}}`;
    const put = await fixture.raw({ method: 'PUT', path: path('constant-ids'), headers: { 'content-type': 'application/json' }, body });
    expect(put.status, put.text).to.equal(201);
    const write = await fixture.raw({
      method: 'PUT',
      path: path('constant-ids'),
      headers: { 'content-type': 'application/json' },
      body: '{"properties":{"custom":{"round":2}}}',
    });
    for (const contractVersion of ['107', '105', '107']) {
      const read = await fixture.raw({ method: 'GET', path: path('constant-ids'), headers: { 'x-xbl-contract-version': contractVersion } });
      for (const answer of [write, read]) expect(answer.text).to.include('"seed":2667261543315367301').and.include('"mmr":1.50');
    }
  });

  it('[19.15] 1e308 is reported as the number it is, not as "an object"', () => {
    const line = describeViolation({ instancePath: '/x', value: new LosslessNumber('1e308'), expected: 'maximum 10', schemaPath: '#/x' });
    expect(line).to.include('found 1e308 (number)');
  });
});
