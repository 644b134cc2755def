import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { parseArgs } from 'node:util';
import { type HarnessConfig, loadConfig, MODES, SETTING_VARIABLES, withSettings } from '../config';
import { ERROR_CODES, HarnessError, isHarnessError } from '../errors';
import { EMBEDDED_PROFILE } from '../target';
import { generateCa, MPSD_HOST, startInterceptor } from './https-intercept';
import { startPlainListener } from './plain-listener';
import { describeRecord, proxyResults, writeProxyReports } from './proxy-reports';
import { ProxySession } from './proxy-session';

/** Request bodies above this many bytes are refused with 413 (--max-body). */
const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

/** The variable that tells a command run with `-- <command...>` where the proxy listens. */
const PROXY_URL_VARIABLE = SETTING_VARIABLES.proxyUrl;

const HELP = `npx mpsd-harness proxy [--port 8090] [--host 127.0.0.1] [--mode replay|record|record-missing|live|verify]
                 [--target URL] [--recording NAME] [--reports DIR] [--fault NAME ...] [-- <command...>]

A recording, checking proxy for MPSD clients in any language: point the client's MPSD base URL at
http://<host>:<port>. Every exchange is forwarded to the target (or answered from recordings/ in replay),
checked against the contract, and printed with its violations as it happens. The session is one
recording, recordings/proxy/<NAME>. On Ctrl-C (SIGINT or SIGTERM) the proxy writes the recording, the
JUnit and HTML reports (and in verify mode the drift report), prints "N passed, N failed" and exits 1
when any exchange broke the contract or missed in replay.

  --port       port to listen on (default 8090; 0 picks a free one)
  --max-body   the largest request body relayed, in bytes (default ${DEFAULT_MAX_BODY}, 16 MiB); a larger one is answered
               413 and neither forwarded nor recorded (MPSD's own documents are a few kB)
  --host       address to bind (default 127.0.0.1)
  --mode       as MPSD_MODE (default replay): ${Object.keys(MODES).join(', ')}
  --target     a live MPSD base URL (MPSD_TARGET); without it, the embedded emulator
  --recording  the session's recording name (default session)
  --reports    where reports go (MPSD_REPORTS_DIR; default reports/)
  --fault      plant an emulator fault (repeatable; MPSD_EMULATOR_FAULTS)
  --https      be an HTTPS-intercepting forward proxy (mockttp) for clients whose host is hard-coded:
               the client sets HTTPS_PROXY to the proxy and trusts the local CA
  --ca         the local CA's folder (default .mpsd-ca)
  --generate-ca DIR
               write a new local CA (ca.pem, ca-key.pem) to DIR and exit; trust it only for testing

With -- <command...> (the form for scripts and CI: no kill needed), the proxy starts, runs the command
with ${PROXY_URL_VARIABLE}=<the proxy's URL> in its environment (point the SDK's MPSD base URL at it),
stops when the command ends, writes the recording and the reports, and exits with the command's code
when it failed, else 1 when the contract broke, else 0. For example:
  npx mpsd-harness proxy --mode record --recording my-sdk -- npm test

In replay, a request with no recording is answered 424 with the explanation in the body.
Clients bring their own Authorization; tokens never reach a recording or a report.
`;

/** The proxy's flags, parsed and checked: a bad one is one message and exit 2, never a stack. */
function options() {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions();
  } catch (error) {
    throw new HarnessError(ERROR_CODES.CONFIG_INVALID, `${(error as Error).message}; see npx mpsd-harness proxy --help`);
  }
  const maxBody = parsed.values['max-body'];
  if (!/^\d{1,10}$/.test(maxBody) || Number(maxBody) < 1)
    throw new HarnessError(ERROR_CODES.CONFIG_INVALID, `--max-body ${maxBody} is not a number of bytes (1 or more)`);
  const port = parsed.values.port;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535)
    throw new HarnessError(ERROR_CODES.CONFIG_INVALID, `--port ${port} is not a port number (0-65535; 0 picks a free one)`);
  return parsed;
}

function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8090' },
      'max-body': { type: 'string', default: String(DEFAULT_MAX_BODY) },
      host: { type: 'string', default: '127.0.0.1' },
      mode: { type: 'string' },
      target: { type: 'string' },
      recording: { type: 'string', default: 'session' },
      reports: { type: 'string' },
      fault: { type: 'string', multiple: true, default: [] },
      https: { type: 'boolean', default: false },
      ca: { type: 'string', default: '.mpsd-ca' },
      'generate-ca': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/** Flags override the MPSD_* variables they stand for. */
