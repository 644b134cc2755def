import { MpsdError } from '../errors';
import { isObject, type Json } from '../model';
import { checkBag } from './bags';
import { checkRoleTypes } from './roles';
import {
  MEMBER_CONSTANTS,
  MEMBER_PROPERTIES,
  MEMBER_PROPERTY_ALIASES,
  SERVER_PROPERTIES,
  SESSION_CONSTANTS,
  SESSION_PROPERTIES,
} from './system-rules';

type CheckedBag = ReturnType<typeof checkBag>;

/** A PUT body, checked whole before anything is applied: a request that fails changes nothing. */
export interface CheckedRequest {
  constants?: CheckedBag;
  properties?: CheckedBag;
  /** undefined: no `me`; null: the caller leaves. */
  me?: { constants?: CheckedBag; properties?: CheckedBag; roles?: Record<string, string> } | null;
  reservations: { key: string; xuid: string; constants: CheckedBag }[];
  /** Member indices to delete (server principals only). */
  deletions: number[];
  /** undefined: no `servers`; a null entry removes that server. */
  servers?: { name: string; entry: { constants?: CheckedBag; properties?: CheckedBag } | null }[];
  roleTypes?: Json;
}

/** What a PUT body may hold: everything else is prohibited (section 4). */
const WRITABLE_KEYS = ['constants', 'properties', 'members', 'servers', 'roleTypes'];

function memberProperties(delta: unknown, where: string): CheckedBag {
  // `group` is the docs' other name for initializationGroup (section 8.12).
  if (isObject(delta) && isObject(delta.system)) {
    const system: Json = { ...delta.system };
    for (const [alias, name] of Object.entries(MEMBER_PROPERTY_ALIASES)) {
      if (Object.hasOwn(system, alias) && !Object.hasOwn(system, name)) {
        system[name] = system[alias];
        delete system[alias];
      }
    }
    return checkBag({ ...delta, system }, where, MEMBER_PROPERTIES);
  }
  return checkBag(delta, where, MEMBER_PROPERTIES);
}

function checkMe(value: unknown): CheckedRequest['me'] {
  if (value === null) return null;
  if (!isObject(value)) throw new MpsdError(400, 'members.me must be an object or null.');
  const unknown = Object.keys(value).find((k) => !['constants', 'properties', 'roles'].includes(k));
  if (unknown) throw new MpsdError(400, `members.me.${unknown} is not allowed: a member writes constants, properties and roles.`);
  if (value.roles !== undefined && (!isObject(value.roles) || Object.values(value.roles).some((r) => typeof r !== 'string'))) {
    throw new MpsdError(400, 'members.me.roles must map role types to role names (strings).');
  }
  return {
    constants: checkBag(value.constants, 'members.me.constants', MEMBER_CONSTANTS),
    properties: memberProperties(value.properties, 'members.me.properties'),
    ...(value.roles ? { roles: value.roles as Record<string, string> } : {}),
  };
}

function checkMembers(members: unknown, out: CheckedRequest): void {
  if (members === undefined) return;
  if (!isObject(members)) throw new MpsdError(400, "'members' must be an object keyed by me, reserve_N or a member index.");
  let reserveIndex = 0;
  for (const [key, value] of Object.entries(members)) {
    if (key === 'me') out.me = checkMe(value);
    else if (/^reserve_\d+$/.test(key)) {
      // Indices start at 0 in every request and users are appended in order (section 4).
      if (key !== `reserve_${reserveIndex++}`)
        throw new MpsdError(400, `Reservations must be numbered reserve_0, reserve_1, ... in order; found '${key}'.`);
      const constants = isObject(value) ? checkBag(value.constants, `members.${key}.constants`, MEMBER_CONSTANTS) : undefined;
      const xuid = constants?.system?.xuid;
      if (typeof xuid !== 'string') throw new MpsdError(400, `members.${key}.constants.system.xuid must be a decimal xuid string.`);
      out.reservations.push({ key, xuid, constants });
    } else if (/^\d{1,9}$/.test(key)) {
      if (value !== null) throw new MpsdError(400, `members.${key} can only be null (delete the member at that index).`);
      out.deletions.push(Number(key));
    } else throw new MpsdError(400, `Unknown member key '${key}': use me, reserve_N or a member index.`);
  }
}

function checkServers(servers: unknown): CheckedRequest['servers'] {
  if (servers === undefined) return undefined;
  if (!isObject(servers)) throw new MpsdError(400, "'servers' must be an object keyed by server name.");
  return Object.entries(servers).map(([name, entry]) => {
    if (entry === null) return { name, entry: null };
    if (!isObject(entry)) throw new MpsdError(400, `servers.${name} must be an object or null.`);
    const unknown = Object.keys(entry).find((k) => k !== 'constants' && k !== 'properties');
    if (unknown) throw new MpsdError(400, `servers.${name}.${unknown} is not allowed: a server entry has constants and properties.`);
    // servers.{name}.constants.system is "not currently used" (section 5.8): any object.
    return {
      name,
      entry: {
        constants: checkBag(entry.constants, `servers.${name}.constants`, {}),
        properties: checkBag(entry.properties, `servers.${name}.properties`, SERVER_PROPERTIES),
      },
    };
  });
}

/** Check a whole PUT body (sections 4, 5): shape, prohibited keys, every system object. */
export function checkRequest(body: Json): CheckedRequest {
  const prohibited = Object.keys(body).find((k) => !WRITABLE_KEYS.includes(k));
  if (prohibited !== undefined)
    throw new MpsdError(
      400,
      `The request contains the prohibited field '${prohibited}': a PUT may only write ${WRITABLE_KEYS.join(', ')}.`,
    );
  const out: CheckedRequest = { reservations: [], deletions: [] };
  if (body.constants !== undefined) out.constants = checkBag(body.constants, 'constants', SESSION_CONSTANTS);
  if (body.properties !== undefined) out.properties = checkBag(body.properties, 'properties', SESSION_PROPERTIES);
  checkMembers(body.members, out);
  out.servers = checkServers(body.servers);
  if (body.roleTypes !== undefined) out.roleTypes = checkRoleTypes(body.roleTypes);
  return out;
}
