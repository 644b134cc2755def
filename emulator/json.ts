import { LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * JSON that keeps numbers exactly as sent. Clients store 64-bit ids in custom bags (2667261543315367301)
 * and write 1.0 where they mean it; JavaScript numbers would round the one and shorten the other, and
 * the client that republishes what it read would corrupt its own data (DECISIONS R8). A number that a
 * JavaScript number holds exactly stays one; any other keeps its text.
 * harness/contract/lossless.ts does the same on the harness side: the emulator never imports the harness.
 */
const keepText = (text: string) => (String(Number(text)) === text ? Number(text) : new LosslessNumber(text));

/**
 * A number kept as written, known by its class and never by its shape: a client's object that happens to
 * read {"isLosslessNumber": true, "value": "12"} is an object, and stays one (model.ts clones keep the class).
 */
export const isKeptNumber = (value: unknown): value is LosslessNumber => value instanceof LosslessNumber;

/**
 * Parse as lossless-json would. Most bodies hold only short integers and no key twice: for those the
 * native parser gives the same value, and lossless-json, written in JavaScript, made a fifth of all
 * the emulator allocated per PUT. One scan of the text tells (plainPairs); anything else, a malformed
 * text included (for lossless-json's error message), takes the lossless way.
 */
export function parseJson(text: string): unknown {
  const pairs = plainPairs(text);
  if (pairs >= 0) {
    try {
      const value: unknown = JSON.parse(text);
      if (countPairs(value) === pairs) return value; // fewer pairs than colons: a key was given twice
    } catch {
      // malformed: lossless-json says how
    }
  }
  return parse(text, null, keepText);
}

/** Digits a number may have and still read back as written: every integer up to 15 digits does. */
const MAX_PLAIN_DIGITS = 15;

/**
 * The key-value pairs in a text whose numbers are all plain integers (no fraction, exponent or -0,
 * at most 15 digits), found by counting colons outside strings; -1 when some number is not plain.
 */
function plainPairs(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // a string: skip to its closing quote, escapes included
      for (i += 1; i < text.length && text.charCodeAt(i) !== 34; i += 1) if (text.charCodeAt(i) === 92) i += 1;
    } else if (c === 58) pairs += 1;
    else if (c === 45 || (c >= 48 && c <= 57)) {
      const start = c === 45 ? i + 1 : i;
      let end = start;
      while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end += 1;
      const next = text.charCodeAt(end);
      const digits = end - start;
      if (digits === 0 || digits > MAX_PLAIN_DIGITS || next === 46 || next === 69 || next === 101) return -1; // . E e
      if (c === 45 && digits === 1 && text.charCodeAt(start) === 48) return -1; // -0 reads back as 0
      i = end - 1;
    }
  }
  return pairs;
}

/** Own keys in every object of a parsed value. */
function countPairs(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let pairs = 0;
  if (Array.isArray(value)) {
    for (const item of value) pairs += countPairs(item);
    return pairs;
  }
  for (const key in value) if (Object.hasOwn(value, key)) pairs += 1 + countPairs((value as Record<string, unknown>)[key]);
  return pairs;
}

/**
 * A document as JSON text, kept numbers written as they came. lossless-json writes in JavaScript and
 * was a tenth of the emulator's time under a PUT load; most documents hold no kept number, and for
 * those the native writer gives the same text (test/emulator/json.test.ts holds the two to each other).
 * A kept number is an object with an own `isLosslessNumber` key, so the native writer leaves that name
 * in its text wherever one was: no walk over the document is needed to know. A client's own key of that
 * name takes the slow way too, which is only slower.
 */
export function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  if (!text.includes('"isLosslessNumber"')) return text;
  return stringify(value, undefined, undefined, [{ test: isKeptNumber, stringify: (kept) => (kept as LosslessNumber).value }]) ?? '';
}
