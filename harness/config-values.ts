import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PrincipalName } from './config';
import { ERROR_CODES, HarnessError } from './errors';

/** How each kind of MPSD_* value is read and refused: every refusal names the variable, the value and what is allowed. */

type Env = Record<string, string | undefined>;

/**
 * THE names of the run-wide MPSD_* variables, by the setting each carries: the command line's flags, the
 * config file's keys and the proxy write settings through this table, and only the config reads them.
 * (Tokens, xuids and templates have their own tables: LIVE_PRINCIPAL_VARIABLES, TEMPLATE_KINDS.)
 */
export const SETTING_VARIABLES = {
  /** replay (default), record, record-missing, live or verify (modes.ts). */
  mode: 'MPSD_MODE',
  /** A live MPSD base URL; without it, the embedded emulator. */
  target: 'MPSD_TARGET',
  reports: 'MPSD_REPORTS_DIR',
  recordings: 'MPSD_RECORDINGS_DIR',
  /** Planted emulator faults, comma-separated. */
  faults: 'MPSD_EMULATOR_FAULTS',
  /** A module exporting createClient(settings): the client under test. */
  client: 'MPSD_CLIENT',
  /** i/n: this process's slice of the spec files. */
  shard: 'MPSD_SHARD',
  scid: 'MPSD_SCID',
  contractVersion: 'MPSD_CONTRACT_VERSION',
  timeoutMs: 'MPSD_TIMEOUT_MS',
  follows: 'MPSD_FOLLOWS',
  /** Where `login` keeps tokens (default: the user's cache folder). */
  tokenCache: 'MPSD_TOKEN_CACHE',
  /** Set by the command line: what the run header says of the network seal. */
  network: 'MPSD_NETWORK',
  /** Set by the lint: replay writes which recorded entries each test used to this file. */
  usageLog: 'MPSD_USAGE_LOG',
  /** Set by the proxy for the command it runs: the proxy's own URL, for the client's base URL. */
  proxyUrl: 'MPSD_PROXY_URL',
} as const;
export type Setting = keyof typeof SETTING_VARIABLES;
const V = SETTING_VARIABLES;

/** `base` with each given setting written as its variable (an undefined one is left as it is). */
export function withSettings(base: Env, settings: Partial<Record<Setting, string | undefined>>): Record<string, string | undefined> {
  const env = { ...base };
  for (const [setting, value] of Object.entries(settings) as [Setting, string | undefined][])
    if (value !== undefined) env[SETTING_VARIABLES[setting]] = value;
  return env;
}

/** `base` without any MPSD_* variable: a child that must not inherit the caller's run settings (the lint's replay). */
export function withoutSettings(base: Env): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(base).filter(([name]) => !name.startsWith('MPSD_')));
}

/**
 * Where `mpsd-harness login` keeps tokens: MPSD_TOKEN_CACHE, or the user's cache folder (never the
 * repository), as each OS names it.
 */
export function tokenCacheDir(env: Env): string {
  const chosen = env[SETTING_VARIABLES.tokenCache];
  if (chosen) return chosen;
  if (process.platform === 'win32') return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'mpsd-harness', 'tokens');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'mpsd-harness', 'tokens');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'mpsd-harness', 'tokens');
}

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

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function invalid(variable: string, value: string, allowed: string): never {
  throw new HarnessError(
    ERROR_CODES.CONFIG_INVALID,
    `${variable}=${JSON.stringify(value)} is not valid; allowed: ${allowed}. Fix or unset ${variable}.`,
  );
}

/** MPSD_CLIENT names a file, relative to the working directory; it must exist. */
export function clientModule(value: string): string {
  const path = resolve(value);
  if (!existsSync(path)) {
    throw new HarnessError(
      ERROR_CODES.CLIENT_MODULE_INVALID,
      `MPSD_CLIENT=${JSON.stringify(value)}: file not found (looked at ${path}). Give the path of a module exporting createClient(settings), e.g. ./examples/fetch-client.ts`,
    );
  }
  return path;
}

/** An integer variable within bounds, or the default when unset. */
export function integer(env: Env, variable: string, fallback: number, min: number, max: number, meaning: string): number {
  const text = env[variable];
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max)
    invalid(variable, text, `an integer from ${min} to ${max} (${meaning})`);
  return Number(text);
}

/** MPSD_FOLLOWS: "alice>bob,bob>carol" says alice follows bob and bob follows carol on the live service. */
export function parseFollows<Name extends string>(text: string, names: readonly Name[]): [Name, Name][] {
  return text
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [follower, followee] = pair.split('>').map((p) => p.trim()) as [Name, Name];
      if (!names.includes(follower) || !names.includes(followee))
        invalid(V.follows, text, `follower>followee pairs of ${names.join(', ')}, comma-separated, e.g. alice>bob`);
      return [follower, followee];
    });
}

/** One of n slices of a run's spec files (cli/shard.ts says how files are dealt). */
export interface Shard {
  index: number;
  total: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (!m || total < 1 || index < 1 || index > total) {
    throw new HarnessError(
      ERROR_CODES.CONFIG_INVALID,
      `--shard '${text}' is not i/n with 1 <= i <= n (for example --shard 2/4: the second of four jobs)`,
    );
  }
  return { index, total };
}

/** MPSD_SHARD (--shard i/n): this process's slice of the run, if any. */
export function runShard(env: Env = process.env): Shard | undefined {
  const text = env[V.shard];
  return text ? parseShard(text) : undefined;
}

/** Variables that carry each principal on a live target. */
export const LIVE_PRINCIPAL_VARIABLES: Record<PrincipalName, { auth: string; xuid?: string }> = {
  alice: { auth: 'MPSD_AUTH', xuid: 'MPSD_XUID' },
  bob: { auth: 'MPSD_AUTH_2', xuid: 'MPSD_XUID_2' },
  carol: { auth: 'MPSD_AUTH_3', xuid: 'MPSD_XUID_3' },
  server: { auth: 'MPSD_SERVER_AUTH' },
};

/** The tokens set in MPSD_AUTH* variables: what the scrubber must find anywhere (secrets.ts). */
export function configuredTokens(env: Env = process.env): string[] {
  return Object.values(LIVE_PRINCIPAL_VARIABLES)
    .map((v) => env[v.auth])
    .filter((v): v is string => !!v);
}

/** What a report's header says of the run: the settings, never a token (MPSD_NETWORK is set by the command line's seal). */
export function runDescription(env: Record<string, string | undefined> = process.env): {
  mode: string;
  target: string;
  faults: string;
  client: string;
  network: string;
} {
  const mode = env[V.mode] || 'replay';
  const target = env[V.target];
  return {
    mode,
    target: target ? `live (${new URL(target).host})` : 'embedded emulator',
    faults: env[V.faults] || 'none',
    client: env[V.client] || 'the harness client',
    network: env[V.network] || (mode === 'replay' ? 'in-process tripwire only' : 'the target only'),
  };
}
