import { HarnessError, ERROR_CODES } from './errors';
import type { ScenarioContext } from './run';

/** The running test of specs/: set by the root hooks before each test, cleared after it. */
let current: ScenarioContext | undefined;

export function setScenario(context: ScenarioContext | undefined): void {
  current = context;
}

/** The running test's client, inputs and config. Only inside an `it` of a file under specs/. */
export function scenario(): ScenarioContext {
  if (!current)
    throw new HarnessError(ERROR_CODES.NO_SCENARIO, 'scenario() is available only inside a test of a file under specs/ (the root hooks set it up per test); move the call into an it() block');
  return current;
}
