import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { principalResolver } from '../../../harness/recording/matching';
import { recordingText, renderRecording, writeRecording } from '../../../harness/recording/write-recording';

/** A recording of n GETs, each answered with its index: more than one chunk of 250 entries when n is large. */
function recorded(n: number, answer = (i: number) => `{"i":${i}}`) {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Polly.JS' },
      entries: Array.from({ length: n }, (_, i) => ({
        _id: `id${i}`,
        _order: 0,
        startedDateTime: '2026-11-24T08:00:00.000Z',
        time: 1,
        request: { method: 'GET', url: `http://127.0.0.1:1/handles/h${i}/session`, headers: [] },
        response: { status: 200, headers: [], content: { mimeType: 'application/json', text: answer(i) } },
      })),
    },
  };
}

const render = (n: number, recordedAt: string, answer?: (i: number) => string) =>
  renderRecording(recorded(n, answer), {
    principalOf: principalResolver([]),
    metadata: { provenance: { recordedAt }, inputs: {} } as never,
  });

describe('writing a recording in pieces (write-recording)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mpsd-write-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes, in chunks, exactly the text of the recording: valid JSON with every entry in order', async () => {
    const file = join(dir, 'r', 'recording.har');
    const parts = await render(600, '2026-01-01T00:00:00.000Z');
    expect(await writeRecording(file, parts)).to.equal('created');
    const text = readFileSync(file, 'utf8');
    expect(text).to.equal(recordingText(parts));
    const entries = (JSON.parse(text) as { log: { entries: { response: { content: { text: string } } }[] } }).log.entries;
    expect(entries.map((e) => e.response.content.text)).to.deep.equal(Array.from({ length: 600 }, (_, i) => `{"i":${i}}`));
    expect(readdirSync(join(dir, 'r'))).to.deep.equal(['recording.har']); // no temp file left
  });

  it('leaves a recording alone when only its date would change, and rewrites it when an entry does', async () => {
    const file = join(dir, 'recording.har');
    await writeRecording(file, await render(300, '2026-01-01T00:00:00.000Z'));
    const before = readFileSync(file, 'utf8');
    expect(await writeRecording(file, await render(300, '2026-02-02T00:00:00.000Z'))).to.equal('unchanged');
    expect(readFileSync(file, 'utf8')).to.equal(before);
    const changedLate = await render(300, '2026-02-02T00:00:00.000Z', (i) => (i === 299 ? '{"i":"late"}' : `{"i":${i}}`));
    expect(await writeRecording(file, changedLate)).to.equal('updated');
    expect(readFileSync(file, 'utf8')).to.equal(recordingText(changedLate));
  });

  it('renders an empty recording as an empty entry list', async () => {
    const parts = await render(0, '2026-01-01T00:00:00.000Z');
    expect((JSON.parse(recordingText(parts)) as { log: { entries: unknown[] } }).log.entries).to.deep.equal([]);
  });
});
