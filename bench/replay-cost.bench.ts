/**
 * npm run bench: what one request costs on each path the harness uses, measured side by side in one
 * run (rounds interleaved, medians), reported as ratios to a direct node:http request. The machines
 * are small and noisy: compare the ratios, not the microseconds.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEmulator } from '../emulator';
import { createClient as createFetchClient } from '../examples/fetch-client';
import { runResponseChecks } from '../harness/checks';
import { HttpMpsdClient, type MpsdClient } from '../harness/client/mpsd-client';
import { loadConfig, reportsDir } from '../harness/config';
import { EMBEDDED_PROFILE } from '../harness/target';
import { principalResolver } from '../harness/recording/matching';
import { type Mode, MODES } from '../harness/config';
import { startRecording } from '../harness/recording/recording-session';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LARGE = Number(process.env.BENCH_LARGE ?? 5000);
const principals = Object.values(loadConfig({}, EMBEDDED_PROFILE).principals).map((p) => p!);
const settings = (baseUrl: string) => ({ baseUrl, contractVersion: 107, authorizations: Object.fromEntries(principals.map((p) => [p.name, p.authorization])), defaultPrincipal: 'alice' as const });
const ref = { scid: EMBEDDED_PROFILE.scid, templateName: 'standard-lobby', name: 'bench' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeRequests(client: MpsdClient): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < REQUESTS; i += 1) await client.getSession(ref);
  return ((performance.now() - start) * 1000) / REQUESTS; // microseconds per request
}

async function main(): Promise<void> {
  const emulator = createEmulator();
  const url = await emulator.start();
  const dir = mkdtempSync(join(tmpdir(), 'mpsd-bench-'));
  const direct = new HttpMpsdClient(settings(url));
  await direct.putSession(ref, { members: { me: { properties: { system: { active: true } } } } });
  const session = (mode: Mode) => startRecording({ name: 'bench/get', mode: MODES[mode], recordingsDir: dir, target: 'emulator', principalOf: principalResolver(principals), rerecordCommand: '-' });

  const recording = session('record'); // N identical GETs: order matching needs N entries
  await timeRequests(direct);
  await recording.stop({ failed: false });
  const sample = await direct.getSession(ref);

  const paths: Record<string, () => Promise<number>> = {
    'direct node:http to the emulator': () => timeRequests(direct),
    'replay, node-http adapter': async () => {
      const r = session('replay');
      const t = await timeRequests(new HttpMpsdClient(settings('http://bench.invalid')));
      await r.stop({ failed: false });
      return t;
    },
    'replay, fetch adapter (examples/fetch-client)': async () => {
      const r = session('replay');
      const t = await timeRequests(createFetchClient(settings('http://bench.invalid')));
      await r.stop({ failed: false });
      return t;
    },
    'automatic response checks only (no I/O)': async () => {
      const start = performance.now();
      for (let i = 0; i < REQUESTS; i += 1) runResponseChecks(sample);
      return ((performance.now() - start) * 1000) / REQUESTS;
    },
  };
  // Replay cost as recordings grow: the same 10 requests answered from a 10-entry and a 5,000-entry recording.
  const sized = async (name: string, entries: number) => {
    const r = startRecording({ name, mode: MODES.record, recordingsDir: dir, target: 'emulator', principalOf: principalResolver(principals), rerecordCommand: '-' });
    for (let i = 0; i < entries; i += 1) await direct.getSession(ref, { query: { i: String(i) } });
    await r.stop({ failed: false });
  };
  await sized('bench/small', 11); // one to load the file, ten to time
  await sized('bench/large', LARGE);
  const replaySized = (name: string) => async () => {
    const r = startRecording({ name, mode: MODES.replay, recordingsDir: dir, target: 'emulator', principalOf: principalResolver(principals), rerecordCommand: '-' });
    const client = new HttpMpsdClient(settings('http://bench.invalid'));
    await client.getSession(ref, { query: { i: '0' } }); // the first lookup loads the file: timed apart
    const start = performance.now();
    for (let i = 1; i <= 10; i += 1) await client.getSession(ref, { query: { i: String(i) } });
    const perRequest = ((performance.now() - start) * 1000) / 10;
    await r.stop({ failed: false });
    return perRequest;
  };
  paths[`replay from a 10-entry recording`] = replaySized('bench/small');
  paths[`replay from a ${LARGE}-entry recording`] = replaySized('bench/large');

  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round += 1) for (const [name, run] of Object.entries(paths)) samples[name].push(await run());

  const base = median(samples['direct node:http to the emulator']);
  console.log(`${REQUESTS} sequential GETs of a ${sample.response.text.length}-byte session, ${ROUNDS} interleaved rounds, medians:`);
  for (const [name, xs] of Object.entries(samples)) console.log(`  ${name.padEnd(46)} ${median(xs).toFixed(0).padStart(6)} us/request  ${(median(xs) / base).toFixed(2).padStart(6)} x direct`);
  const growth = median(samples[`replay from a ${LARGE}-entry recording`]) / median(samples['replay from a 10-entry recording']);
  console.log(`  per-request replay cost, ${LARGE} entries / 10 entries: ${growth.toFixed(2)} x`);
  const results = {
    machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model },
    method: `${REQUESTS} sequential GETs of one session, ${ROUNDS} interleaved rounds, medians; ratios to a direct node:http request to the emulator on loopback`,
    microsecondsPerRequest: Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, Math.round(median(xs))])),
    ratioToDirect: Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, Number((median(xs) / base).toFixed(2))])),
    recordingGrowth: Number(growth.toFixed(2)),
  };
  mkdirSync(reportsDir(), { recursive: true });
  writeFileSync(join(reportsDir(), 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`  written to ${join(reportsDir(), 'bench.json')}`);
  rmSync(dir, { recursive: true, force: true });
  await emulator.stop();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
