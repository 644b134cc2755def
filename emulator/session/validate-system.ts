import { MpsdError } from '../errors';
import { isKeptNumber } from '../json';
import { isGuid, isObject, type Json } from '../model';
import type { Rule } from './system-rules';

/** Timeouts are milliseconds; past ten years a value is a mistake (1e308 would break every date after it). */
export const MAX_TIMEOUT_MS = 10 * 365 * 24 * 3600 * 1000;
const MAX_COUNT = 1_000_000;

const describe = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : isKeptNumber(value)
        ? `number ${value.value}`
        : typeof value === 'object'
          ? 'an object'
          : `${typeof value} ${JSON.stringify(value)}`;

function fail(path: string, expected: string, value: unknown): never {
  throw new MpsdError(400, `${path} must be ${expected}; found ${describe(value)}.`);
}

const integerIn = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Check one value against its rule; returns it with enum values and object keys in their documented spelling. */
export function checkValue(value: unknown, rule: Rule, path: string): unknown {
  switch (rule) {
    case 'boolean':
      return typeof value === 'boolean' ? value : fail(path, 'true or false', value);
    case 'string':
      return typeof value === 'string' && value.length <= 10_000 ? value : fail(path, 'a string', value);
    case 'guid':
      return isGuid(value) ? value : fail(path, 'a GUID string', value);
    case 'xuid':
      return typeof value === 'string' && /^\d{1,20}$/.test(value) ? value : fail(path, 'a decimal xuid string', value);
    case 'titleId':
      return typeof value === 'string' && /^\d{1,10}$/.test(value) ? value : fail(path, 'a decimal title id string', value);
    case 'index':
      return integerIn(value, 0, MAX_COUNT) ? value : fail(path, `an integer from 0 to ${MAX_COUNT}`, value);
    case 'count':
      return integerIn(value, 1, MAX_COUNT) ? value : fail(path, `an integer from 1 to ${MAX_COUNT}`, value);
    case 'latency':
      return integerIn(value, 0, MAX_COUNT * 100) ? value : fail(path, 'a non-negative integer', value);
    case 'timeout':
      return value === null || integerIn(value, 0, MAX_TIMEOUT_MS)
        ? value
        : fail(path, `null or an integer number of milliseconds from 0 to ${MAX_TIMEOUT_MS}`, value);
    case 'duration':
      return integerIn(value, 0, MAX_TIMEOUT_MS)
        ? value
        : fail(path, `an integer number of milliseconds from 0 to ${MAX_TIMEOUT_MS}`, value);
    case 'any-object':
      return isObject(value) ? value : fail(path, 'an object', value);
  }
  if ('enum' in rule) {
    const found = typeof value === 'string' ? rule.enum.find((e) => e.toLowerCase() === value.toLowerCase()) : undefined;
    return found ?? fail(path, `one of ${rule.enum.join(', ')}`, value);
  }
  if ('array' in rule) {
    if (!Array.isArray(value)) fail(path, 'an array', value);
    if (rule.max !== undefined && value.length > rule.max) fail(path, `an array of at most ${rule.max} items`, `${value.length} items`);
    return value.map((item, i) => checkValue(item, rule.array, `${path}[${i}]`));
  }
  if ('map' in rule) {
    if (!isObject(value)) fail(path, 'an object', value);
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, v === null && rule.nullRemoves ? null : checkValue(v, rule.map, `${path}.${k}`)]),
    );
  }
  const checked = checkObject(value, rule.object, path, false);
  const missing = rule.required?.find((key) => !Object.hasOwn(checked, key));
  if (missing) throw new MpsdError(400, `${path}.${missing} is required: ${path} is sent whole, with ${rule.required?.join(', ')}.`);
  return checked;
}

/**
 * Check an object against its fixed keys. Unknown keys are refused (the schemas are enforced); a key that
 * differs from a documented one only by case takes the documented spelling (docs/protocol.md 8.14).
 * `nullDeletes`: at the top of a `system` delta, null removes the key (section 4).
 */
export function checkObject(value: unknown, rules: Readonly<Record<string, Rule>>, path: string, nullDeletes: boolean): Json {
  if (!isObject(value)) fail(path, 'an object', value);
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) {
    const known = Object.hasOwn(rules, key) ? key : Object.keys(rules).find((k) => k.toLowerCase() === key.toLowerCase());
    if (known === undefined)
      throw new MpsdError(
        400,
        `${path}.${key} is not a known field: the ${path} schema is fixed (known: ${Object.keys(rules).join(', ')}).`,
      );
    const rule = rules[known];
    Object.defineProperty(out, known, {
      value: item === null && nullDeletes ? null : checkValue(item, rule, `${path}.${known}`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
