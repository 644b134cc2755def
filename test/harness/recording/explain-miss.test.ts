import { expect } from 'chai';
import { explainMiss } from '../../../harness/recording/explain-miss';
import type { HarEntry } from '../../../harness/recording/har';
import { principalResolver, requestIdentity } from '../../../harness/recording/matching';

const identityOfRequest = (
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  principalOf: ReturnType<typeof principalResolver>,
) => requestIdentity({ method, url, headers, body }, principalOf);

const principalOf = principalResolver([
  { name: 'alice', authorization: 'XBL3.0 x=a;t' },
  { name: 'bob', authorization: 'XBL3.0 x=b;t' },
]);

function entry(method: string, url: string, body: string | undefined, principal = 'alice', version = '107'): HarEntry {
  return {
    _id: 'x',
    _order: 0,
    startedDateTime: '',
    time: 0,
    timings: {},
    request: {
      method,
      url,
      cookies: [],
      headers: [
        { name: 'authorization', value: `<redacted principal=${principal}>` },
        { name: 'x-xbl-contract-version', value: version },
      ],
      ...(body ? { postData: { text: body } } : {}),
    },
    response: { status: 200, headers: [], cookies: [], content: {} },
  };
}

describe('explainMiss', () => {
  const entries = [
    entry('POST', 'http://mpsd-emulator.invalid/handles', '{"type":"activity"}'),
    entry('PUT', 'http://mpsd-emulator.invalid/handles/h1/session', '{"members":{"me":{"properties":{"system":{"active":true}}}}}'),
  ];
  const base = { recordingPath: 'recordings/a/recording.har', entries, order: 0, rerecordCommand: 'npm run record -- --grep "^a$"' };

  it('points at the closest entry and the JSON path that differs', () => {
    const request = identityOfRequest(
      'PUT',
      'http://mpsd-emulator.invalid/handles/h1/session',
      { authorization: 'XBL3.0 x=a;t', 'x-xbl-contract-version': '107' },
      '{"members":{"me":{"properties":{"system":{"ready":true}}}}}',
      principalOf,
    );
    const message = explainMiss({ ...base, request }, principalOf);
    expect(message).to.include('recording: recordings/a/recording.har (2 entries)');
    expect(message).to.include('closest:   entry 2: PUT /handles/h1/session as alice');
    expect(message).to.include('body/members/me/properties/system/active: (absent) here, true recorded');
    expect(message).to.include('body/members/me/properties/system/ready: true here, (absent) recorded');
    expect(message).to.include('npm run record -- --grep "^a$"');
  });

  it('names a different principal, never its token', () => {
    const request = identityOfRequest(
      'POST',
      'http://h/handles',
      { authorization: 'XBL3.0 x=b;t', 'x-xbl-contract-version': '107' },
      '{"type":"activity"}',
      principalOf,
    );
    const message = explainMiss({ ...base, request }, principalOf);
    expect(message).to.include('principal: bob here, alice recorded');
    expect(message).to.not.include('XBL3.0');
  });

  it('says when only the sequence differs', () => {
    const request = identityOfRequest(
      'POST',
      'http://h/handles',
      { authorization: 'XBL3.0 x=a;t', 'x-xbl-contract-version': '107' },
      '{"type":"activity"}',
      principalOf,
    );
    expect(explainMiss({ ...base, request, order: 1 }, principalOf)).to.include('only in sequence');
  });

  it('says when the recording file does not exist', () => {
    const request = identityOfRequest('GET', 'http://h/handles/x/session', {}, undefined, principalOf);
    const message = explainMiss({ ...base, entries: undefined, request }, principalOf);
    expect(message).to.include('(file does not exist)');
    expect(message).to.include('as none');
  });
});
