import { expect } from 'chai';
import type { Har, HarEntry } from '../../../harness/recording/har';
import { principalResolver } from '../../../harness/recording/matching';
import { recordingText, renderRecording } from '../../../harness/recording/write-recording';

const TOKEN = 'XBL3.0 x=123456;eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmno';

function har(): Har {
  return {
    log: {
      version: '1.2',
      _recordingName: 'suite/test',
      creator: { name: 'Polly.JS' },
      entries: [
        {
          _id: 'a',
          _order: 0,
          startedDateTime: '2026-11-24T08:00:00.123Z',
          time: 12,
          timings: { wait: 12 },
          request: {
            method: 'PUT',
            url: 'http://127.0.0.1:41234/handles/x/session',
            headers: [
              { name: 'Authorization', value: TOKEN },
              { name: 'Signature', value: 'sig' },
              { name: 'Cookie', value: 'c=1' },
              { name: 'host', value: '127.0.0.1:41234' },
            ],
            cookies: [{ name: 'c', value: '1' }],
            postData: { mimeType: 'application/json', text: `{"note":"${TOKEN}"}` },
          },
          response: {
            status: 200,
            headers: [
              { name: 'Set-Cookie', value: 'session=abc' },
              { name: 'etag', value: 'E1' },
            ],
            cookies: [{ name: 'session' }],
            content: { text: '{}' },
          },
        },
      ],
    },
  };
}

describe('the recording as committed (sanitize-har, write-recording)', () => {
  const principalOf = principalResolver([{ name: 'alice', authorization: TOKEN }]);
  let clean: Har;
  let entry: HarEntry;
  before(async () => {
    clean = JSON.parse(
      recordingText(
        await renderRecording(har(), {
          principalOf,
          origin: { from: 'http://127.0.0.1:41234', to: 'http://mpsd-emulator.invalid' },
          metadata: { provenance: {}, inputs: {} },
        }),
      ),
    );
    entry = clean.log.entries[0];
  });

  it('keeps no token, signature or cookie anywhere', () => {
    const text = JSON.stringify(clean);
    expect(text).to.not.include('123456;');
    expect(text).to.not.include('eyJ');
    expect(text).to.not.include('sig"');
    expect(text).to.not.include('c=1');
    expect(text).to.not.include('session=abc');
  });

  it('replaces Authorization with the name of the principal that sent it', () => {
    expect(entry.request.headers[0]).to.deep.equal({ name: 'Authorization', value: '<redacted principal=alice>' });
  });

  it('replaces the emulator origin and host, and fixes timings', () => {
    expect(entry.request.url).to.equal('http://mpsd-emulator.invalid/handles/x/session');
    expect(entry.request.headers[3].value).to.equal('mpsd-emulator.invalid');
    expect(entry.startedDateTime).to.equal('2026-01-01T00:00:00.000Z');
    expect(entry.time).to.equal(0);
  });

  it('keeps what the contract is about', () => {
    expect(entry.response.headers[1]).to.deep.equal({ name: 'etag', value: 'E1' });
    expect(entry.response.status).to.equal(200);
  });
});
