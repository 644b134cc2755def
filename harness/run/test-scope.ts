import { AsyncLocalStorage } from 'node:async_hooks';
import type { TestRun } from './test-run';

/**
 * Which test a request belongs to, whenever it is fired: the test's body runs inside its scope, and
 * timers, promises and callbacks it starts keep that scope after the test has ended. A request fired
 * then is charged to its own test, never to the one running at the time.
 */
export interface TestScope {
  title: string;
  ended: boolean;
  /** Requests fired after the test ended, as "METHOD path". */
  late: string[];
  /** The test whose body this is: what scenario() hands out. */
  test?: TestRun;
}

const scopes = new AsyncLocalStorage<TestScope>();

export function runInScope<T>(scope: TestScope, body: () => T): T {
  return scopes.run(scope, body);
}

export function currentScope(): TestScope | undefined {
  return scopes.getStore();
}
