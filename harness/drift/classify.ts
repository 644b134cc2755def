import { type Exchange, responseSchemaOf } from '../contract/exchange';
import { isLossless, parseLossless } from '../contract/lossless';
import { exchangeOf, type HarEntry } from '../recording/har';
import { schemaRegistry } from '../schema/registry';
import { isMapEntry, type Located, schemaAt } from '../schema/schema-at';

/**
 * Kinds of drift between a committed recording and a fresh answer. Only `breaking` fails `npm run verify`.
 *  breaking: field removed, type changed, enum value new or gone, status code changed, required field
 *            missing, contract header removed or changed, a different request sequence
 *  additive: a new optional field
 *  changed:  another value differs (a behaviour difference the scenarios' own assertions judge)
 *  noise:    volatile values: ids, timestamps, ETags, session names
 */
export const DRIFT_KINDS = ['breaking', 'additive', 'changed', 'noise'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface DriftItem {
  kind: DriftKind;
  change: string;
  /** Which request of the scenario, 1-based, and what it was. */
  exchange: number;
  request: string;
  /** status, a header, or a JSON pointer into the body. */
  at: string;
  recorded?: unknown;
  fresh?: unknown;
  /** Follows from an earlier break in the same scenario: shown, never counted as a cause. */
  consequence?: true;
}

const VOLATILE = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // ids, ETags, branches
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, // timestamps
  /^session-[0-9a-f]{12}$/, // session names the harness makes fresh on a live target
];
const isVolatile = (value: unknown) => typeof value === 'string' && VOLATILE.some((p) => p.test(value));
/** Replace volatile parts inside a longer string (a Content-Location path names a fresh session). */
const stable = (text: string) =>
  text
    .split('/')
    .map((part) => (isVolatile(part) ? '*' : part))
    .join('/');

const jsonType = (v: unknown) => {
  if (isLossless(v)) return /^-?\d+$/.test(v.value) ? 'integer' : 'number';
  return v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
};
/** A number as written (a 64-bit id keeps every digit), any other value as is. */
const plain = (v: unknown) => (isLossless(v) ? v.value : typeof v === 'number' ? String(v) : v);

/** Bodies compared as written: numbers losslessly (lossless.ts), so a rounded 64-bit id is drift. */
function bodyOf(text: string, parsed: unknown): unknown {
  try {
    return parseLossless(text);
  } catch {
    return parsed;
  }
}
const CONTRACT_HEADERS = ['content-type', 'etag', 'content-location', 'retry-after'];

/** Compare one fresh exchange with the recorded entry at the same position of the scenario. */
export function classifyExchange(recorded: HarEntry, fresh: Exchange, position: number): DriftItem[] {
  const request = `${fresh.request.method} ${fresh.request.path}`;
  const items: DriftItem[] = [];
  const add = (kind: DriftKind, change: string, at: string, was?: unknown, now?: unknown) =>
    items.push({
      kind,
      change,
      exchange: position,
      request,
      at,
      ...(was !== undefined ? { recorded: was } : {}),
      ...(now !== undefined ? { fresh: now } : {}),
    });

  const old = exchangeOf(recorded);
  if (old.response.status !== fresh.response.status)
    add('breaking', 'status code changed', 'status', old.response.status, fresh.response.status);
  const was = old.response.headers;
  for (const name of CONTRACT_HEADERS) {
    const before = was[name];
    const after = fresh.response.headers[name];
    if (before !== undefined && after === undefined) add('breaking', 'header removed', `header ${name}`, before, undefined);
    else if (before === undefined && after !== undefined) add('additive', 'new header', `header ${name}`, undefined, after);
    else if (before !== after && before !== undefined && after !== undefined) {
      if (name === 'content-type' && before.split(';')[0].trim() !== after.split(';')[0].trim())
        add('breaking', 'content type changed', `header ${name}`, before, after);
      else if (stable(before) !== stable(after) && name !== 'etag') add('changed', 'header value changed', `header ${name}`, before, after);
      else add('noise', 'volatile value', `header ${name}`, before, after);
    }
  }
  const schema = responseSchemaOf(fresh) ?? responseSchemaOf(old);
  if (schema && old.body !== undefined && fresh.body !== undefined)
    compare(bodyOf(old.response.text, old.body), bodyOf(fresh.response.text, fresh.body), '', schema, add);
  return items;
}

type Add = (kind: DriftKind, change: string, at: string, was?: unknown, now?: unknown) => void;

function compare(was: unknown, now: unknown, pointer: string, schema: string, add: Add): void {
  const at = pointer || '/';
  if (jsonType(was) !== jsonType(now)) {
    add('breaking', 'type changed', at, jsonType(was), jsonType(now));
    return;
  }
  if (Array.isArray(was) && Array.isArray(now)) {
    if (was.length !== now.length) add('changed', 'array length changed', at, was.length, now.length);
    for (let i = 0; i < Math.min(was.length, now.length); i += 1) compare(was[i], now[i], `${pointer}/${i}`, schema, add);
    return;
  }
  if (was && now && typeof was === 'object' && typeof now === 'object' && !isLossless(was) && !isLossless(now)) {
    const parent = schemaAt(schemaRegistry(), schema, pointer);
    const required = new Set(parent?.node.required ?? []);
    const a = was as Record<string, unknown>;
    const b = now as Record<string, unknown>;
    for (const key of Object.keys(a)) {
      const path = `${pointer}/${key}`;
      if (key in b) compare(a[key], b[key], path, schema, add);
      else if (required.has(key)) add('breaking', 'required field missing', path, a[key], undefined);
      else if (isMapEntry(parent, key))
        add('changed', 'entry removed', path, a[key], undefined); // a member, a server
      else add('breaking', 'field removed', path, a[key], undefined);
    }
    for (const key of Object.keys(b)) {
      if (key in a) continue;
      if (isMapEntry(parent, key)) add('changed', 'entry added', `${pointer}/${key}`, undefined, b[key]);
      else add('additive', 'new optional field', `${pointer}/${key}`, undefined, b[key]);
    }
    return;
  }
  if (plain(was) === plain(now)) return;
  const located: Located | undefined = schemaAt(schemaRegistry(), schema, pointer);
  if (located?.node.enum) add('breaking', 'enum value new or gone', at, was, now);
  else if (isVolatile(was) && isVolatile(now)) add('noise', 'volatile value', at, was, now);
  else add('changed', 'value changed', at, plain(was), plain(now)); // numbers as written, digit for digit
}
