import { isDeepStrictEqual } from 'node:util';
import { expect } from 'chai';
import fc from 'fast-check';
import { parseJson } from '../../emulator/json';
import { clone } from '../../emulator/model';
import { deepEqual } from '../../emulator/session/bags';

/**
 * deepEqual decides whether a PUT changed the session (no change: no new ETag, section 4) and whether
 * constants were restated or changed (409). It walks without key lists for speed; Node's own deep
 * equality is the reference on parsed JSON, where the two must agree.
 */
const json = fc.jsonValue({ maxDepth: 4 });

describe('the emulator compares JSON values as Node does', () => {
  it('agrees with util.isDeepStrictEqual on any two JSON values (fast-check)', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(deepEqual(a, b)).to.equal(isDeepStrictEqual(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('finds a value equal to its copy, and unequal once one key is added, removed or changed', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json, { minKeys: 1 }), fc.string(), (value, extra) => {
        expect(deepEqual(value, clone(value))).to.equal(true);
        const [first] = Object.keys(value);
        const fewer = clone(value);
        delete fewer[first];
        expect(deepEqual(value, fewer), 'a key fewer').to.equal(false);
        expect(deepEqual(fewer, value), 'a key more').to.equal(false);
        if (!Object.hasOwn(value, extra)) expect(deepEqual(value, { ...clone(value), [extra]: null }), 'another key').to.equal(false);
        expect(deepEqual(value, { ...clone(value), [first]: [value[first]] }), 'a changed value').to.equal(false);
      }),
      { numRuns: 300 },
    );
  });

  it('ignores key order, tells arrays from objects, and compares kept numbers by their text', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).to.equal(true);
    expect(deepEqual([1, 2], { 0: 1, 1: 2 })).to.equal(false);
    expect(deepEqual({ 0: 1, 1: 2 }, [1, 2])).to.equal(false);
    expect(deepEqual([1, 2], [2, 1])).to.equal(false);
    expect(deepEqual(null, {})).to.equal(false);
    const big = (text: string) => (parseJson(`{"n":${text}}`) as { n: unknown }).n;
    expect(deepEqual(big('2667261543315367301'), big('2667261543315367301'))).to.equal(true);
    expect(deepEqual(big('2667261543315367301'), big('2667261543315367302'))).to.equal(false);
    expect(deepEqual(big('1.0'), 1)).to.equal(false); // 1.0 is kept as written: a client that sent it reads it back so
  });
});
