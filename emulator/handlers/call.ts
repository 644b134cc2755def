import type { Principal } from '../auth';
import { MpsdError } from '../errors';
import { parseJson } from '../json';
import { isObject, type Json } from '../model';

/** One parsed request, as handlers see it (auth and contract version already checked). */
export interface Call {
  method: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  principal: Principal;
  contractVersion: number;
}

export function header(call: Call, name: string): string | undefined {
  const value = call.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** How deeply a request body may nest; MPSD's documents need fewer than ten levels [I]. */
const MAX_JSON_DEPTH = 64;

/** Refuse deep nesting before parsing, by scanning the text: no recursion, so no stack to overflow. */
function assertDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) throw new MpsdError(400, `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
    } else if (c === 125 || c === 93) depth -= 1;
  }
}

/** The request body as a JSON object; malformed JSON is a 400 (section 1.4). */
export function jsonBody(call: Call): Json {
  if (call.rawBody.trim() === '') return {};
  assertDepth(call.rawBody);
  let parsed: unknown;
  try {
    parsed = parseJson(call.rawBody);
  } catch (error) {
    throw new MpsdError(400, `The request body is not valid JSON: ${(error as Error).message}.`);
  }
  if (!isObject(parsed)) throw new MpsdError(400, 'The request body must be a JSON object.');
  return parsed;
}
