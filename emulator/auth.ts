import { MpsdError } from './errors';

/**
 * The emulator's test tokens. A real MPSD Authorization header is `XBL3.0 x=<userhash>;<XSTS token>`.
 * The emulator keeps that shape and reads the token as comma-separated claims instead of a signed JWT:
 *
 *   XBL3.0 x=<userhash>;xuid=<decimal xuid>[,gamertag=<name>][,title=<decimal titleId>][,server]
 *   XBL3.0 x=<userhash>;server                 a service principal with no user
 *
 * `server` marks a server principal (allowed to delete members by index and write `servers`).
 */
export interface Principal {
  xuid?: string;
  /** Who follows this user (the social graph, filled in per request): what `followed` restrictions admit. */
  followers?: ReadonlySet<string>;
  gamertag?: string;
  titleId: string;
  server: boolean;
}

export const TOKEN_FORMAT_HELP = `Test tokens (Authorization header):
  XBL3.0 x=<userhash>;xuid=<decimal xuid>[,gamertag=<name>][,title=<titleId>][,server]
  XBL3.0 x=<userhash>;server
  e.g.  Authorization: XBL3.0 x=1;xuid=2533274800000001,gamertag=Alice
  'server' makes the caller a server principal (may delete members by index and write 'servers').`;

const DEFAULT_TITLE_ID = '1234567';

/** Tokens already read: a client sends the same one on every request (reading it once keeps token parsing out of the per-request cost). */
const known = new Map<string, Readonly<Principal>>();
const MAX_KNOWN_TOKENS = 1000;

/** The caller of a request, from its Authorization header; a fresh object the request may add to. */
export function parseAuthorization(header: string | undefined): Principal {
  const seen = header === undefined ? undefined : known.get(header);
  if (seen) return { ...seen };
  const principal = readToken(header);
  if (known.size >= MAX_KNOWN_TOKENS) known.clear();
  known.set(header as string, Object.freeze({ ...principal }));
  return principal;
}

function readToken(header: string | undefined): Principal {
  if (!header) throw new MpsdError(401, 'Authorization header is required: XBL3.0 x=<userhash>;<token>.');
  const match = /^XBL3\.0 x=([^;]+);(.+)$/.exec(header);
  if (!match) throw new MpsdError(401, 'Authorization header must have the form XBL3.0 x=<userhash>;<token>.');
  const principal: Principal = { titleId: DEFAULT_TITLE_ID, server: false };
  for (const claim of match[2].split(',')) {
    const [name, value] = claim.split('=', 2);
    if (name === 'server' && value === undefined) principal.server = true;
    else if (name === 'xuid' && value && /^[0-9]{1,20}$/.test(value)) principal.xuid = value;
    else if (name === 'gamertag' && value) principal.gamertag = value;
    else if (name === 'title' && value && /^[0-9]{1,10}$/.test(value)) principal.titleId = value;
    else
      throw new MpsdError(
        401,
        `The token is not valid: unknown claim '${claim}'. Emulator tokens are xuid=<decimal>,gamertag=<name>,title=<id>,server.`,
      );
  }
  if (!principal.xuid && !principal.server) throw new MpsdError(401, 'The token names neither a xuid nor a server principal.');
  return principal;
}
