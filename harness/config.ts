import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  clientModule,
  GUID,
  integer,
  invalid,
  parseFollows,
  runShard,
  type Shard,
  TEMPLATE_KINDS,
  type TemplateKind,
  SETTING_VARIABLES as V,
} from './config-values';

export {
  configuredTokens,
  LIVE_PRINCIPAL_VARIABLES,
  parseShard,
  runShard,
  SETTING_VARIABLES,
  type Setting,
  type Shard,
  TEMPLATE_KINDS,
  type TemplateKind,
  tokenCacheDir,
  withoutSettings,
  withSettings,
} from './config-values';

import { embeddedTarget, liveTarget } from './config-target';
import { MODES, type Mode } from './modes';

export { MODES, type Mode, type ModeSpec } from './modes';

/** Contract versions MPSD serves (section 1.2); 107 is what current clients send. */
export const MIN_CONTRACT_VERSION = 104;
const DEFAULT_CONTRACT_VERSION = 107;
/** The header is 100 x major + minor: anything past 999 is a typo, never a contract. */
const MAX_CONTRACT_VERSION = 999;
/** Default of MPSD_TIMEOUT_MS: shorter than mocha's 20 s test timeout, so a hanging target fails with its own message. */
export const DEFAULT_TIMEOUT_MS = 15_000;

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
  /** MPSD_SHARD (--shard i/n): this process's slice of the spec files. */
  shard?: Shard;
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
  return resolve(env[V.reports] || 'reports');
}

/**
 * Read and validate the configuration from environment variables. Pure: pass any env to test it.
 * `tokensFromClients`: the proxy, whose clients send their own Authorization, needs no MPSD_AUTH.
 */
export function loadConfig(env: Env, profile: TargetProfile, options: { tokensFromClients?: boolean } = {}): Readonly<HarnessConfig> {
  const mode = (env[V.mode] || 'replay') as Mode;
  if (!Object.hasOwn(MODES, mode)) invalid(V.mode, mode, Object.keys(MODES).join(' | '));

  const contractVersion = integer(
    env,
    V.contractVersion,
    DEFAULT_CONTRACT_VERSION,
    MIN_CONTRACT_VERSION,
    MAX_CONTRACT_VERSION,
    '104, 105 or 107; the value encodes 100 x major + minor',
  );
  const timeoutMs = integer(
    env,
    V.timeoutMs,
    DEFAULT_TIMEOUT_MS,
    100,
    600_000,
    'milliseconds to wait for an answer; keep it below the test timeout',
  );

  const recordingsText = env[V.recordings];
  const clientText = env[V.client];
  const { target, principals } = env[V.target] ? liveTarget(env, mode, options) : embeddedTarget(env, mode, profile);

  const scid = env[V.scid] || profile.scid;
  if (!GUID.test(scid)) invalid(V.scid, scid, 'a service config id GUID');
  const templates = {} as Record<TemplateKind, string>;
  for (const [kind, variable] of Object.entries(TEMPLATE_KINDS) as [TemplateKind, string][]) {
    const name = env[variable] || profile.templates[kind];
    if (!/^[A-Za-z0-9_.-]{1,99}$/.test(name)) invalid(variable, name, 'a session template name (letters, digits, _ . -; at most 99)');
    templates[kind] = name;
  }

  // A recordings folder named on purpose that does not exist would make every replayed test a miss: say it once.
  if (recordingsText && MODES[mode].answers === 'recordings' && !existsSync(resolve(recordingsText)))
    invalid(
      V.recordings,
      recordingsText,
      `an existing folder of recordings: ${mode} reads recordings from it (create it with --mode record, or fix the path)`,
    );
  const shard = runShard(env);
  return Object.freeze({
    mode,
    target: Object.freeze(target),
    contractVersion,
    timeoutMs,
    follows:
      target.kind === 'live' ? parseFollows(env[V.follows] ?? '', PRINCIPAL_NAMES) : (profile.follows as [PrincipalName, PrincipalName][]),
    scid,
    templates: Object.freeze(templates),
    principals: Object.freeze(principals),
    recordingsDir: resolve(recordingsText || 'recordings'),
    reportsDir: reportsDir(env),
    ...(shard ? { shard } : {}),
    ...(env[V.usageLog] ? { usageLog: env[V.usageLog] } : {}),
    ...(clientText ? { clientModule: clientModule(clientText) } : {}),
  });
}
