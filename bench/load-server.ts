/**
 * The server side of the load benchmark, in a process of its own so the load generator does not share
 * its CPU: `bare` is a node:http server sending fixed bytes (the floor), `emulator` the reference
 * emulator with one session and an activity handle to it. Prints {port, handleId, body} once listening,
 * then answers each `cpu` line on stdin with its own process.cpuUsage() as a JSON line.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { createEmulator } from '../emulator';
import { EMULATOR_PROFILE } from '../emulator/profile';

const ALICE = EMULATOR_PROFILE.userToken('alice', EMULATOR_PROFILE.users.alice.xuid, EMULATOR_PROFILE.users.alice.gamertag);
const headers = { authorization: ALICE, 'x-xbl-contract-version': '107', 'content-type': 'application/json' };

async function emulatorWithHandle(): Promise<{ port: number; handleId: string; body: string }> {
  const emulator = createEmulator({ deterministic: false });
  const url = await emulator.start(0, '127.0.0.1');
  const session = `${url}/serviceconfigs/${EMULATOR_PROFILE.scid}/sessiontemplates/standard-lobby/sessions/load`;
  await fetch(session, { method: 'PUT', headers, body: JSON.stringify({ members: { me: { properties: { system: { active: true } } } } }) });
  const handle = await fetch(`${url}/handles`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      version: 1,
      type: 'activity',
      sessionRef: { scid: EMULATOR_PROFILE.scid, templateName: 'standard-lobby', name: 'load' },
    }),
  });
  const { id } = (await handle.json()) as { id: string };
  const body = await (await fetch(`${url}/handles/${id}/session`, { headers })).text();
  return { port: Number(new URL(url).port), handleId: id, body };
}

async function bare(bytes: string): Promise<number> {
  // A request body is read to its end first, as any server that answers a PUT must.
  const server = createServer((req, res) => {
    const answer = () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: 'F00D', 'content-length': Buffer.byteLength(bytes) });
      res.end(bytes);
    };
    if (req.headers['content-length'] === undefined) answer();
    else req.resume().on('end', answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function main(): Promise<void> {
  const which = process.argv[2];
  if (which === 'emulator') console.log(JSON.stringify(await emulatorWithHandle()));
  else if (which === 'bare') console.log(JSON.stringify({ port: await bare(process.argv[3] ?? '{}') }));
  else throw new Error(`usage: load-server.ts emulator | bare <body>; got ${which}`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'cpu') console.log(JSON.stringify(process.cpuUsage()));
  });
  process.stdin.on('end', () => process.exit(0)); // the bench is gone: so is its server
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
