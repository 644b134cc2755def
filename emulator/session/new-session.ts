import { MpsdError } from '../errors';
import type { IdSource } from '../ids';
import { clone, freezeDeep, type Session, type SessionRef } from '../model';
import type { Template } from '../templates';
import { deepEqual, emptyBag, mergeBag, ownValue, setKey } from './bags';
import type { CheckedRequest } from './check-request';
import { checkRoleTypes } from './roles';

/** Timeouts keep null: it means "never" (section 5.2), not "remove the key". */
const TIMEOUT_KEYS = new Set(['reservedRemovalTimeout', 'inactiveRemovalTimeout', 'readyRemovalTimeout', 'sessionEmptyTimeout']);
export const keepsNull = (key: string) => TIMEOUT_KEYS.has(key);

/** Create a session from its template and the create request's constants (sections 4, 5.2). */
export function newSession(
  ref: SessionRef,
  template: Template,
  request: CheckedRequest,
  ids: IdSource,
  now: number,
  correlationId?: string,
): Session {
  const constants = clone(template.constants);
  const requested = emptyBag();
  mergeBag(requested, request.constants, keepsNull);
  for (const part of ['system', 'custom'] as const) {
    for (const [key, value] of Object.entries(requested[part])) {
      if (Object.hasOwn(constants[part], key) && !deepEqual(constants[part][key], value)) {
        throw new MpsdError(409, `constants.${part}.${key} conflicts with the template, whose constants cannot be overridden.`);
      }
      setKey(constants[part], key, value);
    }
  }
  // Defaults of section 5.2 for what neither the template nor the request set.
  if (ownValue(constants.system, 'visibility') === undefined) setKey(constants.system, 'visibility', 'open');
  if (ownValue(constants.system, 'maxMembersCount') === undefined) setKey(constants.system, 'maxMembersCount', 100);
  if (!Object.hasOwn(constants.system, 'sessionEmptyTimeout')) setKey(constants.system, 'sessionEmptyTimeout', 0);
  const session: Session = {
    ref: { ...ref },
    branch: ids.guid(),
    changeNumber: 1,
    // Kept when an emptied session is started again (section 5.1).
    correlationId: correlationId ?? ids.guid(),
    startTime: now,
    constants: freezeDeep(constants),
    properties: emptyBag(),
    members: [],
    nextIndex: 0,
    servers: {},
    etag: etag(ids),
  };
  const roleTypes = request.roleTypes ?? (template.roleTypes ? checkRoleTypes(template.roleTypes, 'template roleTypes') : undefined);
  if (roleTypes) session.roleTypes = clone(roleTypes);
  return session;
}

/** ETags are opaque; the docs show bare upper-case GUIDs (section 1.3), so do we (see DECISIONS.md). */
export function etag(ids: IdSource): string {
  return ids.guid().toUpperCase();
}
