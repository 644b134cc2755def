import { MpsdError } from '../errors';
import { type Bag, clone, isObject, type Json, type Session } from '../model';
import type { Rule } from './system-rules';
import { checkObject } from './validate-system';

/**
 * Set a key as data. Request keys such as `__proto__` or `constructor` are just names here: a plain
 * assignment would change the object's prototype or read an inherited function (DECISIONS R6).
 */
export function setKey(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A key's own value, never an inherited one. */
export function ownValue(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * Check a property-bag delta: exactly `system` and/or `custom` (docs/protocol.md 5), `system` against
 * its fixed schema. Returns the delta with documented key spellings; throws 400 naming the path.
 */
export function checkBag(
  delta: unknown,
  where: string,
  systemRules: Readonly<Record<string, Rule>>,
): { system?: Json; custom?: Json } | undefined {
  if (delta === undefined) return undefined;
  if (!isObject(delta)) throw new MpsdError(400, `${where} must be an object with 'system' and/or 'custom'.`);
  const unknown = Object.keys(delta).find((k) => k !== 'system' && k !== 'custom');
  if (unknown !== undefined) throw new MpsdError(400, `${where}.${unknown} is not allowed: a property bag has only 'system' and 'custom'.`);
  const out: { system?: Json; custom?: Json } = {};
  if (delta.system !== undefined) out.system = checkObject(delta.system, systemRules, `${where}.system`, true);
  if (delta.custom !== undefined) {
    if (!isObject(delta.custom)) throw new MpsdError(400, `${where}.custom must be an object.`);
    out.custom = delta.custom;
  }
  return out;
}

/**
 * Merge a checked delta (section 4): each system field is replaced whole, custom fields are set per
 * key, null removes a key, except where `keepsNull` says null is a value (an infinite timeout).
 */
export function mergeBag(
  target: Bag,
  delta: { system?: Json; custom?: Json } | undefined,
  keepsNull: (key: string) => boolean = () => false,
): void {
  if (!delta) return;
  for (const part of ['system', 'custom'] as const) {
    for (const [key, value] of Object.entries(delta[part] ?? {})) {
      if (value === null && !(part === 'system' && keepsNull(key))) delete target[part][key];
      else setKey(target[part], key, clone(value));
    }
  }
}

/** A bag to merge into: mergeBag sets values whole, so two new maps copy it (frozen constants included). */
export function copyBag(bag: Bag): Bag {
  return { system: { ...bag.system }, custom: { ...bag.custom } };
}

export function emptyBag(): Bag {
  return { system: {}, custom: {} };
}

/** JSON equality: the same own keys with equal values, in any order. Walks without copying key lists (it runs on every write). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  let keys = 0;
  for (const key in a as Json) {
    if (!Object.hasOwn(a as Json, key)) continue;
    if (!Object.hasOwn(b as Json, key) || !deepEqual((a as Json)[key], (b as Json)[key])) return false;
    keys += 1;
  }
  for (const key in b as Json) if (Object.hasOwn(b as Json, key)) keys -= 1;
  return keys === 0;
}

/** Whether a session has a capability (names are stored in their documented spelling, section 8.14). */
export function hasCapability(session: Session, name: string): boolean {
  const capabilities = ownValue(session.constants.system, 'capabilities');
  return isObject(capabilities) && ownValue(capabilities, name) === true;
}
