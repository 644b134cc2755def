import { currentRun } from './mocha/root-hooks';
import type { ScenarioContext } from './run';

/** The running test's client, inputs and config. Only inside an `it` of a file under specs/. */
export function scenario(): ScenarioContext {
  const context = currentRun()?.current;
  if (!context) throw new Error('scenario() is available only inside a test of a file under specs/ (the root hooks set it up per test)');
  return context;
}
