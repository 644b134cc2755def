import { MpsdError } from '../errors';
import { type Bag, type Json, type Session, isObject } from '../model';

/**
 * Merge a property-bag delta (section 4): each system field is replaced whole; custom fields are
 * set per key; null removes a key in either.
 */
export function mergeBag(target: Bag, delta: unknown, where: string): void {
  if (delta === undefined) return;
  if (!isObject(delta)) throw new MpsdError(400, `${where} must be an object with 'system' and/or 'custom'.`);
  for (const part of ['system', 'custom'] as const) {
    const changes = delta[part];
    if (changes === undefined) continue;
    if (!isObject(changes)) throw new MpsdError(400, `${where}.${part} must be an object.`);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete target[part][key];
      else target[part][key] = structuredClone(value);
    }
  }
}

export function emptyBag(): Bag {
  return { system: {}, custom: {} };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as Json);
  const kb = Object.keys(b as Json);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Json)[k], (b as Json)[k]));
}

/** Case-insensitive lookup of a key in a JSON object (enum and capability names, section 8.14). */
export function keyLike(object: Json, key: string): string | undefined {
  return Object.keys(object).find((k) => k.toLowerCase() === key.toLowerCase());
}

/** Whether a session has a capability; names compare case-insensitively (crossPlay/crossplay, section 8.14). */
export function hasCapability(session: Session, name: string): boolean {
  const capabilities = session.constants.system.capabilities;
  if (!isObject(capabilities)) return false;
  const key = keyLike(capabilities, name);
  return key !== undefined && capabilities[key] === true;
}
