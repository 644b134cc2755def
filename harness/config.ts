import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FAULTS } from '../emulator/faults';
import { HarnessError, ERROR_CODES } from './errors';

/**
 * Run modes, read from MPSD_MODE (the nock.back idea: one variable, named modes). What each mode does
 * is data: every other module asks these fields, never the mode's name.
 */
export interface ModeSpec {
  /** Who answers requests: the committed recordings, the target, or the recordings with the target filling gaps. */
  answers: 'recordings' | 'target' | 'recordings-then-target';
  /** Recordings written: none, each test's whole recording, or only the requests that were missing. */
  writes: 'nothing' | 'whole-test' | 'missing';
  /** Compare each fresh answer with its recording (the drift report). */
  compares: boolean;
  description: string;
}

export const MODES = {
  replay: { answers: 'recordings', writes: 'nothing', compares: false, description: 'Default. Answer every request from recordings/; a request with no recording fails the test. Never touches the network.' },
  record: { answers: 'target', writes: 'whole-test', compares: false, description: "Send every request to the target and rewrite each test's recording from scratch." },
  'record-missing': { answers: 'recordings-then-target', writes: 'missing', compares: false, description: 'Replay what is recorded; send what is missing to the target and add it to the recording.' },
  live: { answers: 'target', writes: 'nothing', compares: false, description: 'Send every request to the target; read and write no recording.' },
  verify: { answers: 'target', writes: 'nothing', compares: true, description: 'Send every request to the target, write no recording, and report how each answer drifted from its recording.' },
} as const satisfies Record<string, ModeSpec>;
export type Mode = keyof typeof MODES;

/** Contract versions MPSD serves (section 1.2); 107 is what current clients send. */
export const MIN_CONTRACT_VERSION = 104;
export const DEFAULT_CONTRACT_VERSION = 107;

/** The service config the embedded emulator serves (emulator/templates.json). */
export const EMULATOR_SCID = 'd1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107';

/**
 * Scenarios ask for a kind of session, not a template name. Each kind maps to a template through its
 * own variable; the defaults are the embedded emulator's templates.
 */
export const TEMPLATE_KINDS = {
  /** An open lobby with the searchable capability. */
  lobby: { variable: 'MPSD_TEMPLATE', emulator: 'standard-lobby' },
  /** visibility private: only members and reserved users read or write. */
  private: { variable: 'MPSD_TEMPLATE_PRIVATE', emulator: 'private-lobby' },
  /** A gameplay session. */
  game: { variable: 'MPSD_TEMPLATE_GAME', emulator: 'game-session' },
  /** capability large: members holds only "me". */
  large: { variable: 'MPSD_TEMPLATE_LARGE', emulator: 'large-session' },
} as const;
export type TemplateKind = keyof typeof TEMPLATE_KINDS;

/**
 * The principals scenarios act as. On the embedded emulator they are minted test tokens; on a live
 * target each one comes from its own pair of variables (MPSD_AUTH/MPSD_XUID for alice, ...).
 */
export const PRINCIPAL_NAMES = ['alice', 'bob', 'carol', 'server'] as const;
export type PrincipalName = (typeof PRINCIPAL_NAMES)[number];

export interface Principal {
  name: PrincipalName;
  /** The whole Authorization header value. Never recorded, never printed. */
  authorization: string;
  xuid?: string;
}

/** Variables that carry each principal on a live target. */
export const LIVE_PRINCIPAL_VARIABLES: Record<PrincipalName, { auth: string; xuid?: string }> = {
  alice: { auth: 'MPSD_AUTH', xuid: 'MPSD_XUID' },
  bob: { auth: 'MPSD_AUTH_2', xuid: 'MPSD_XUID_2' },
  carol: { auth: 'MPSD_AUTH_3', xuid: 'MPSD_XUID_3' },
  server: { auth: 'MPSD_SERVER_AUTH' },
};

const EMULATOR_XUIDS: Record<Exclude<PrincipalName, 'server'>, string> = {
  alice: '2533274800000001',
  bob: '2533274800000002',
  carol: '2533274800000003',
};

export type Target = { kind: 'emulator'; faults: string[] } | { kind: 'live'; baseUrl: string };

export interface HarnessConfig {
  mode: Mode;
  target: Target;
  contractVersion: number;
  scid: string;
  templates: Readonly<Record<TemplateKind, string>>;
  principals: Partial<Record<PrincipalName, Principal>>;
  /** MPSD_RECORDINGS_DIR: where recordings are read and written (default recordings/). */
  recordingsDir: string;
  /** MPSD_CLIENT: a module exporting createClient(settings): MpsdClient, run instead of the harness's own client. */
  clientModule?: string;
  /** MPSD_USAGE_LOG: replay writes which recorded entries each test used to this file (the lint reads it). */
  usageLog?: string;
}

type Env = Record<string, string | undefined>;

/**
 * Where reports go (JUnit, HTML, coverage, drift): MPSD_REPORTS_DIR, default reports/. Read on its
 * own because reporters must still write when the rest of the configuration is invalid.
 */
export function reportsDir(env: Env = process.env): string {
  return env.MPSD_REPORTS_DIR || join(__dirname, '..', 'reports');
}

