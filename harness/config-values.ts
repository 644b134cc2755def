import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PrincipalName } from './config';
import { HarnessError, ERROR_CODES } from './errors';

/** How each kind of MPSD_* value is read and refused: every refusal names the variable, the value and what is allowed. */

type Env = Record<string, string | undefined>;

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function invalid(variable: string, value: string, allowed: string): never {
  throw new HarnessError(ERROR_CODES.CONFIG_INVALID, `${variable}=${JSON.stringify(value)} is not valid; allowed: ${allowed}. Fix or unset ${variable}.`);
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
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max) invalid(variable, text, `an integer from ${min} to ${max} (${meaning})`);
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
      if (!names.includes(follower) || !names.includes(followee)) invalid('MPSD_FOLLOWS', text, `follower>followee pairs of ${names.join(', ')}, comma-separated, e.g. alice>bob`);
      return [follower, followee];
    });
}

/** MPSD_SHARD (--shard i/n, checked by the command line): this process's slice of the run, if any. */
export function runShard(env: Env = process.env): { index: number; total: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(env.MPSD_SHARD ?? '');
  return m ? { index: Number(m[1]), total: Number(m[2]) } : undefined;
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
export function runDescription(env: Record<string, string | undefined> = process.env): { mode: string; target: string; faults: string; client: string; network: string } {
  const mode = env.MPSD_MODE || 'replay';
  return {
    mode,
    target: env.MPSD_TARGET ? `live (${new URL(env.MPSD_TARGET).host})` : 'embedded emulator',
    faults: env.MPSD_EMULATOR_FAULTS || 'none',
    client: env.MPSD_CLIENT || 'the harness client',
    network: env.MPSD_NETWORK || (mode === 'replay' ? 'in-process tripwire only' : 'the target only'),
  };
}
