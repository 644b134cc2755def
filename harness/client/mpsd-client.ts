import type { PrincipalName } from '../config';
import { type Exchange, type HttpRequest, type HttpResponse, isThrottled, retryAfterMs, toExchange } from '../contract/exchange';
import { stringifyLossless } from '../contract/lossless';
import { PATH_PARAMETERS, type PathArguments, type SessionRef } from '../contract/operation-spec';
import { OPERATION_NAMES, OPERATIONS, type OperationName, type OperationRows, pathFor } from '../contract/operations';
import { ERROR_CODES, HarnessError } from '../errors';

export type { MemberRef, ServerRef, SessionRef, TemplateRef } from '../contract/operation-spec';

import { send } from './http-transport';

export interface RequestOptions {
  /** Who sends it (default: the client's default principal); null sends no Authorization at all. */
  as?: PrincipalName | null;
  /** x-xbl-contract-version to send; null leaves the header out. */
  contractVersion?: number | null;
  ifMatch?: string;
  ifNoneMatch?: string;
  query?: Record<string, string>;
  /** Send these bytes instead of the body as JSON: for malformed-body scenarios. */
  rawBody?: string;
  /** The body breaks the request schema on purpose; skip the outgoing-body check. */
  invalidOnPurpose?: boolean;
}

/** The client method of an operation, derived from its row: the path argument (unless none), the body (if the row has a request schema), then the options. */
export type ClientMethod<K extends OperationName> = OperationRows[K] extends {
  params: infer P extends keyof PathArguments;
  request: string;
}
  ? P extends 'none'
    ? (body: unknown, options?: RequestOptions) => Promise<Exchange>
    : (argument: PathArguments[P], body: unknown, options?: RequestOptions) => Promise<Exchange>
  : OperationRows[K] extends { params: infer P extends keyof PathArguments }
    ? P extends 'none'
      ? (options?: RequestOptions) => Promise<Exchange>
      : (argument: PathArguments[P], options?: RequestOptions) => Promise<Exchange>
    : never;

/**
 * The MPSD surface as a client sees it: one method per row of the operations table, named as the row.
 * Scenarios talk only to this interface, so another client (a team's own SDK wrapper) can run the same
 * catalogue; a wrapper may leave methods out, and the scenarios that need them then say so.
 */
export type MpsdClient = { [K in OperationName]: ClientMethod<K> };

export interface ClientSettings {
  baseUrl: string;
  contractVersion: number;
  /** Authorization value per principal name. */
  authorizations: Partial<Record<PrincipalName, string>>;
  defaultPrincipal: PrincipalName;
  /** Give up on an answer after this long (MPSD_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Retry a throttled answer (429/503 with Retry-After): how often, and the longest wait honoured. Off in replay. */
  retryThrottled?: { attempts: number; maxWaitMs: number };
}

/** The direct session path, as Content-Location names it. */
export function sessionPath(ref: SessionRef): string {
  return pathFor('getSession', PATH_PARAMETERS.sessionRef(ref));
}

/** How a request reaches the wire; the default is node:http(s) (http-transport.ts). */
export type Transport = (baseUrl: string, request: HttpRequest, timeoutMs?: number) => Promise<HttpResponse>;

/** Where an operation's method takes its path argument, body and options (the row's `params` and `request`). */
export function argumentPositions(operation: OperationName): { path?: number; body?: number; options: number } {
  const spec = OPERATIONS[operation];
  const first = spec.params === 'none' ? 0 : 1;
  return { ...(first ? { path: 0 } : {}), ...(spec.request ? { body: first } : {}), options: first + (spec.request ? 1 : 0) };
}

/**
 * The harness's own client: the headers XSAPI sends, nothing else, over a transport. The default
 * transport is node:http(s), which Polly's node-http adapter sees; examples/ plugs in fetch. Its methods
 * are made from the operations table, one per row.
 */
export interface HttpMpsdClient extends MpsdClient {}
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the constructor defines every method of MpsdClient (the interface), one per row.
export class HttpMpsdClient {
  constructor(
    private readonly settings: ClientSettings,
    private readonly transport: Transport = send,
  ) {
    for (const operation of OPERATION_NAMES) {
      Object.defineProperty(this, operation, { value: (...args: unknown[]) => this.invoke(operation, args), enumerable: true });
    }
  }

  private invoke(operation: OperationName, args: unknown[]): Promise<Exchange> {
    const at = argumentPositions(operation);
    const toParams = PATH_PARAMETERS[OPERATIONS[operation].params] as (argument: unknown) => Record<string, string>;
    const params = at.path === undefined ? {} : toParams(args[at.path]);
    return this.call(operation, params, args[at.options] as RequestOptions | undefined, at.body === undefined ? undefined : args[at.body]);
  }

  private async call(
    operation: OperationName,
    params: Record<string, string>,
    options: RequestOptions = {},
    body?: unknown,
  ): Promise<Exchange> {
    const request = this.buildRequest(OPERATIONS[operation].method, pathFor(operation, params), options, body);
    let response = await this.transport(this.settings.baseUrl, request, this.settings.timeoutMs);
    // Honour Retry-After a bounded number of times (section 1.4); a wait longer than allowed is not waited for.
    const retry = this.settings.retryThrottled;
    for (let attempt = 0; retry && attempt < retry.attempts && isThrottled(response); attempt += 1) {
      const wait = retryAfterMs(response);
      if (wait === undefined || wait > retry.maxWaitMs) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
      response = await this.transport(this.settings.baseUrl, request, this.settings.timeoutMs);
    }
    return toExchange(request, response);
  }

  private buildRequest(method: string, path: string, options: RequestOptions, body: unknown): HttpRequest {
    const headers: Record<string, string> = { accept: 'application/json' };
    const version = options.contractVersion === undefined ? this.settings.contractVersion : options.contractVersion;
    if (version !== null) headers['x-xbl-contract-version'] = String(version);
    const principal = options.as === undefined ? this.settings.defaultPrincipal : options.as;
    if (principal !== null) {
      const authorization = this.settings.authorizations[principal];
      if (!authorization)
        throw new HarnessError(
          ERROR_CODES.PRINCIPAL_MISSING,
          `no credentials for principal '${principal}'; set its variables (README, "Live targets")`,
        );
      headers.authorization = authorization;
    }
    if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
    if (options.ifNoneMatch !== undefined) headers['if-none-match'] = options.ifNoneMatch;
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
    const text = options.rawBody ?? (body === undefined ? undefined : stringifyLossless(body));
    if (text !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      headers['content-length'] = String(Buffer.byteLength(text));
    }
    return { method, path: path + query, headers, ...(text !== undefined ? { body: text } : {}) };
  }
}