function invalid(variable: string, value: string, allowed: string): never {
  throw new HarnessError(ERROR_CODES.CONFIG_INVALID, `${variable}=${JSON.stringify(value)} is not valid; allowed: ${allowed}. Fix or unset ${variable}.`);
}

/** MPSD_CLIENT names a file, relative to the working directory; it must exist. */
function clientModule(value: string): string {
  const path = resolve(value);
  if (!existsSync(path)) invalid('MPSD_CLIENT', value, 'the path of a module exporting createClient(settings): MpsdClient, e.g. ./examples/fetch-client.ts');
  return path;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Read and validate the configuration from environment variables. Pure: pass any env to test it. */
export function loadConfig(env: Env = process.env): Readonly<HarnessConfig> {
  const mode = (env.MPSD_MODE || 'replay') as Mode;
  if (!Object.prototype.hasOwnProperty.call(MODES, mode)) invalid('MPSD_MODE', mode, Object.keys(MODES).join(' | '));

  const contractText = env.MPSD_CONTRACT_VERSION || String(DEFAULT_CONTRACT_VERSION);
  const contractVersion = Number(contractText);
  if (!/^\d+$/.test(contractText) || contractVersion < MIN_CONTRACT_VERSION) {
    invalid('MPSD_CONTRACT_VERSION', contractText, `an integer >= ${MIN_CONTRACT_VERSION} (104, 105 or 107)`);
  }

  let target: Target;
  const principals: HarnessConfig['principals'] = {};
  if (env.MPSD_TARGET) {
    let url: URL | undefined;
    try { url = new URL(env.MPSD_TARGET); } catch { url = undefined; }
    if (!url || !/^https?:$/.test(url.protocol)) invalid('MPSD_TARGET', env.MPSD_TARGET, 'an http(s) base URL such as https://sessiondirectory.xboxlive.com');
    if (env.MPSD_EMULATOR_FAULTS) invalid('MPSD_EMULATOR_FAULTS', env.MPSD_EMULATOR_FAULTS, 'nothing while MPSD_TARGET is set (faults exist only in the embedded emulator)');
    target = { kind: 'live', baseUrl: url.origin + url.pathname.replace(/\/$/, '') };
    for (const name of PRINCIPAL_NAMES) {
      const vars = LIVE_PRINCIPAL_VARIABLES[name];
      const authorization = env[vars.auth];
      if (!authorization) continue;
      if (!/^XBL3\.0 x=[^;]+;.+/.test(authorization)) invalid(vars.auth, '<redacted>', 'a whole Authorization value of the form XBL3.0 x=<userhash>;<token>');
      const xuid = vars.xuid ? env[vars.xuid] : undefined;
      if (vars.xuid && xuid !== undefined && !/^\d{1,20}$/.test(xuid)) invalid(vars.xuid, xuid, 'a decimal xuid such as 2533274800000001');
      if (vars.xuid && !xuid) invalid(vars.xuid, '', `the xuid of the user whose token is in ${vars.auth}`);
      principals[name] = { name, authorization, ...(xuid ? { xuid } : {}) };
    }
    if (MODES[mode].answers !== 'recordings' && !principals.alice) invalid('MPSD_AUTH', '', `a token (XBL3.0 x=<userhash>;<token>) with MPSD_XUID: MPSD_MODE=${mode} sends requests to the live target ${target.baseUrl}`);
  } else {
    const faults = (env.MPSD_EMULATOR_FAULTS ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    const unknown = faults.find((f) => !(f in FAULTS));
    if (unknown !== undefined) invalid('MPSD_EMULATOR_FAULTS', env.MPSD_EMULATOR_FAULTS ?? '', `a comma-separated list of ${Object.keys(FAULTS).join(', ')}`);
    target = { kind: 'emulator', faults };
    for (const [name, xuid] of Object.entries(EMULATOR_XUIDS) as [PrincipalName, string][]) {
      const gamertag = name[0].toUpperCase() + name.slice(1);
      principals[name] = { name, xuid, authorization: `XBL3.0 x=${name};xuid=${xuid},gamertag=${gamertag}` };
    }
    principals.server = { name: 'server', authorization: 'XBL3.0 x=server;server' };
  }

  const scid = env.MPSD_SCID || EMULATOR_SCID;
  if (!GUID.test(scid)) invalid('MPSD_SCID', scid, 'a service config id GUID');
  const templates = {} as Record<TemplateKind, string>;
  for (const [kind, { variable, emulator }] of Object.entries(TEMPLATE_KINDS) as [TemplateKind, (typeof TEMPLATE_KINDS)[TemplateKind]][]) {
    const name = env[variable] || emulator;
    if (!/^[A-Za-z0-9_.-]{1,99}$/.test(name)) invalid(variable, name, 'a session template name (letters, digits, _ . -; at most 99)');
    templates[kind] = name;
  }

  return Object.freeze({
    mode,
    target: Object.freeze(target),
    contractVersion,
    scid,
    templates: Object.freeze(templates),
    principals: Object.freeze(principals),
    recordingsDir: env.MPSD_RECORDINGS_DIR || join(__dirname, '..', 'recordings'),
    ...(env.MPSD_USAGE_LOG ? { usageLog: env.MPSD_USAGE_LOG } : {}),
    ...(env.MPSD_CLIENT ? { clientModule: clientModule(env.MPSD_CLIENT) } : {}),
  });
}
