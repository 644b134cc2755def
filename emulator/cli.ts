import { parseArgs } from 'node:util';
import { createEmulator, FAULTS, TOKEN_FORMAT_HELP } from './index';

const HELP = `Reference MPSD emulator: the handle and session endpoints of the Multiplayer Session Directory.

Usage: npm run emulator -- [--port 8080] [--host 127.0.0.1] [--templates file.json] [--social-graph file.json]
                           [--deterministic] [--fault name ...]

  --port           port to listen on (default 8080; 0 picks a free one)
  --host           address to bind (default 127.0.0.1)
  --templates      session templates file (default emulator/templates.json): {"serviceConfigs": [scid, ...],
                   "templates": {name: {"constants": {"system": {...}, "custom": {...}}}}}
  --social-graph   who follows whom (default emulator/social-graph.json): {"follows": {xuid: [xuid, ...]}};
                   what followed restrictions and people queries read
  --deterministic  seeded ids and a clock fixed at 2026-01-01T00:00:00Z (default: real time, random ids)
  --fault          plant a contract break (repeatable): ${Object.keys(FAULTS).join(', ')}

${TOKEN_FORMAT_HELP}

Every request needs x-xbl-contract-version (104 or later; send 107). Real-time activity (shoulder taps) is
served at ws://<host>:<port>/connect with the same Authorization header.
Example:
  curl -X PUT -H 'x-xbl-contract-version: 107' -H 'Authorization: XBL3.0 x=1;xuid=2533274800000001' \\
    -d '{"members":{"me":{}}}' \\
    http://127.0.0.1:8080/serviceconfigs/d1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107/sessiontemplates/standard-lobby/sessions/demo
`;

function parseOptions() {
  return parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      templates: { type: 'string' },
      'social-graph': { type: 'string' },
      deterministic: { type: 'boolean', default: false },
      fault: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
}

function main(): void {
  let values: ReturnType<typeof parseOptions>;
  try {
    values = parseOptions();
  } catch (error) {
    console.error(`${(error as Error).message}\nRun with --help for the options.`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port ${values.port} is not a port number (0-65535)`);
    process.exit(2);
  }
  let emulator: ReturnType<typeof createEmulator>;
  try {
    emulator = createEmulator({
      deterministic: values.deterministic,
      templatesFile: values.templates,
      socialGraphFile: values['social-graph'],
      faults: values.fault,
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  emulator.start(port, values.host).then(
    (url) =>
      console.log(`MPSD emulator listening on ${url}${values.fault.length ? ` with planted faults: ${values.fault.join(', ')}` : ''}`),
    (error: Error) => {
      console.error(`cannot listen on ${values.host}:${port}: ${error.message}`);
      process.exit(1);
    },
  );
  const stop = () => emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
