/**
 * What one request costs on each path the harness uses (issue 12.1), side by side in one run (rounds
 * interleaved, medians), as ratios to a direct node:http request to the embedded emulator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import nock from 'nock';
import { createEmulator } from '../emulator';
import { createClient as createFetchClient } from '../examples/fetch-client';
import { runResponseChecks } from '../harness/checks';
import { HttpMpsdClient, type MpsdClient } from '../harness/client/mpsd-client';
import { MODES, type Mode } from '../harness/config';
import { principalResolver } from '../harness/recording/matching';
import { startRecording } from '../harness/recording/recording-session';
import { median, principals, ratio, sessionRef, settings } from './common';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

async function perRequestUs(client: MpsdClient): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < REQUESTS; i += 1) await client.getSession(sessionRef);
  return ((performance.now() - start) * 1000) / REQUESTS;
}

const TRANSPORT = 'nock with a fixed reply, no Polly (the transport replay rides on)';

/** Answer every request to bench.invalid with the sample, through nock alone, for the length of `run`. */
async function withFixedReply<T>(
  sample: { response: { status: number; text: string; headers: Record<string, string> } },
  run: () => Promise<T>,
): Promise<T> {
  nock.activate(); // Polly's node-http adapter keeps nock inactive between its own connections
  nock('http://bench.invalid').persist().get(/.*/).reply(sample.response.status, sample.response.text, sample.response.headers);
  try {
    return await run();
  } finally {
    nock.cleanAll();
    nock.restore();
  }
}

export async function measureReplay() {
  const emulator = createEmulator();
  const base = await emulator.start();
  const direct = new HttpMpsdClient(settings(base));
  const directFetch = createFetchClient(settings(base));
  const dir = mkdtempSync(join(tmpdir(), 'mpsd-bench-'));
  const session = (mode: Mode) =>
    startRecording({
      name: 'bench/get',
      mode: MODES[mode],
      recordingsDir: dir,
      target: 'emulator',
      principalOf: principalResolver(principals),
      rerecordCommand: '-',
    });
  try {
    await direct.putSession(sessionRef, { members: { me: { properties: { system: { active: true } } } } });
    const recording = session('record'); // N identical GETs: order matching needs N entries
    await perRequestUs(direct);
    await recording.stop({ failed: false });
    const sample = await direct.getSession(sessionRef);
    const replayed = (client: () => MpsdClient) => async () => {
      const r = session('replay');
      const t = await perRequestUs(client());
      await r.stop({ failed: false });
      return t;
    };
    const paths: Record<string, () => Promise<number>> = {
      'direct node:http to the emulator': () => perRequestUs(direct),
      'direct fetch to the emulator (examples/fetch-client)': () => perRequestUs(directFetch),
      'replay, node-http adapter': replayed(() => new HttpMpsdClient(settings('http://bench.invalid'))),
      'replay, fetch adapter (examples/fetch-client)': replayed(() => createFetchClient(settings('http://bench.invalid'))),
      // Where a replay's cost goes: the same client through nock with a fixed answer, no Polly at all.
      [TRANSPORT]: () => withFixedReply(sample, () => perRequestUs(new HttpMpsdClient(settings('http://bench.invalid')))),
      'automatic response checks only (no I/O)': async () => {
        const start = performance.now();
        for (let i = 0; i < REQUESTS; i += 1) runResponseChecks(sample);
        return ((performance.now() - start) * 1000) / REQUESTS;
      },
    };
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
    for (let round = 0; round < ROUNDS; round += 1) for (const [name, run] of Object.entries(paths)) samples[name].push(await run());
    const directUs = median(samples['direct node:http to the emulator']);
    const fetchLive = median(samples['direct fetch to the emulator (examples/fetch-client)']);
    const fetchReplay = median(samples['replay, fetch adapter (examples/fetch-client)']);
    return {
      method: `${REQUESTS} sequential GETs of one ${sample.response.text.length}-byte session, ${ROUNDS} interleaved rounds, medians`,
      rows: Object.entries(samples).map(([path, xs]) => ({
        path,
        perRequestUs: Math.round(median(xs)),
        ratioToDirect: ratio(median(xs), directUs),
      })),
      // A client's replay against the same client's live request: fetch pays for undici and web streams live.
      fetchReplayToFetchLive: ratio(fetchReplay, fetchLive),
      // What Polly's pipeline (and its adapter) adds on top of the transport, against a whole direct request.
      pollyOverTransportToDirect: ratio(median(samples['replay, node-http adapter']) - median(samples[TRANSPORT]), directUs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulator.stop();
  }
}

if (require.main === module) measureReplay().then((r) => console.log(JSON.stringify(r, null, 2)));
