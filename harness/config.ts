import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GUID, LIVE_PRINCIPAL_VARIABLES, clientModule, integer, invalid, parseFollows } from './config-values';

export { LIVE_PRINCIPAL_VARIABLES, configuredTokens, runShard } from './config-values';
import { MODES, type Mode } from './modes';

export { MODES, type Mode, type ModeSpec } from './modes';

/** Contract versions MPSD serves (section 1.2); 107 is what current clients send. */
export const MIN_CONTRACT_VERSION = 104;
export const DEFAULT_CONTRACT_VERSION = 107;
/** The header is 100 x major + minor: anything past 999 is a typo, never a contract. */
export const MAX_CONTRACT_VERSION = 999;
/** Default of MPSD_TIMEOUT_MS: shorter than mocha's 20 s test timeout, so a hanging target fails with its own message. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Scenarios ask for a kind of session, not a template name. Each kind maps to a template through its
 * own variable; the defaults come from the target profile (the embedded emulator's templates).
 */
export const TEMPLATE_KINDS = {
  /** An open lobby with the searchable capability. */
  lobby: 'MPSD_TEMPLATE',
  /** visibility private: only members and reserved users read or write. */
  private: 'MPSD_TEMPLATE_PRIVATE',
  /** A gameplay session. */
  game: 'MPSD_TEMPLATE_GAME',
  /** capability large: members holds only "me". */
  large: 'MPSD_TEMPLATE_LARGE',
  /** capability hasOwners, default ownershipPolicies: only owners create invite handles. */
  owned: 'MPSD_TEMPLATE_OWNED',
  /** An open lobby for two (maxMembersCount 2): a session that is full with alice and bob. */
  duo: 'MPSD_TEMPLATE_DUO',
  /** capability connectionRequiredForActiveMembers: a member whose RTA connection drops becomes inactive. */
  connected: 'MPSD_TEMPLATE_CONNECTED',
} as const;
export type TemplateKind = keyof typeof TEMPLATE_KINDS;

/**
 * What the config needs to know about the embedded target when MPSD_TARGET is not set: its service
 * config, templates, test users, tokens and planted faults. harness/target.ts supplies the emulator's.
 */
export interface TargetProfile {
  scid: string;
  templates: Readonly<Record<TemplateKind, string>>;
  users: Readonly<Record<Exclude<PrincipalName, 'server'>, { xuid: string; gamertag: string }>>;
  userToken(name: string, xuid: string, gamertag: string): string;
  serverToken: string;
  faults: readonly string[];
  /** Who follows whom among the principals: [follower, followee]. */
  follows: readonly (readonly [string, string])[];
}

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

export type Target = { kind: 'emulator'; faults: string[] } | { kind: 'live'; baseUrl: string };

