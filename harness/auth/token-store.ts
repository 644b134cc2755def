import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A principal's Microsoft and Xbox tokens, kept by `mpsd-harness login` in the folder the config names
 * (tokenCacheDir), never the repository. One file per principal, readable by its owner only (0600 in a
 * 0700 folder), written whole through a temp file and a rename, so an interrupted write never leaves half
 * a token.
 */
const fileOf = (dir: string, principal: string) => join(dir, `${principal}.json`);

/** Every cache prismarine-auth keeps for a principal (msa, device, user, XSTS...), by its cache name. */
type PrincipalCaches = Record<string, Record<string, unknown>>;

function readCaches(dir: string, principal: string): PrincipalCaches {
  try {
    return JSON.parse(readFileSync(fileOf(dir, principal), 'utf8')) as PrincipalCaches;
  } catch {
    return {}; // none yet, or unreadable: a sign-in writes it afresh
  }
}

function writeCaches(dir: string, principal: string, caches: PrincipalCaches): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = fileOf(dir, principal);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(caches), { mode: 0o600 });
  renameSync(temp, file);
}

/** The cache prismarine-auth is given (its CacheFactory): each of its caches a key of the principal's file. */
export interface Cache {
  reset(): Promise<void>;
  getCached(): Promise<Record<string, unknown>>;
  setCached(value: Record<string, unknown>): Promise<void>;
  setCachedPartial(value: Record<string, unknown>): Promise<void>;
}

export function cacheFactory(dir: string, principal: string): (options: { cacheName: string }) => Cache {
  return ({ cacheName }) => {
    const set = async (value: Record<string, unknown>) =>
      writeCaches(dir, principal, { ...readCaches(dir, principal), [cacheName]: value });
    return {
      reset: () => set({}),
      getCached: async () => readCaches(dir, principal)[cacheName] ?? {},
      setCached: set,
      setCachedPartial: async (value) => set({ ...(readCaches(dir, principal)[cacheName] ?? {}), ...value }),
    };
  };
}

export const isSignedIn = (dir: string, principal: string): boolean => existsSync(fileOf(dir, principal));

/** Forget a principal's tokens; true when there were some. */
export function forget(dir: string, principal: string): boolean {
  const had = isSignedIn(dir, principal);
  rmSync(fileOf(dir, principal), { force: true });
  return had;
}