function configFrom(flags: ReturnType<typeof options>['values']): HarnessConfig {
  const env = withSettings(process.env, {
    mode: flags.mode,
    target: flags.target,
    reports: flags.reports,
    faults: flags.fault.join(',') || undefined,
  });
  return loadConfig(env, EMBEDDED_PROFILE, { tokensFromClients: true });
}

async function main(): Promise<void> {
  const { values: flags, positionals: command } = options();
  if (flags.help) {
    process.stdout.write(HELP);
    return;
  }
  if (flags['generate-ca']) {
    const cert = await generateCa(flags['generate-ca']);
    console.log(
      `wrote ${cert} and its key; trust ${cert} in the client (e.g. curl --cacert ${cert}), then run npm run proxy -- --https --ca ${flags['generate-ca']}`,
    );
    return;
  }
  const config = configFrom(flags);
  let seen = 0;
  const session = await ProxySession.open(
    config,
    flags.recording,
    (record) => console.log(describeRecord(record, ++seen)),
    ({ file, exchanges }) =>
      console.log(`[record] recovered ${exchanges} exchange(s) of an interrupted session into ${file} (this session's end writes its own)`),
  );
  const handle = (request: Parameters<ProxySession['handle']>[0]) => session.handle(request);
  const rta = {
    upstream: (headers: Record<string, string>) => session.rta(headers),
    log: (line: string) => console.log(line),
    onBreak: (p: string) => session.rtaBreak(p),
  };
  const hosts = [MPSD_HOST, ...(config.target.kind === 'live' ? [new URL(config.target.baseUrl).hostname] : [])];
  const listener = flags.https
    ? await startInterceptor(
        flags.ca,
        { port: Number(flags.port), host: flags.host, maxBody: Number(flags['max-body']) },
        [...new Set(hosts)],
        handle,
        rta,
      )
    : await startPlainListener(Number(flags.port), flags.host, Number(flags['max-body']), handle, rta);
  const target = config.target.kind === 'live' ? config.target.baseUrl : 'the embedded emulator';
  const how = flags.https
    ? `as an HTTPS-intercepting proxy (set HTTPS_PROXY=${listener.url} and trust ${flags.ca}/ca.pem)`
    : 'for clients whose base URL points here';
  // Announced only once a signal would be handled: whoever waits for this line may stop the proxy at once.
  const announce = () =>
    console.log(
      `MPSD proxy listening on ${listener.url} ${how} (mode ${config.mode}, target ${target}, recording proxy/${flags.recording})`,
    );

  let stopping: Promise<void> | undefined;
  const stop = (commandCode?: number) => {
    // A second signal while saving waits for the save: nothing half-written, nothing lost.
    if (stopping) {
      console.log('still saving the recording and the reports; they will be complete in a moment');
      return stopping;
    }
    stopping = finish(commandCode);
    return stopping;
  };
  const finish = async (commandCode?: number) => {
    await listener.stop();
    const summary = await session.close();
    const results = proxyResults(flags.recording, summary);
    writeProxyReports(config.reportsDir, results, summary.report);
    const failed = results.tests.filter((t) => t.state === 'failed').length;
    if (summary.record?.saved) console.log(`[record] ${summary.record.saved} ${summary.record.file}`);
    if (summary.report.drift)
      console.log(
        `drift: ${summary.report.drift.summary.breaking} breaking, ${summary.report.drift.summary.additive} additive, ${summary.report.drift.summary.changed} changed`,
      );
    console.log(`${summary.misses} replay miss(es); reports in ${config.reportsDir}`);
    console.log(`${results.tests.length - failed} passed, ${failed} failed`);
    process.exit(commandCode ? commandCode : failed > 0 ? 1 : 0);
  };
  if (command.length === 0) {
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
    announce();
    return;
  }
  announce();
  const child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...withSettings(process.env, { proxyUrl: listener.url }), ...(flags.https ? { HTTPS_PROXY: listener.url } : {}) },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal)); // the command ends first, then the proxy saves
  child.on('error', (error) => {
    console.error(`could not run ${command[0]}: ${error.message}`);
    void stop(127);
  });
  child.on('exit', (code, signal) => void stop(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
}

main().catch((error: Error) => {
  console.error(isHarnessError(error) ? error.message : (error.stack ?? String(error)));
  process.exit(2);
});