export interface HarnessConfig {
  mode: Mode;
  target: Target;
  contractVersion: number;
  /** Who follows whom among the principals (MPSD_FOLLOWS on a live target): what `followed` scenarios need. */
  follows: readonly (readonly [PrincipalName, PrincipalName])[];
  /** MPSD_TIMEOUT_MS: how long a request may wait for its answer. */
  timeoutMs: number;
  scid: string;
  templates: Readonly<Record<TemplateKind, string>>;
  principals: Partial<Record<PrincipalName, Principal>>;
  /** MPSD_REPORTS_DIR: where reports go (default reports/), absolute. */
  reportsDir: string;
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
export { runDescription } from './config-values';

export function reportsDir(env: Env = process.env): string {
  return resolve(env.MPSD_REPORTS_DIR || 'reports');
}

/**
 * Read and validate the configuration from environment variables. Pure: pass any env to test it.
 * `tokensFromClients`: the proxy, whose clients send their own Authorization, needs no MPSD_AUTH.
 */
export function loadConfig(env: Env, profile: TargetProfile, options: { tokensFromClients?: boolean } = {}): Readonly<HarnessConfig> {
  const mode = (env.MPSD_MODE || 'replay') as Mode;
  if (!Object.hasOwn(MODES, mode)) invalid('MPSD_MODE', mode, Object.keys(MODES).join(' | '));

  const contractVersion = integer(env, 'MPSD_CONTRACT_VERSION', DEFAULT_CONTRACT_VERSION, MIN_CONTRACT_VERSION, MAX_CONTRACT_VERSION, '104, 105 or 107; the value encodes 100 x major + minor');
  const timeoutMs = integer(env, 'MPSD_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 100, 600_000, 'milliseconds to wait for an answer; keep it below the test timeout');

  let target: Target;
  const principals: HarnessConfig['principals'] = {};
  if (env.MPSD_TARGET) {
    let url: URL | undefined;
    try {
      url = new URL(env.MPSD_TARGET);
    } catch {
      url = undefined;
    }
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
    if (MODES[mode].answers !== 'recordings' && !principals.alice && !options.tokensFromClients)
      invalid('MPSD_AUTH', '', `a token (XBL3.0 x=<userhash>;<token>) with MPSD_XUID, or a sign-in with npx mpsd-harness login: MPSD_MODE=${mode} sends requests to the live target ${target.baseUrl}`);
    // Replay sends nothing to the target; a target left set in the shell would only make the scenarios ask for tokens.
    if (MODES[mode].answers === 'recordings' && !principals.alice && !options.tokensFromClients)
      invalid(
        'MPSD_TARGET',
        env.MPSD_TARGET,
        `unset in replay: replay sends nothing to a target and needs no token, and the recordings name their own origin (unset MPSD_TARGET, or pass --mode live to run against ${target.baseUrl})`,
      );
  } else {
    const faults = (env.MPSD_EMULATOR_FAULTS ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const unknown = faults.find((f) => !profile.faults.includes(f));
    if (unknown !== undefined) invalid('MPSD_EMULATOR_FAULTS', env.MPSD_EMULATOR_FAULTS ?? '', `a comma-separated list of ${profile.faults.join(', ')}`);
    // A planted fault lives in the emulator, which replay never reaches: it would silently change nothing.
    if (faults.length > 0 && MODES[mode].answers === 'recordings')
      invalid(
        'MPSD_EMULATOR_FAULTS',
        env.MPSD_EMULATOR_FAULTS ?? '',
        `nothing in replay, which answers from the recordings and never reaches the emulator; plant a fault with --mode live (or record, verify)`,
      );
    target = { kind: 'emulator', faults };
    for (const [name, user] of Object.entries(profile.users) as [PrincipalName, { xuid: string; gamertag: string }][]) {
      principals[name] = { name, xuid: user.xuid, authorization: profile.userToken(name, user.xuid, user.gamertag) };
    }
    principals.server = { name: 'server', authorization: profile.serverToken };
  }

  const scid = env.MPSD_SCID || profile.scid;
  if (!GUID.test(scid)) invalid('MPSD_SCID', scid, 'a service config id GUID');
  const templates = {} as Record<TemplateKind, string>;
  for (const [kind, variable] of Object.entries(TEMPLATE_KINDS) as [TemplateKind, string][]) {
    const name = env[variable] || profile.templates[kind];
    if (!/^[A-Za-z0-9_.-]{1,99}$/.test(name)) invalid(variable, name, 'a session template name (letters, digits, _ . -; at most 99)');
    templates[kind] = name;
  }

  // A recordings folder named on purpose that does not exist would make every replayed test a miss: say it once.
  if (env.MPSD_RECORDINGS_DIR && MODES[mode].answers === 'recordings' && !existsSync(resolve(env.MPSD_RECORDINGS_DIR)))
    invalid('MPSD_RECORDINGS_DIR', env.MPSD_RECORDINGS_DIR, `an existing folder of recordings: ${mode} reads recordings from it (create it with --mode record, or fix the path)`);
  return Object.freeze({
    mode,
    target: Object.freeze(target),
    contractVersion,
    timeoutMs,
    follows: env.MPSD_TARGET ? parseFollows(env.MPSD_FOLLOWS ?? '', PRINCIPAL_NAMES) : (profile.follows as [PrincipalName, PrincipalName][]),
    scid,
    templates: Object.freeze(templates),
    principals: Object.freeze(principals),
    recordingsDir: resolve(env.MPSD_RECORDINGS_DIR || 'recordings'),
    reportsDir: reportsDir(env),
    ...(env.MPSD_USAGE_LOG ? { usageLog: env.MPSD_USAGE_LOG } : {}),
    ...(env.MPSD_CLIENT ? { clientModule: clientModule(env.MPSD_CLIENT) } : {}),
  });
}
