import { type HarnessConfig, MODES, type Mode, PRINCIPAL_NAMES, type PrincipalName, type Target, type TargetProfile } from './config';
import { invalid, LIVE_PRINCIPAL_VARIABLES, SETTING_VARIABLES as V } from './config-values';

type Env = Record<string, string | undefined>;
/** Where a run goes and as whom: a live MPSD with the caller's tokens, or the embedded emulator with its test users. */
type Where = { target: Target; principals: HarnessConfig['principals'] };

/** MPSD_TARGET is set: its URL, and each principal whose MPSD_AUTH* (and xuid) is set. */
export function liveTarget(env: Env, mode: Mode, options: { tokensFromClients?: boolean }): Where {
  const targetText = env[V.target] ?? '';
  const faultsText = env[V.faults] ?? '';
  const principals: HarnessConfig['principals'] = {};
  let url: URL | undefined;
  try {
    url = new URL(targetText);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol))
    invalid(V.target, targetText, 'an http(s) base URL such as https://sessiondirectory.xboxlive.com');
  if (faultsText) invalid(V.faults, faultsText, 'nothing while MPSD_TARGET is set (faults exist only in the embedded emulator)');
  const target: Target = { kind: 'live', baseUrl: url.origin + url.pathname.replace(/\/$/, '') };
  for (const name of PRINCIPAL_NAMES) {
    const vars = LIVE_PRINCIPAL_VARIABLES[name];
    const authorization = env[vars.auth];
    if (!authorization) continue;
    if (!/^XBL3\.0 x=[^;]+;.+/.test(authorization))
      invalid(vars.auth, '<redacted>', 'a whole Authorization value of the form XBL3.0 x=<userhash>;<token>');
    const xuid = vars.xuid ? env[vars.xuid] : undefined;
    if (vars.xuid && xuid !== undefined && !/^\d{1,20}$/.test(xuid)) invalid(vars.xuid, xuid, 'a decimal xuid such as 2533274800000001');
    if (vars.xuid && !xuid) invalid(vars.xuid, '', `the xuid of the user whose token is in ${vars.auth}`);
    principals[name] = { name, authorization, ...(xuid ? { xuid } : {}) };
  }
  if (MODES[mode].answers !== 'recordings' && !principals.alice && !options.tokensFromClients)
    invalid(
      'MPSD_AUTH',
      '',
      `a token (XBL3.0 x=<userhash>;<token>) with MPSD_XUID, or a sign-in with npx mpsd-harness login: MPSD_MODE=${mode} sends requests to the live target ${target.baseUrl}`,
    );
  // Replay sends nothing to the target; a target left set in the shell would only make the scenarios ask for tokens.
  if (MODES[mode].answers === 'recordings' && !principals.alice && !options.tokensFromClients)
    invalid(
      V.target,
      targetText,
      `unset in replay: replay sends nothing to a target and needs no token, and the recordings name their own origin (unset MPSD_TARGET, or pass --mode live to run against ${target.baseUrl})`,
    );
  return { target, principals };
}

/** No MPSD_TARGET: the embedded emulator, its planted faults, and the profile's test users. */
export function embeddedTarget(env: Env, mode: Mode, profile: TargetProfile): Where {
  const faultsText = env[V.faults] ?? '';
  const principals: HarnessConfig['principals'] = {};
  const faults = faultsText
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = faults.find((f) => !profile.faults.includes(f));
  if (unknown !== undefined) invalid(V.faults, faultsText, `a comma-separated list of ${profile.faults.join(', ')}`);
  // A planted fault lives in the emulator, which replay never reaches: it would silently change nothing.
  if (faults.length > 0 && MODES[mode].answers === 'recordings')
    invalid(
      V.faults,
      faultsText,
      `nothing in replay, which answers from the recordings and never reaches the emulator; plant a fault with --mode live (or record, verify)`,
    );
  const target: Target = { kind: 'emulator', faults };
  for (const [name, user] of Object.entries(profile.users) as [PrincipalName, { xuid: string; gamertag: string }][]) {
    principals[name] = { name, xuid: user.xuid, authorization: profile.userToken(name, user.xuid, user.gamertag) };
  }
  principals.server = { name: 'server', authorization: profile.serverToken };
  return { target, principals };
}
