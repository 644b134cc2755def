import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Microsoft's sign-in endpoints (Microsoft's cannot be reached from CI): the live.com
 * device-code flow and refresh, and Xbox Live's device, user and XSTS token services, answering the
 * documented shapes. Requests arrive as /<host><path> (see standin-fetch.cjs). It counts what it was asked
 * and how many times the user "approved" the code, so a test can tell a fresh sign-in from a refresh.
 */
export interface StandIn {
  url: string;
  asked: string[];
  /** XSTS tokens issued so far; the n-th is `xsts-token-<n>`. */
  issued: number;
  /** Seconds an XSTS token lives (short to force a refresh). */
  xstsLifetimeSeconds: number;
  /** Seconds the Microsoft access token and the Xbox user token live (0: only the refresh token is left). */
  userLifetimeSeconds: number;
  /** Answer the next token poll with authorization_pending this many times. */
  pendingPolls: number;
  /** Refuse refresh grants (a revoked refresh token). */
  refuseRefresh: boolean;
  close(): Promise<void>;
}

const USER_HASH = '1234567890123456789';
const XUID = '2533274800000001';

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => resolve(text));
  });
}

export async function startStandIn(): Promise<StandIn> {
  const later = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
  const state: Omit<StandIn, 'url' | 'close'> = {
    asked: [],
    issued: 0,
    xstsLifetimeSeconds: 3600,
    userLifetimeSeconds: 3600,
    pendingPolls: 1,
    refuseRefresh: false,
  };
  const server: Server = createServer(async (req, res) => {
    const text = await body(req);
    const path = (req.url ?? '').split('?')[0];
    state.asked.push(path);
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const form = new URLSearchParams(text);
    if (path === '/login.live.com/oauth20_connect.srf') {
      return json(200, {
        device_code: 'device-code-1',
        user_code: 'ABCD-EFGH',
        verification_uri: 'https://www.microsoft.com/link',
        interval: 0.05,
        expires_in: 900,
      });
    }
    if (path === '/login.live.com/oauth20_token.srf') {
      if (form.get('grant_type') === 'refresh_token') {
        if (state.refuseRefresh || form.get('refresh_token') !== 'refresh-token')
          return json(400, { error: 'invalid_grant', error_description: 'the refresh token was revoked' });
        return json(200, {
          token_type: 'bearer',
          access_token: 'msa-access-refreshed',
          refresh_token: 'refresh-token',
          expires_in: state.userLifetimeSeconds,
          scope: form.get('scope'),
        });
      }
      if (state.pendingPolls > 0) {
        state.pendingPolls -= 1;
        return json(400, { error: 'authorization_pending', error_description: 'waiting for the user' });
      }
      return json(200, {
        token_type: 'bearer',
        access_token: 'msa-access',
        refresh_token: 'refresh-token',
        expires_in: state.userLifetimeSeconds,
        scope: 'service::user.auth.xboxlive.com::MBI_SSL',
      });
    }
    if (path === '/device.auth.xboxlive.com/device/authenticate') {
      return json(200, {
        IssueInstant: later(0),
        NotAfter: later(86400),
        Token: 'device-token',
        DisplayClaims: { xdi: { did: 'F000', dcs: '0' } },
      });
    }
    if (path === '/user.auth.xboxlive.com/user/authenticate') {
      return json(200, {
        IssueInstant: later(0),
        NotAfter: later(state.userLifetimeSeconds),
        Token: 'user-token',
        DisplayClaims: { xui: [{ uhs: USER_HASH }] },
      });
    }
    if (path === '/title.auth.xboxlive.com/title/authenticate') {
      return json(200, { IssueInstant: later(0), NotAfter: later(86400), Token: 'title-token', DisplayClaims: { xti: { tid: '1' } } });
    }
    if (path === '/xsts.auth.xboxlive.com/xsts/authorize') {
      const request = JSON.parse(text) as { RelyingParty: string };
      if (request.RelyingParty !== 'http://xboxlive.com')
        return json(401, { XErr: 2148916238, Message: `unexpected relying party ${request.RelyingParty}` });
      state.issued += 1;
      return json(200, {
        IssueInstant: later(0),
        NotAfter: later(state.xstsLifetimeSeconds),
        Token: `xsts-token-${state.issued}`,
        DisplayClaims: { xui: [{ uhs: USER_HASH, xid: XUID, gtg: 'Alice' }] },
      });
    }
    json(404, { error: `the stand-in does not serve ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

export const STANDIN_USER_HASH = USER_HASH;
export const STANDIN_XUID = XUID;
