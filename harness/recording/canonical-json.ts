import { isLossless, parseLossless, stringifyLossless } from '../contract/lossless';

/** JSON with object keys sorted at every level and numbers kept as written: two bodies that mean the same serialise the same. */
function canonicalJson(value: unknown): string {
  return stringifyLossless(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object' || isLossless(value)) return value;
  return Object.fromEntries(
    Object.keys(value as object)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

/** A request body as matching sees it: canonical JSON when it parses, the raw text otherwise. */
export function canonicalBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  const text = typeof body === 'string' ? body : String(body);
  try {
    return canonicalJson(parseLossless(text));
  } catch {
    return text;
  }
}
