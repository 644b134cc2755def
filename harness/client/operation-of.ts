import type { Operation } from './exchange';

const ROUTES: [string, RegExp, Operation][] = [
  ['POST', /^\/handles$/i, 'createHandle'],
  ['GET', /^\/handles\/[^/]+$/i, 'getHandle'],
  ['DELETE', /^\/handles\/[^/]+$/i, 'deleteHandle'],
  ['GET', /^\/handles\/[^/]+\/session$/i, 'getSessionByHandle'],
  ['PUT', /^\/handles\/[^/]+\/session$/i, 'putSessionByHandle'],
  ['GET', /^\/serviceconfigs\/[^/]+\/sessiontemplates\/[^/]+\/sessions\/[^/]+$/i, 'getSession'],
  ['PUT', /^\/serviceconfigs\/[^/]+\/sessiontemplates\/[^/]+\/sessions\/[^/]+$/i, 'putSession'],
];

/** Which client operation a method and path (query ignored) belong to; 'raw' for anything else. */
export function operationOf(method: string, path: string): Operation {
  const pathname = path.split('?')[0];
  return ROUTES.find(([m, pattern]) => m === method.toUpperCase() && pattern.test(pathname))?.[2] ?? 'raw';
}
