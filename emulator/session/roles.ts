import { MpsdError } from '../errors';
import { clone, isObject, type Json, type Member, type Session } from '../model';
import { setKey } from './bags';
import { checkValue } from './validate-system';

/**
 * Multiplayer roles (docs/protocol.md 5.6): role types declared at creation (or by the template), a
 * member's roles must name declared ones, `max` is enforced, and `max`/`target` change later only where
 * the role type lists them in mutableRoleSettings. `count` and `memberXuids` are the service's.
 */
const NAME = /^[a-z0-9]{1,100}$/;

export function checkRoleTypes(value: unknown, where = 'roleTypes'): Json {
  if (!isObject(value)) throw new MpsdError(400, `${where} must be an object of role types.`);
  const out: Json = {};
  for (const [type, spec] of Object.entries(value)) {
    if (!NAME.test(type)) throw new MpsdError(400, `${where}.${type}: role type names are lower-case letters and digits, at most 100.`);
    if (!isObject(spec)) throw new MpsdError(400, `${where}.${type} must be an object.`);
    const unknown = Object.keys(spec).find((k) => !['ownerManaged', 'mutableRoleSettings', 'roles'].includes(k));
    if (unknown) throw new MpsdError(400, `${where}.${type}.${unknown} is not a known field (ownerManaged, mutableRoleSettings, roles).`);
    const checked: Json = {};
    if (spec.ownerManaged !== undefined) checked.ownerManaged = checkValue(spec.ownerManaged, 'boolean', `${where}.${type}.ownerManaged`);
    if (spec.mutableRoleSettings !== undefined)
      checked.mutableRoleSettings = checkValue(
        spec.mutableRoleSettings,
        { array: { enum: ['max', 'target'] }, max: 2 },
        `${where}.${type}.mutableRoleSettings`,
      );
    if (!isObject(spec.roles)) throw new MpsdError(400, `${where}.${type}.roles must be an object of roles.`);
    const roles: Json = {};
    for (const [role, settings] of Object.entries(spec.roles)) {
      const at = `${where}.${type}.roles.${role}`;
      if (!NAME.test(role)) throw new MpsdError(400, `${at}: role names are lower-case letters and digits, at most 100.`);
      if (!isObject(settings)) throw new MpsdError(400, `${at} must be an object.`);
      const extra = Object.keys(settings).find((k) => k !== 'max' && k !== 'target');
      if (extra)
        throw new MpsdError(400, `${at}.${extra} cannot be written: a role has max and target (count and memberXuids are the service's).`);
      const max = settings.max === undefined ? undefined : checkValue(settings.max, 'count', `${at}.max`);
      const target = settings.target === undefined ? undefined : checkValue(settings.target, 'count', `${at}.target`);
      if (max !== undefined && target !== undefined && (target as number) > (max as number))
        throw new MpsdError(400, `${at}.target must not exceed max.`);
      setKey(roles, role, { ...(max !== undefined ? { max } : {}), ...(target !== undefined ? { target } : {}) });
    }
    checked.roles = roles;
    setKey(out, type, checked);
  }
  return out;
}

/** Apply roleTypes of a PUT to an existing session: only the settings listed in mutableRoleSettings may change. */
export function updateRoleTypes(session: Session, delta: Json): void {
  const current = (session.roleTypes ?? {}) as Record<string, { mutableRoleSettings?: string[]; roles: Record<string, Json> }>;
  for (const [type, spec] of Object.entries(delta) as [string, { roles: Record<string, Json> }][]) {
    const declared = Object.hasOwn(current, type) ? current[type] : undefined;
    if (!declared)
      throw new MpsdError(409, `roleTypes.${type} was not declared when the session was created; role types are set at creation.`);
    for (const [role, settings] of Object.entries(spec.roles)) {
      const stored = Object.hasOwn(declared.roles, role) ? declared.roles[role] : undefined;
      if (!stored) throw new MpsdError(409, `roleTypes.${type}.roles.${role} was not declared when the session was created.`);
      for (const [setting, value] of Object.entries(settings)) {
        if (stored[setting] === value) continue;
        if (!declared.mutableRoleSettings?.includes(setting))
          throw new MpsdError(409, `roleTypes.${type}.roles.${role}.${setting} cannot change: it is not in mutableRoleSettings.`);
        setKey(stored, setting, value);
      }
    }
  }
}

/** A member's roles must name declared roles, and no role may hold more members than its max. */
export function assertRolesAllowed(session: Session, member: Member, roles: Record<string, string>): void {
  const types = (session.roleTypes ?? {}) as Record<string, { roles: Record<string, { max?: number }> }>;
  for (const [type, role] of Object.entries(roles)) {
    const declared = Object.hasOwn(types, type) && Object.hasOwn(types[type].roles, role) ? types[type].roles[role] : undefined;
    if (!declared) throw new MpsdError(400, `members.me.roles.${type}: '${role}' is not a declared role of this session's roleTypes.`);
    const holders = session.members.filter((m) => m !== member && m.roles?.[type] === role).length;
    if (declared.max !== undefined && holders >= declared.max)
      throw new MpsdError(403, `The role ${type}.${role} is full (max ${declared.max}).`);
  }
}

/** roleTypes as the service renders them: each role with its count and the xuids holding it. */
export function renderRoleTypes(session: Session): Json | undefined {
  if (!session.roleTypes) return undefined;
  const out = clone(session.roleTypes) as Record<string, { roles: Record<string, Json> }>;
  for (const [type, spec] of Object.entries(out)) {
    for (const [role, settings] of Object.entries(spec.roles)) {
      const xuids = session.members.filter((m) => m.roles?.[type] === role).map((m) => m.xuid);
      setKey(settings, 'count', xuids.length);
      setKey(settings, 'memberXuids', xuids);
    }
  }
  return out;
}
