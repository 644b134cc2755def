/**
 * Replay cost as recordings grow, and what loading and persisting a large recording costs (issue 12.2):
 * the same 10 requests answered from a 10-entry and a 5,000-entry recording, and the longest the event
 * loop is held while a 5,000-entry recording is persisted and loaded.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createEmulator } from '../emulator';
import { HttpMpsdClient } from '../harness/client/mpsd-client';
import { MODES } from '../harness/config';
import { principalResolver } from '../harness/recording/matching';
import { recordingFileFor, startRecording } from '../harness/recording/recording-session';
import { median, principals, ratio, sessionRef, settings } from './common';

const LARGE = Number(process.env.BENCH_LARGE ?? 5000);
// Ten requests a round are few, so more rounds: the medians need them on a noisy machine.
const ROUNDS = Number(process.env.BENCH_SIZE_ROUNDS ?? 21);

/** Run `work` while sampling the event loop: the longest stall in ms, and the wall time. */
async function stall(work: () => Promise<unknown>): Promise<{ wallMs: number; longestStallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, 5)); // the monitor's timer must be running first
  const start = performance.now();
  await work();
  const wallMs = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 5)); // let the monitor see the last stall end
  histogram.disable();
  return { wallMs: Math.round(wallMs), longestStallMs: Math.round(histogram.max / 1e6) };
}

export async function measureRecordingSize() {
  const emulator = createEmulator();
  const direct = new HttpMpsdClient(settings(await emulator.start()));
  const dir = mkdtempSync(join(tmpdir(), 'mpsd-bench-size-'));
  const open = (name: string, mode: 'record' | 'replay') =>
    startRecording({
      name,
      mode: MODES[mode],
      recordingsDir: dir,
      target: 'emulator',
      principalOf: principalResolver(principals),
      rerecordCommand: '-',
    });
  try {
    await direct.putSession(sessionRef, { members: { me: { properties: { system: { active: true } } } } });
    const record = async (name: string, entries: number) => {
      const recording = open(name, 'record');
      for (let i = 0; i < entries; i += 1) await direct.getSession(sessionRef, { query: { i: String(i) } });
      return stall(() => recording.stop({ failed: false }));
    };
    await record('bench/small', 11); // one to load the file, ten to time
    const persist = await record('bench/large', LARGE);
    const replay = async (name: string) => {
      let recording: ReturnType<typeof open> | undefined;
      const client = new HttpMpsdClient(settings('http://bench.invalid'));
      const load = await stall(async () => {
        recording = open(name, 'replay');
        await client.getSession(sessionRef, { query: { i: '0' } }); // the first lookup loads the file
      });
      const start = performance.now();
      for (let i = 1; i <= 10; i += 1) await client.getSession(sessionRef, { query: { i: String(i) } });
      const perRequestUs = ((performance.now() - start) * 1000) / 10;
      await recording?.stop({ failed: false });
      return { load, perRequestUs };
    };
    const small: number[] = [];
    const large: number[] = [];
    const loads: { wallMs: number; longestStallMs: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      small.push((await replay('bench/small')).perRequestUs);
      const big = await replay('bench/large');
      large.push(big.perRequestUs);
      loads.push(big.load);
    }
    return {
      entries: LARGE,
      fileMb: Number((statSync(await recordingFileFor('bench/large', dir)).size / 2 ** 20).toFixed(1)),
      perRequestUs: { small: Math.round(median(small)), large: Math.round(median(large)) },
      growth: ratio(median(large), median(small)),
      persist,
      load: { wallMs: median(loads.map((l) => l.wallMs)), longestStallMs: median(loads.map((l) => l.longestStallMs)) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulator.stop();
  }
}

if (require.main === module) measureRecordingSize().then((r) => console.log(JSON.stringify(r, null, 2)));
