import type { Principal } from '../auth';
import { MpsdError } from '../errors';
import { type Json, isObject } from '../model';

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

/** The request body as a JSON object; malformed JSON is a 400 (section 1.4). */
export function jsonBody(call: Call): Json {
  if (call.rawBody.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.rawBody);
  } catch (error) {
    throw new MpsdError(400, `The request body is not valid JSON: ${(error as Error).message}.`);
  }
  if (!isObject(parsed)) throw new MpsdError(400, 'The request body must be a JSON object.');
  return parsed;
}
