import type { Json } from './model';

/** What a handler answers; server.ts turns it into bytes (and applies planted faults). */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A JSON body, as a value or as text already written (session documents are rendered as text). */
  json?: Json;
  jsonText?: string;
  /** Which contract document the body is, so planted faults can target it. */
  document?: 'session' | 'handle';
  text?: string;
}
