import { ERROR_CODES, HarnessError } from '../errors';
import { cacheFactory, isSignedIn } from './token-store';

/** The relying party whose XSTS token MPSD takes (the `XBL3.0 x=<uhs>;<token>` Authorization). */
const XBOX_LIVE_RELYING_PARTY = 'http://xboxlive.com';

export interface SignedIn {
  /** The whole Authorization value. Never printed, never written outside the token cache. */
  authorization: string;
  xuid: string;
  /** When the XSTS token expires (ISO date). */
  expiresOn: string;
}

export interface DeviceCode {
  userCode: string;
  verificationUri: string;
  /** Seconds the code stays valid. */
  expiresIn: number;
}

/**
 * A principal's XSTS token for MPSD, through prismarine-auth (the sign-in library of the Node Xbox
 * community: mineflayer, bedrock-protocol, bedrock-portal): Microsoft account sign-in with the live.com
 * device-code flow, then Xbox user, device and XSTS tokens. A valid cached token is returned as it is,
 * an expired one refreshed with the cached refresh token; only when neither works is the user asked to
 * sign in, through `onDeviceCode`. Without `onDeviceCode` (a run, not `login`), that is an error that
 * says which `login` to run.
 */
export async function xboxToken(principal: string, cacheDir: string, onDeviceCode?: (code: DeviceCode) => void): Promise<SignedIn> {
  const required = (why: string) =>
    new HarnessError(ERROR_CODES.SIGN_IN_REQUIRED, `${why}; run: npx mpsd-harness login --principal ${principal}`);
  if (!onDeviceCode && !isSignedIn(cacheDir, principal)) throw required(`${principal} has not signed in on this machine`);
  // Loaded here: prismarine-auth (and MSAL under it) is needed only by login and live runs.
  const { Authflow, Titles } = require('prismarine-auth') as typeof import('prismarine-auth');
  const askUser = (response: { user_code: string; verification_uri: string; expires_in: number }) => {
    if (!onDeviceCode) throw required(`the saved sign-in of ${principal} can no longer be refreshed without you`);
    onDeviceCode({ userCode: response.user_code, verificationUri: response.verification_uri, expiresIn: response.expires_in });
  };
  const flow = new Authflow(
    principal,
    cacheFactory(cacheDir, principal) as never,
    { flow: 'live', authTitle: Titles.MinecraftNintendoSwitch, deviceType: 'Nintendo' },
    askUser as never,
  );
  const token = await flow.getXboxToken(XBOX_LIVE_RELYING_PARTY);
  return {
    authorization: `XBL3.0 x=${token.userHash};${token.XSTSToken}`,
    xuid: String(token.userXUID),
    expiresOn: String(token.expiresOn),
  };
}
