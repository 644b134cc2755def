import { forget, isSignedIn } from '../auth/token-store';
import { xboxToken } from '../auth/xbox-sign-in';
import { LIVE_PRINCIPAL_VARIABLES, type PrincipalName, tokenCacheDir } from '../config';
import { ERROR_CODES, HarnessError } from '../errors';

export const LOGIN_HELP = `How it works:
  1. The harness asks Microsoft (login.live.com) for a device code and prints a web address and a code.
  2. You open the address in any browser, enter the code and sign in with the principal's test account.
  3. The harness exchanges the Microsoft token for Xbox user and device tokens, then for an XSTS token
     for the relying party http://xboxlive.com: the "XBL3.0 x=<userhash>;<token>" that MPSD takes.
  The tokens are kept in your user cache (MPSD_TOKEN_CACHE moves it; on Linux ~/.cache/mpsd-harness/tokens),
  one file per principal, readable by you only, never in the repository and never printed. A live run
  (--target with --mode live, record or verify) uses them for every principal whose MPSD_AUTH* is not
  set, refreshing them when they are about to expire; the service principal stays MPSD_SERVER_AUTH.
  Sign in each principal your scenarios act as: alice, then bob and carol for multi-user scenarios.
  npx mpsd-harness logout [--principal <name>] forgets them. Sign-in goes through prismarine-auth.
`;

/** The users a run acts as; `server` is a service principal, whose token stays in MPSD_SERVER_AUTH. */
const USER_PRINCIPALS = ['alice', 'bob', 'carol'] as const;

function userPrincipal(name: string | undefined): (typeof USER_PRINCIPALS)[number] {
  const principal = name ?? 'alice';
  if (!(USER_PRINCIPALS as readonly string[]).includes(principal)) {
    throw new HarnessError(
      ERROR_CODES.CONFIG_INVALID,
      `--principal ${principal}: sign in one of ${USER_PRINCIPALS.join(', ')} (the service principal's token stays in MPSD_SERVER_AUTH)`,
    );
  }
  return principal as (typeof USER_PRINCIPALS)[number];
}

/** mpsd-harness login: the device-code sign-in of one principal, its tokens kept in the user's cache. */
export async function loginCommand(name: string | undefined, env: NodeJS.ProcessEnv): Promise<number> {
  const principal = userPrincipal(name);
  const dir = tokenCacheDir(env);
  try {
    const signed = await xboxToken(principal, dir, (code) =>
      console.log(
        `To sign in ${principal}: open ${code.verificationUri} and enter the code ${code.userCode} (valid ${Math.round(code.expiresIn / 60)} minutes). Waiting...`,
      ),
    );
    console.log(
      `${principal} is signed in (xuid ${signed.xuid}). The tokens are in ${dir}, readable by you only, and are refreshed before they expire.`,
    );
    return 0;
  } catch (error) {
    console.error(`sign-in of ${principal} failed: ${(error as Error).message}`);
    return 1;
  }
}

/** mpsd-harness logout: forget one principal's tokens, or every principal's. */
export function logoutCommand(name: string | undefined, env: NodeJS.ProcessEnv): number {
  const dir = tokenCacheDir(env);
  for (const principal of name ? [userPrincipal(name)] : USER_PRINCIPALS) {
    console.log(forget(dir, principal) ? `${principal}: signed out, tokens removed from ${dir}` : `${principal}: was not signed in`);
  }
  return 0;
}

/**
 * The MPSD_AUTH* and MPSD_XUID* a live run takes from `login`: for each user principal whose variable
 * is not set and who has signed in on this machine, a valid (refreshed if need be) token.
 */
export async function signedInEnvironment(env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const dir = tokenCacheDir(env);
  const out: Record<string, string> = {};
  for (const principal of USER_PRINCIPALS) {
    const variables = LIVE_PRINCIPAL_VARIABLES[principal as PrincipalName];
    if (env[variables.auth] || !isSignedIn(dir, principal)) continue;
    const signed = await xboxToken(principal, dir);
    out[variables.auth] = signed.authorization;
    if (variables.xuid) out[variables.xuid] = signed.xuid;
  }
  return out;
}
