/** Where a target's real-time activity (RTA) websocket is. */

/** MPSD's RTA host: a client of the live service opens wss://rta.xboxlive.com/connect. */
export const RTA_HOST = 'rta.xboxlive.com';

/** The RTA websocket of a target: MPSD's own for the real service, /connect on the target's origin otherwise (the emulator). */
export function rtaUrlOf(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.hostname.toLowerCase() === 'sessiondirectory.xboxlive.com') return `wss://${RTA_HOST}/connect`;
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}/connect`;
}
