import type { Principal } from './auth';
import { isoTime } from './clock';
import { MpsdError } from './errors';
import { clone, HANDLE_TYPES, type Handle, type HandleType, isGuid, isObject, type Json, type SessionRef } from './model';

/** Invite handles expire a day after creation [I]; MPSD's real lifetime is undocumented. */
const INVITE_LIFETIME_MS = 24 * 60 * 60 * 1000;

function sessionRefFrom(value: unknown, field: string, nameOptional = false): SessionRef {
  if (!isObject(value)) throw new MpsdError(400, `'${field}' must be an object {scid, templateName, name}.`);
  const { scid, templateName, name } = value;
  if (!isGuid(scid)) throw new MpsdError(400, `'${field}.scid' must be a GUID.`);
  if (typeof templateName !== 'string' || templateName === '')
    throw new MpsdError(400, `'${field}.templateName' must be a non-empty string.`);
  if (name !== undefined && (typeof name !== 'string' || name === ''))
    throw new MpsdError(400, `'${field}.name' must be a non-empty string.`);
  if (name === undefined && !nameOptional) throw new MpsdError(400, `'${field}.name' is required.`);
  return { scid, templateName, name: name as string };
}

/** Validate a POST /handles body (sections 2.2, 3.1) and build the stored handle. */
export function parseHandleRequest(body: Json, principal: Principal, id: string, now: number, newName: () => string): Handle {
  if (body.version !== 1) throw new MpsdError(400, "'version' must be 1.");
  if (!HANDLE_TYPES.includes(body.type as HandleType)) throw new MpsdError(400, `'type' must be one of ${HANDLE_TYPES.join(', ')}.`);
  const type = body.type as HandleType;
  if (type !== 'search' && !principal.xuid) throw new MpsdError(400, `A ${type} handle needs a user principal with a xuid claim.`);
  const handle: Handle = {
    id,
    type,
    version: 1,
    sessionRef: sessionRefFrom(body.sessionRef, 'sessionRef', type === 'activity'),
    createTime: now,
  };
  if (handle.sessionRef.name === undefined) handle.sessionRef = { ...handle.sessionRef, name: newName() }; // "MPSD fills in a GUID" (section 3.1)
  if (type === 'activity') {
    handle.ownerXuid = principal.xuid;
    handle.titleId = principal.titleId;
  }
  if (type === 'invite') {
    if (typeof body.invitedXuid !== 'string' || !/^\d{1,20}$/.test(body.invitedXuid))
      throw new MpsdError(400, "'invitedXuid' must be a decimal xuid string.");
    handle.invitedXuid = body.invitedXuid;
    handle.senderXuid = principal.xuid;
    handle.expiration = now + INVITE_LIFETIME_MS;
    if (body.inviteAttributes !== undefined) {
      if (!isObject(body.inviteAttributes)) throw new MpsdError(400, "'inviteAttributes' must be an object.");
      handle.inviteAttributes = clone(body.inviteAttributes);
    }
  }
  if (type === 'search') {
    if (body.searchAttributes !== undefined && !isObject(body.searchAttributes))
      throw new MpsdError(400, "'searchAttributes' must be an object.");
    checkAttributeNames(body.searchAttributes as Json | undefined);
    handle.searchAttributes = clone((body.searchAttributes as Json | undefined) ?? {});
  }
  if (type === 'transfer') handle.originSessionRef = sessionRefFrom(body.originSessionRef, 'originSessionRef');
  return handle;
}

/** The handle JSON returned by POST /handles and GET /handles/{id}. */
export function renderHandle(handle: Handle): Json {
  return {
    id: handle.id,
    type: handle.type,
    version: handle.version,
    sessionRef: { ...handle.sessionRef },
    ...(handle.originSessionRef ? { originSessionRef: { ...handle.originSessionRef } } : {}),
    ...(handle.ownerXuid ? { ownerXuid: handle.ownerXuid } : {}),
    ...(handle.titleId ? { titleId: handle.titleId } : {}),
    ...(handle.invitedXuid ? { invitedXuid: handle.invitedXuid } : {}),
    ...(handle.senderXuid ? { senderXuid: handle.senderXuid } : {}),
    ...(handle.inviteAttributes ? { inviteAttributes: clone(handle.inviteAttributes) } : {}),
    ...(handle.searchAttributes ? { searchAttributes: clone(handle.searchAttributes) } : {}),
    // Live activity and invite handles carry these; gameTypes' shape is undocumented (DECISIONS H16).
    ...(handle.inviteProtocol ? { inviteProtocol: handle.inviteProtocol, gameTypes: {} } : {}),
    createTime: isoTime(handle.createTime),
    ...(handle.expiration !== undefined ? { expiration: isoTime(handle.expiration) } : {}),
  };
}

/** A search attribute's name starts with a letter, has no space and is under 100 characters (live-session-browse; DECISIONS N2). */
const ATTRIBUTE_NAME = /^[A-Za-z][^\s]{0,98}$/;

function checkAttributeNames(attributes: Json | undefined): void {
  if (!attributes) return;
  const names = [
    ...(Array.isArray(attributes.tags) ? attributes.tags.map((t) => ['tags', t] as const) : []),
    ...(isObject(attributes.strings) ? Object.keys(attributes.strings).map((k) => ['strings', k] as const) : []),
    ...(isObject(attributes.numbers) ? Object.keys(attributes.numbers).map((k) => ['numbers', k] as const) : []),
  ];
  const bad = names.find(([, name]) => typeof name !== 'string' || !ATTRIBUTE_NAME.test(name));
  if (bad) {
    throw new MpsdError(
      400,
      `searchAttributes.${bad[0]}: ${JSON.stringify(bad[1])} is not a valid name: it must start with a letter, contain no spaces and be under 100 characters.`,
    );
  }
}
