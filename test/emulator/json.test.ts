import { expect } from 'chai';
import fc from 'fast-check';
import { LosslessNumber, parse, stringify } from 'lossless-json';
import { parseJson, stringifyJson } from '../../emulator/json';

/** lossless-json alone, as the emulator parsed and wrote before the native fast path: the reference. */
const keepText = (text: string) => (String(Number(text)) === text ? Number(text) : new LosslessNumber(text));
const reference = {
  parse: (text: string) => parse(text, null, keepText),
  stringify: (value: unknown) =>
    stringify(value, undefined, undefined, [
      { test: (v: unknown) => v instanceof LosslessNumber, stringify: (v) => (v as LosslessNumber).value },
    ]),
};
const outcome = (run: () => unknown) => {
  try {
    return { value: run() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

/** Documents that stress the native writer: kept numbers, keys inside strings, escapes, __proto__. */
const trickyTexts = fc.oneof(
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{"a":1,"a":2}',
    '{"a":1,"a":1}',
    '{"a":{"b":1,"b":1}}',
    '{"id":2667261543315367301}',
    '{"x":1.0,"y":1e3,"z":-0}',
    '{"s":"\\":","t":"a\\\\","u":"\\"\\":"}',
    '{"__proto__":{"a":1}}',
    '{"a": 1 , "b" :[1,2,{"c":true}]}',
    '{"a":}',
    '{"a":"unterminated}',
    '[1,2,3]',
    '',
  ),
);

/** Texts on the edges of the native fast path: plain integers of 15 and 16 digits, -0, keys given twice, colons in strings. */
const edgeTexts = fc.oneof(
  fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map((n) => `{"n":${n},"m":[${n}]}`),
  fc.integer({ min: 0, max: 3 }).map((depth) => `${'{"a":'.repeat(depth)}{"k":1,"k":1}${'}'.repeat(depth)}`),
  fc.string().map((key) => `{${JSON.stringify(key)}:1,"x":"${key.length}:"}`),
  fc.constantFrom(
    '{"a":-0}',
    '{"a":0}',
    '{"a":-1}',
    '{"a":012}',
    '{"a":1E2}',
    '{"a":9007199254740993}',
    '{"a":-9007199254740993}',
    '{"a":"\\"}',
    '{"a":[],"b":{}}',
    '{"a":-}',
  ),
);

describe('the emulator parses JSON exactly as lossless-json does', () => {
  it('gives the same value, or the same error, for every text (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(trickyTexts, edgeTexts), (text) => {
        expect(outcome(() => parseJson(text))).to.deep.equal(outcome(() => reference.parse(text)));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads plain integers as numbers and keeps what a number would change as written', () => {
    const text = '{"a":123456789012345,"b":-7,"c":9007199254740993,"d":1.50,"e":1e3,"f":-0}';
    const parsed = parseJson(text) as Record<string, unknown>;
    expect([parsed.a, parsed.b]).to.deep.equal([123456789012345, -7]);
    for (const key of ['c', 'd', 'e', 'f']) expect(parsed[key], key).to.be.an.instanceOf(LosslessNumber);
    expect(stringifyJson(parsed)).to.equal(text);
  });
});

describe('the emulator writes JSON exactly as lossless-json does', () => {
  it('writes every value, kept numbers included, to the same text (fast-check)', () => {
    fc.assert(
      fc.property(trickyTexts, (text) => {
        const parsed = outcome(() => reference.parse(text));
        if ('value' in parsed) expect(stringifyJson(parsed.value)).to.equal(reference.stringify(parsed.value));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a 64-bit id and 1.0 as written, and refuses a key given twice with two values', () => {
    expect(stringifyJson(parseJson('{"id":2667261543315367301,"w":1.0,"n":[7]}'))).to.equal('{"id":2667261543315367301,"w":1.0,"n":[7]}');
    expect(() => parseJson('{"a":1,"a":2}')).to.throw(/Duplicate key 'a'/);
  });
});
