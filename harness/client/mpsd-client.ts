import type { PrincipalName } from '../config';
import { HarnessError, ERROR_CODES } from '../errors';
import { type Exchange, type HttpRequest, type HttpResponse, isThrottled, retryAfterMs, toExchange } from '../contract/exchange';
import { stringifyLossless } from '../contract/lossless';
import { OPERATIONS, type OperationName, pathFor } from '../contract/operations';
import { send } from './http-transport';

export interface SessionRef {
  scid: string;
  templateName: string;
  name: string;
}

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

/**
 * The handle surface as a client sees it. Scenarios talk only to this interface, so another client
 * (a team's own SDK wrapper) can run the same catalogue.
 */
export interface MpsdClient {
  createHandle(body: unknown, options?: RequestOptions): Promise<Exchange>;
  /** POST /handles/query; `options.query` carries include=relatedInfo,customProperties,roleInfo. */
  queryHandles(body: unknown, options?: RequestOptions): Promise<Exchange>;
  getHandle(handleId: string, options?: RequestOptions): Promise<Exchange>;
  deleteHandle(handleId: string, options?: RequestOptions): Promise<Exchange>;
  getSessionByHandle(handleId: string, options?: RequestOptions): Promise<Exchange>;
  putSessionByHandle(handleId: string, body: unknown, options?: RequestOptions): Promise<Exchange>;
  getSession(ref: SessionRef, options?: RequestOptions): Promise<Exchange>;
  putSession(ref: SessionRef, body: unknown, options?: RequestOptions): Promise<Exchange>;
}

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
  return pathFor('getSession', refParams(ref));
}

/** How a request reaches the wire; the default is node:http(s) (http-transport.ts). */
export type Transport = (baseUrl: string, request: HttpRequest, timeoutMs?: number) => Promise<HttpResponse>;

/**
 * The harness's own client: the headers XSAPI sends, nothing else, over a transport. The default
 * transport is node:http(s), which Polly's node-http adapter sees; examples/ plugs in fetch.
 */
export class HttpMpsdClient implements MpsdClient {
  constructor(
    private readonly settings: ClientSettings,
    private readonly transport: Transport = send,
  ) {}

  createHandle(body: unknown, options?: RequestOptions) {
    return this.call('createHandle', {}, options, body);
  }
  queryHandles(body: unknown, options?: RequestOptions) {
    return this.call('queryHandles', {}, options, body);
  }
  getHandle(handleId: string, options?: RequestOptions) {
    return this.call('getHandle', { handleId }, options);
  }
  deleteHandle(handleId: string, options?: RequestOptions) {
    return this.call('deleteHandle', { handleId }, options);
  }
  getSessionByHandle(handleId: string, options?: RequestOptions) {
    return this.call('getSessionByHandle', { handleId }, options);
  }
  putSessionByHandle(handleId: string, body: unknown, options?: RequestOptions) {
    return this.call('putSessionByHandle', { handleId }, options, body);
  }
  getSession(ref: SessionRef, options?: RequestOptions) {
    return this.call('getSession', refParams(ref), options);
  }
  putSession(ref: SessionRef, body: unknown, options?: RequestOptions) {
    return this.call('putSession', refParams(ref), options, body);
  }

  private async call(operation: OperationName, params: Record<string, string>, options: RequestOptions = {}, body?: unknown): Promise<Exchange> {
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
      if (!authorization) throw new HarnessError(ERROR_CODES.PRINCIPAL_MISSING, `no credentials for principal '${principal}'; set its variables (README, "Live targets")`);
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

const refParams = (ref: SessionRef) => ({ scid: ref.scid, templateName: ref.templateName, sessionName: ref.name });
