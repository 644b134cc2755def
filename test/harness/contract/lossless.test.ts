import { expect } from 'chai';
import { toExchange } from '../../../harness/contract/exchange';
import { classifyExchange } from '../../../harness/drift/classify';
import { canonicalBody } from '../../../harness/recording/canonical-json';
import type { HarEntry } from '../../../harness/recording/har';
import { principalResolver, requestIdentity } from '../../../harness/recording/matching';
import { sampleSession } from '../fixtures';

/** Issue 8.6: the harness compares numbers as written, so a rounded 64-bit id is a difference. */
describe('numbers compared as written', () => {
  const principalOf = principalResolver([]);
  const id = (body: string) => requestIdentity({ method: 'PUT', url: '/x', headers: {}, body }, principalOf);

  it('matching tells two 64-bit ids apart that JavaScript numbers would merge, and keeps 1.0', () => {
    expect(id('{"n":2667261543315367301}')).to.not.deep.equal(id('{"n":2667261543315367300}'));
    expect(canonicalBody('{"b":1.0,"a":2667261543315367301}')).to.equal('{"a":2667261543315367301,"b":1.0}');
  });

  it('drift reports a custom id rounded on its way back', () => {
    const text = (n: string) => JSON.stringify(sampleSession()).replace('"custom":{}}', `"custom":{"netherNetId":${n}}}`);
    const recorded = {
      request: { method: 'GET', url: 'http://x/handles/h/session', headers: [] },
      response: {
        status: 200,
        headers: [{ name: 'content-type', value: 'application/json' }],
        content: { text: text('2667261543315367301') },
      },
    } as unknown as HarEntry;
    const fresh = toExchange(
      { method: 'GET', path: '/handles/h/session', headers: {} },
      { status: 200, headers: { 'content-type': 'application/json' }, text: text('2667261543315367300') },
    );
    const items = classifyExchange(recorded, fresh, 1);
    expect(items.map((i) => `${i.change} at ${i.at}`)).to.include('value changed at /constants/custom/netherNetId');
    expect(items.find((i) => i.at === '/constants/custom/netherNetId')).to.include({
      recorded: '2667261543315367301',
      fresh: '2667261543315367300',
    });
  });
});
