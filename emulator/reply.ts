import type { Json } from './model';

/** What a handler answers; server.ts turns it into bytes (and applies planted faults). */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A JSON body; `document` says which contract document it is, so faults can target it. */
  json?: Json;
  document?: 'session' | 'handle';
  /** `json` already serialised (a cached rendering): sent as is unless a planted fault changes the document. */
  jsonText?: string;
  text?: string;
}
