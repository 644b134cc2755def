/**
 * The emulator against the floor (issue 12.4): autocannon at 50 connections, handle GET on the emulator
 * vs a bare node:http server sending the same bytes, then PUT through the handle. Each server runs in a
 * child process; the load generator here.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { EMULATOR_PROFILE } from '../emulator/profile';

const DURATION = Number(process.env.BENCH_LOAD_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 3);
const CONNECTIONS = 50;
const ALICE = EMULATOR_PROFILE.userToken('alice', EMULATOR_PROFILE.users.alice.xuid, EMULATOR_PROFILE.users.alice.gamertag);

interface Started {
  child: ChildProcess;
  port: number;
  handleId?: string;
  body?: string;
}

/**
 * On Linux with two cores or more, each server runs on CPU 1 and the load generator on CPU 0: left to
 * the scheduler, the two shared both cores and the figures of one run swung by a third from round to
 * round. Every server, bare or emulator, gets the same core, so the ratio is still like against like.
 */
const PINNED =
  process.platform === 'linux' && availableParallelism() >= 2 && spawnSync('taskset', ['-p', String(process.pid)]).status === 0;

function startServer(args: string[]): Promise<Started> {
  const node = [process.execPath, '--require', 'tsx/cjs', join(__dirname, 'load-server.ts'), ...args];
  const [command, ...rest] = PINNED ? ['taskset', '-c', '1', ...node] : node;
  const child = spawn(command, rest, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the load server exited with ${code} before listening`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) =>
      resolve({ child, ...(JSON.parse(line) as Omit<Started, 'child'>) }),
    );
  });
}

async function load(options: autocannon.Options): Promise<{ requestsPerSecond: number; errors: number; non2xx: number; p99Ms: number }> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    p99Ms: result.latency.p99,
  };
}

/** Run `work` with this process (the load generator) on CPU 0, then give it every CPU back. */
async function onCpuZero<T>(work: () => Promise<T>): Promise<T> {
  if (!PINNED) return work();
  const before =
    spawnSync('taskset', ['-p', String(process.pid)], { encoding: 'utf8' })
      .stdout.trim()
      .split(/\s+/)
      .pop() ?? 'ffffffff';
  spawnSync('taskset', ['-p', '1', String(process.pid)]);
  try {
    return await work();
  } finally {
    spawnSync('taskset', ['-p', before, String(process.pid)]);
  }
}

export function measureEmulatorLoad() {
  return onCpuZero(measure);
}

async function measure() {
  const emulator = await startServer(['emulator']);
  const bare = await startServer(['bare', emulator.body ?? '{}']);
  const headers = { authorization: ALICE, 'x-xbl-contract-version': '107', 'content-type': 'application/json' };
  const path = `/handles/${emulator.handleId}/session`;
  try {
    // Floor, GET and PUT alternate, rounds apart, so a noisy moment hits all three; medians.
    const floors: Awaited<ReturnType<typeof load>>[] = [];
    const gets: Awaited<ReturnType<typeof load>>[] = [];
    const puts: Awaited<ReturnType<typeof load>>[] = [];
    const putFloors: Awaited<ReturnType<typeof load>>[] = [];
    let n = 0;
    // Each PUT changes the session (a new custom value): the full write path, not the no-change shortcut.
    // Building a body per request costs the load generator, which shares the 2 cores: the PUT floor is
    // the bare server answering the very same PUT load, so the ratio is the emulator's own cost.
    const put = (port: number) =>
      load({
        url: `http://127.0.0.1:${port}${path}`,
        method: 'PUT',
        headers,
        requests: [{ setupRequest: (request) => ({ ...request, body: `{"members":{"me":{"properties":{"custom":{"n":${n++}}}}}}` }) }],
      });
    for (let round = 0; round < ROUNDS; round += 1) {
      floors.push(await load({ url: `http://127.0.0.1:${bare.port}${path}`, headers }));
      gets.push(await load({ url: `http://127.0.0.1:${emulator.port}${path}`, headers }));
      putFloors.push(await put(bare.port));
      puts.push(await put(emulator.port));
    }
    const middle = <T extends { requestsPerSecond: number }>(xs: T[]) =>
      [...xs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(xs.length / 2)];
    const floor = middle(floors);
    const get = middle(gets);
    const putMedian = middle(puts);
    const putFloor = middle(putFloors);
    return {
      pinned: PINNED,
      bodyBytes: emulator.body?.length ?? 0,
      connections: CONNECTIONS,
      seconds: DURATION,
      rounds: ROUNDS,
      floor,
      get,
      put: putMedian,
      putFloor,
      getRatio: Number((get.requestsPerSecond / floor.requestsPerSecond).toFixed(2)),
      putRatio: Number((putMedian.requestsPerSecond / putFloor.requestsPerSecond).toFixed(2)),
    };
  } finally {
    emulator.child.kill();
    bare.child.kill();
  }
}

if (require.main === module) measureEmulatorLoad().then((r) => console.log(JSON.stringify(r, null, 2)));
