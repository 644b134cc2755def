import { expect } from 'chai';
import { rtaFrameFailure, rtaFrameProblem } from '../../../harness/checks/rta-frame-is-documented';

/** As MPSD sends it: the session named scid~template~name. */
const tap = { resourceType: 'mpsd/session', resource: 'scid~lobby~name', changeNumber: 2 };

/** The RTA protocol, frame by frame: a JSON array whose first item names its kind. */
describe('rta-frame-is-documented', () => {
  it('passes every documented kind: subscribe and unsubscribe answers, events with shoulder taps, resync', () => {
    for (const frame of [[1, 7, 0, 3, {}], [1, 7, 1], [2, 8, 0], [3, 3, { shoulderTaps: [tap] }], [4]]) {
      expect(rtaFrameProblem(JSON.stringify(frame)), JSON.stringify(frame)).to.equal(undefined);
    }
  });

  const broken: [string, string, RegExp][] = [
    ['text that is not JSON', 'hello', /not JSON: "hello"/],
    ['JSON that is not an array', '{"a":1}', /not a JSON array: \{"a":1\}/],
    ['an answer without an integer sequence', '[1,"7",0,3]', /integer sequence and status/],
    ['an answer without an integer status', '[2,7,"ok"]', /integer sequence and status/],
    ['a successful subscribe answer without its subscription id', '[1,7,0]', /needs its subscription id/],
    ['an event without its subscription id', `[3,"x",${JSON.stringify({ shoulderTaps: [tap] })}]`, /integer subscription id/],
    ['an event whose taps break the schema', '[3,3,{"shoulderTaps":[{"resource":"r"}]}]', /breaks the RtaShoulderTaps schema:\n {4}\S/],
    ['a frame of an unknown kind', '[9,1]', /unknown kind 9: \[9,1\]/],
  ];
  for (const [what, text, problem] of broken) {
    it(`names ${what}`, () => expect(rtaFrameProblem(text)).to.match(problem));
  }

  it('quotes at most 120 characters of the frame it refuses, whatever is wrong with it', () => {
    const padding = 'x'.repeat(500);
    for (const long of [
      `hello ${padding}`,
      `{"a":"${padding}"}`,
      `[1,"7",0,"${padding}"]`,
      `[1,7,0,"${padding}"]`,
      `[3,"x","${padding}"]`,
      `[9,"${padding}"]`,
    ]) {
      const problem = rtaFrameProblem(long) ?? '';
      expect(problem, long.slice(0, 12)).to.include('x'.repeat(100));
      expect(problem.length, long.slice(0, 12)).to.be.below(200);
    }
  });

  it('a problem becomes a check failure with the problem as its param', () => {
    expect(rtaFrameFailure('a problem')).to.deep.equal({
      check: 'rta-frame-is-documented',
      params: { problem: 'a problem' },
      message: 'a problem',
    });
  });
});
