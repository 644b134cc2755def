import { createEmulator, type Emulator, type EmulatorOptions } from '../../emulator';
import { checkedClient } from '../../harness/checks/checked-client';
import { send } from '../../harness/client/http-transport';
import { HttpMpsdClient, type MpsdClient, type SessionRef } from '../../harness/client/mpsd-client';
import { loadConfig, type PrincipalName } from '../../harness/config';
import type { Exchange, HttpRequest } from '../../harness/contract/exchange';
import { EMBEDDED_PROFILE } from '../../harness/target';

export const SCID = EMBEDDED_PROFILE.scid;
const principals = loadConfig({}, EMBEDDED_PROFILE).principals;
export const XUID = { alice: principals.alice!.xuid!, bob: principals.bob!.xuid!, carol: principals.carol!.xuid! };

export const ref = (name: string, templateName = 'standard-lobby'): SessionRef => ({ scid: SCID, templateName, name });
export const me = (system: Record<string, unknown> = { active: true }, extra: Record<string, unknown> = {}) => ({
  members: { me: { properties: { system }, ...extra } },
});

export interface EmulatorFixture {
  emulator: Emulator;
  /** Checked client: every response is validated against schemas/, as in the harness. */
  client: MpsdClient;
  /** Any request, unchecked, for malformed-request rules. */
  raw(
    request: Omit<HttpRequest, 'headers'> & { headers?: Record<string, string> },
    as?: PrincipalName | null,
  ): Promise<Exchange['response']>;
}

/** Start one emulator for a describe block and reset it before each test. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorFixture {
  const fixture = {} as EmulatorFixture;
  before(async () => {
    fixture.emulator = createEmulator(options);
    const baseUrl = await fixture.emulator.start();
    const authorizations = Object.fromEntries(Object.values(principals).map((p) => [p!.name, p!.authorization]));
    fixture.client = checkedClient(new HttpMpsdClient({ baseUrl, contractVersion: 107, authorizations, defaultPrincipal: 'alice' }));
    fixture.raw = (request, as = 'alice') =>
      send(baseUrl, {
        ...request,
        headers: { 'x-xbl-contract-version': '107', ...(as ? { authorization: authorizations[as]! } : {}), ...request.headers },
      });
  });
  beforeEach(() => fixture.emulator.reset());
  after(() => fixture.emulator.stop());
  return fixture;
}

export function status(exchange: Exchange): number {
  return exchange.response.status;
}

export type Doc = {
  changeNumber: number;
  searchHandle?: string;
  members: Record<
    string,
    {
      next: number;
      reserved?: boolean;
      constants: { system: { xuid: string } };
      properties: { system: Record<string, unknown>; custom: Record<string, unknown> };
    }
  >;
  membersInfo: { first: number; next: number; count: number; accepted: number; active?: number };
  constants: { system: Record<string, unknown>; custom: Record<string, unknown> };
  properties: { system: Record<string, unknown>; custom: Record<string, unknown> };
  [key: string]: unknown;
};

export const doc = (exchange: Exchange) => exchange.body as Doc;
