/**
 * A small SDK the way community clients publish game lobbies through MPSD: it builds its own URLs
 * (with XSAPI's `sessionTemplates` spelling), sends its own headers over global fetch, and parses the
 * answers itself. It knows nothing of the harness: no MpsdClient, no adapter, no checks. A spec that
 * drives it is still checked on every answer, because the harness checks what crosses the wire.
 */
export interface LobbySdkOptions {
  /** MPSD base URL, e.g. https://sessiondirectory.xboxlive.com */
  baseUrl: string;
  /** The whole Authorization value: XBL3.0 x=<userhash>;<token> */
  authorization: string;
  scid: string;
  template: string;
}

export interface LobbySession {
  etag: string | null;
  document: Record<string, unknown>;
}

export class LobbySdk {
  constructor(private readonly options: LobbySdkOptions) {}

  /** Create the lobby (fails if it exists) with the caller as its first, active member. */
  createLobby(name: string, connectionId: string): Promise<LobbySession> {
    const body = {
      members: { me: { constants: { system: { initialize: false } }, properties: { system: { active: true, connection: connectionId } } } },
    };
    return this.session('PUT', this.sessionUrl(name), body, { 'If-None-Match': '*' });
  }

  /** Post an activity handle for the lobby; returns its id. */
  async publishActivity(name: string): Promise<string> {
    const { scid, template } = this.options;
    const response = await this.send('POST', `${this.options.baseUrl}/handles`, {
      version: 1,
      type: 'activity',
      sessionRef: { scid, templateName: template, name },
    });
    const handle = (await response.json()) as { id: string };
    return handle.id;
  }

  /** Read the lobby a handle points to. */
  readByHandle(handleId: string): Promise<LobbySession> {
    return this.session('GET', `${this.options.baseUrl}/handles/${handleId}/session`);
  }

  /** Join the lobby a handle points to, as an active member. */
  joinByHandle(handleId: string, connectionId: string): Promise<LobbySession> {
    return this.session('PUT', `${this.options.baseUrl}/handles/${handleId}/session`, {
      members: { me: { properties: { system: { active: true, connection: connectionId } } } },
    });
  }

  private sessionUrl(name: string): string {
    const { baseUrl, scid, template } = this.options;
    return `${baseUrl}/serviceconfigs/${scid}/sessionTemplates/${template}/sessions/${encodeURIComponent(name)}`;
  }

  private async session(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LobbySession> {
    const response = await this.send(method, url, body, headers);
    return { etag: response.headers.get('etag'), document: (await response.json()) as Record<string, unknown> };
  }

  private async send(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(url, {
      method,
      headers: {
        'x-xbl-contract-version': '107',
        Authorization: this.options.authorization,
        'Content-Type': 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`MPSD ${method} ${url} answered ${response.status}: ${await response.text()}`);
    return response;
  }
}
