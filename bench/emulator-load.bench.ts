/**
 * The emulator against the floor: autocannon at 50 connections, handle GET on the emulator vs a bare
 * node:http server sending the same bytes, then PUT through the handle vs the bare server under the same
 * PUT load. Each server runs in a child process; the load generator here, on the same 2 cores. The
 * emulator is measured twice: its TypeScript through tsx, as a clone runs it, and compiled to
 * JavaScript, as the npm package runs it (compiled.ts).
 *
 * Two ratios per row. Throughput (req/s) is what a client sees, but it also measures the load generator:
 * when the bare server outruns autocannon, the floor is autocannon's. CPU per request is read from each
 * server process itself (process.cpuUsage, before and after each load), so it is the server's own cost
 * whoever limits the run: bare CPU per request / emulator CPU per request is the share of the bare
 * server's capacity the emulator has. (Pinning servers and load generator to a core each was tried: on
 * this VM one virtual core slows apart from the other, and the ratio swung from 0.3 to 0.9.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { EMULATOR_PROFILE } from '../emulator/profile';
import { median } from './common';
import { compiledLoadServer } from './compiled';

const DURATION = Number(process.env.BENCH_LOAD_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 5);
const CONNECTIONS = 50;
const ALICE = EMULATOR_PROFILE.userToken('alice', EMULATOR_PROFILE.users.alice.xuid, EMULATOR_PROFILE.users.alice.gamertag);
const twoPlaces = (x: number) => Number(x.toFixed(2));

interface Started {
  child: ChildProcess;
  /** The server's own CPU time so far, in microseconds (user + system, every thread). */
  cpu(): Promise<number>;
  port: number;
  handleId?: string;
  body?: string;
}

/** Start a load server: `entry` is a compiled load-server.js, or undefined for the TypeScript through tsx. */
function startServer(args: string[], entry?: string): Promise<Started> {
  const node = entry ? [entry] : ['--require', 'tsx/cjs', join(__dirname, 'load-server.ts')];
  const child = spawn(process.execPath, [...node, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
  // The server answers each "cpu" line on its stdin with its process.cpuUsage() (load-server.ts).
  const cpu = async () => {
    const answer = nextLine();
    child.stdin?.write('cpu\n');
    const { user, system } = JSON.parse(await answer) as { user: number; system: number };
    return user + system;
  };
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the load server exited with ${code} before listening`)));
    nextLine().then((line) => resolve({ child, cpu, ...(JSON.parse(line) as Omit<Started, 'child' | 'cpu'>) }));
  });
}

interface Load {
  requestsPerSecond: number;
  /** The server's CPU per answered request, in microseconds. */
  cpuMicrosPerRequest: number;
  errors: number;
  non2xx: number;
  p99Ms: number;
}

async function load(server: Started, options: autocannon.Options): Promise<Load> {
  const before = await server.cpu();
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  const used = (await server.cpu()) - before;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    cpuMicrosPerRequest: Math.round(used / Math.max(1, result.requests.total)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    p99Ms: result.latency.p99,
  };
}

export async function measureEmulatorLoad() {
  const emulator = await startServer(['emulator']);
  const compiled = await startServer(['emulator'], compiledLoadServer());
  const bare = await startServer(['bare', emulator.body ?? '{}']);
  const headers = { authorization: ALICE, 'x-xbl-contract-version': '107', 'content-type': 'application/json' };
  // Each emulator has its own handle; the bare server answers any path.
  const url = (server: Started) => `http://127.0.0.1:${server.port}/handles/${server.handleId ?? emulator.handleId}/session`;
  try {
    // Floors, GETs and PUTs alternate, round by round, so a noisy moment hits all six; medians.
    const floors: Load[] = [];
    const gets: Load[] = [];
    const puts: Load[] = [];
    const putFloors: Load[] = [];
    const compiledGets: Load[] = [];
    const compiledPuts: Load[] = [];
    let n = 0;
    // Each PUT changes the session (a new custom value): the full write path, not the no-change shortcut.
    // Building a body per request costs the load generator, which shares the 2 cores: the PUT floor is
    // the bare server answering the very same PUT load, so the ratio is the emulator's own cost.
    const put = (server: Started, duration = DURATION) =>
      load(server, {
        duration,
        url: url(server),
        method: 'PUT',
        headers,
        requests: [{ setupRequest: (request) => ({ ...request, body: `{"members":{"me":{"properties":{"custom":{"n":${n++}}}}}}` }) }],
      });
    const get = (server: Started, duration = DURATION) => load(server, { duration, url: url(server), headers });
    // A short load first, untimed: the emulator's first seconds are spent compiling its hot paths.
    for (const server of [emulator, compiled]) {
      await get(server, 1);
      await put(server, 1);
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      floors.push(await get(bare));
      gets.push(await get(emulator));
      compiledGets.push(await get(compiled));
      putFloors.push(await put(bare));
      puts.push(await put(emulator));
      compiledPuts.push(await put(compiled));
    }
    // The machine's speed drifts between rounds (the floor alone moved from 22k to 40k req/s in one run):
    // each round's emulator figure is set against the floor measured next to it, then the median is taken.
    const ratio = (emulatorRun: Load[], bareRun: Load[]) => ({
      throughput: twoPlaces(median(emulatorRun.map((e, i) => e.requestsPerSecond / bareRun[i].requestsPerSecond))),
      // Capacity: the share of the bare server's requests the emulator answers with the same CPU time.
      cpu: twoPlaces(median(emulatorRun.map((e, i) => bareRun[i].cpuMicrosPerRequest / e.cpuMicrosPerRequest))),
    });
    return {
      bodyBytes: emulator.body?.length ?? 0,
      connections: CONNECTIONS,
      seconds: DURATION,
      rounds: ROUNDS,
      rows: { floors, gets, compiledGets, putFloors, puts, compiledPuts },
      // The TypeScript through tsx, as a clone runs it (the rows BENCHMARKS.md has always given).
      getRatio: ratio(gets, floors),
      putRatio: ratio(puts, putFloors),
      // Compiled to JavaScript, as the npm package runs it.
      compiled: { getRatio: ratio(compiledGets, floors), putRatio: ratio(compiledPuts, putFloors) },
    };
  } finally {
    for (const server of [emulator, compiled, bare]) server.child.kill();
  }
}

if (require.main === module) measureEmulatorLoad().then((r) => console.log(JSON.stringify(r, null, 2)));
