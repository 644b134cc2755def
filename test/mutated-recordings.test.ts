import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { harFiles } from '../harness/lint/lint-recordings';
import type { Har } from '../harness/recording/har';
import { runSpecs } from './support/run-specs';

const ROOT = join(__dirname, '..');
const SPECS = ['specs'];

/** Copy recordings/ to a temp dir, apply `mutate` to every HAR, replay the catalogue against the copy. */
async function replayMutated(mutate: (har: Har) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'mpsd-mutated-'));
  try {
    cpSync(join(ROOT, 'recordings'), dir, { recursive: true });
    for (const file of harFiles(dir)) {
      const har = JSON.parse(readFileSync(file, 'utf8')) as Har;
      mutate(har);
      writeFileSync(file, JSON.stringify(har));
    }
    return await runSpecs(SPECS, { MPSD_RECORDINGS_DIR: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every scenario must be able to fail: replayed from recordings whose answers were broken on purpose,
 * each one reports a failure. A scenario that passed here would assert nothing about its answer.
 */
describe('mutated recordings fail every scenario', function () {
  this.timeout(120000);

  it('the unmutated recordings pass', async () => {
    const result = await replayMutated(() => {});
    expect(result.failures.map((f) => f.fullTitle)).to.deep.equal([]);
    expect(result.passes.length).to.be.greaterThan(30);
  });

  it('a changed status code in the last answer fails each scenario', async () => {
    const result = await replayMutated((har) => {
      const http = har.log.entries.filter((e) => e._resourceType !== 'websocket');
      if (http.length > 0) http[http.length - 1].response.status = 418;
    });
    expect(
      result.passes.map((p) => p.fullTitle).filter((t) => !/gives a connection id/.test(t)), // that one makes no HTTP request
      'these scenarios ignore the status of their last answer',
    ).to.deep.equal([]);
    for (const failure of result.failures) expect(failure.err.message, failure.fullTitle).to.include('418');
  });

  it('a session body with a wrong type fails each scenario that reads one (all but those that see no session), naming the path', async () => {
    const result = await replayMutated((har) => {
      for (const entry of har.log.entries) {
        const text = entry.response.content.text;
        if (text?.startsWith('{"contractVersion"'))
          entry.response.content.text = text.replace(/"changeNumber":(\d+)/, '"changeNumber":"$1"');
      }
    });
    const failed = result.failures.map((f) => f.err.message);
    expect(failed.length).to.be.greaterThan(30);
    expect(
      result.passes.every((p) =>
        /unknown handle|malformed handle|template constant cannot|people together|does not support|keywords on a private|capability pairings|templates of a service config|gives a connection id/.test(
          p.fullTitle,
        ),
      ),
      result.passes.map((p) => p.fullTitle).join('; '),
    ).to.equal(true);
    for (const message of failed) expect(message).to.include('at /changeNumber');
  });

  it('an RTA answer without its ConnectionId fails each scenario that opens a websocket', async () => {
    const result = await replayMutated((har) => {
      for (const entry of har.log.entries) {
        for (const message of (entry._webSocketMessages ?? []) as { data: string }[])
          message.data = message.data.replace('"ConnectionId"', '"connectionid"');
      }
    });
    const rta = [...result.passes, ...result.failures].filter((t) => t.fullTitle.startsWith('Real-time activity'));
    expect(rta.length).to.be.greaterThan(3);
    expect(result.passes.filter((p) => p.fullTitle.startsWith('Real-time activity')).map((p) => p.fullTitle)).to.deep.equal([]);
  });
});
