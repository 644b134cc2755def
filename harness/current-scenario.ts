import { ERROR_CODES, HarnessError } from './errors';
import { currentScope, type ScenarioContext } from './run';

/**
 * The running test's client, inputs and config, read from the async scope its body runs in (the root
 * hooks run every body of specs/ in its TestRun's scope): a callback the test left behind still gets
 * its own test, never the one running at the time.
 */
export function scenario(): ScenarioContext {
  const context = currentScope()?.test?.context;
  if (!context)
    throw new HarnessError(
      ERROR_CODES.NO_SCENARIO,
      'scenario() is available only inside a test of a file under specs/ (the root hooks set it up per test); move the call into an it() block',
    );
  return context;
}
