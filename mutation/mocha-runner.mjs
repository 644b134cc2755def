// A StrykerJS test runner for mocha 12. Stryker's own @stryker-mutator/mocha-runner 9.x (the last
// line that runs on Node 20) reads mocha's CLI through require(), which mocha 12 ships as ES modules;
// its 10.x line needs Node 22. This runner uses only mocha's programmatic API and Stryker's public
// plugin API, and keeps the same contract: one mocha instance per worker, test ids are full titles,
// perTest coverage through a root beforeEach, mutants switched on through Stryker's global.
import { createRequire } from 'node:module';
import path from 'node:path';
import { INSTRUMENTER_CONSTANTS } from '@stryker-mutator/api/core';
import { commonTokens, declareClassPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { DryRunStatus, determineHitLimitReached, TestStatus, toMutantRunResult } from '@stryker-mutator/api/test-runner';
import { globSync } from 'glob';

const require = createRequire(import.meta.url);
const { Mocha } = require('mocha');

/** The tests one run saw, in Stryker's terms. Mocha hands a reporter only its runner, so runs share this. */
const seen = { tests: [] };
function ResultsReporter(runner) {
  let started = Date.now();
  const elapsed = () => Date.now() - started;
  runner.on('start', () => {
    seen.tests = [];
    started = Date.now();
  });
  runner.on('test', () => (started = Date.now()));
  runner.on('pass', (test) =>
    seen.tests.push({
      id: test.fullTitle(),
      name: test.fullTitle(),
      status: TestStatus.Success,
      timeSpentMs: elapsed(),
      fileName: test.file,
    }),
  );
  runner.on('pending', (test) =>
    seen.tests.push({ id: test.fullTitle(), name: test.fullTitle(), status: TestStatus.Skipped, timeSpentMs: 0, fileName: test.file }),
  );
  runner.on('fail', (test, error) => {
    const id = test.ctx?.currentTest?.fullTitle() ?? test.fullTitle(); // a failing hook is charged to its test
    seen.tests.push({ id, name: id, status: TestStatus.Failed, failureMessage: String(error?.message ?? error), timeSpentMs: elapsed() });
  });
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

class Mocha12Runner {
  static inject = tokens(commonTokens.options);
  constructor(options) {
    this.settings = options.mocha12;
    this.stryker = globalThis[INSTRUMENTER_CONSTANTS.NAMESPACE] ??= {};
    this.loaded = false;
  }
  capabilities() {
    return { reloadEnvironment: false }; // mocha cannot unload a file it has required
  }
  async init() {
    // The spec catalogue runs live against the embedded emulator here, in this process, where mutants live.
    Object.assign(process.env, this.settings.env ?? {});
  }
  /**
   * Everything is loaded at the first run, the required files too: a 'static' mutant lives in code that
   * runs when a module loads (a module-level regex, a table), and the root hooks import most of the
   * harness, so loading them in init(), before any mutant is switched on, left such mutants off.
   */
  async load() {
    const rootHooks = { beforeAll: [], beforeEach: [], afterEach: [], afterAll: [] };
    for (const request of this.settings.require ?? []) {
      const loaded = require(request.startsWith('.') ? path.resolve(request) : request);
      for (const [kind, hooks] of Object.entries(loaded?.mochaHooks ?? {})) rootHooks[kind].push(...[hooks].flat());
    }
    this.mocha = new Mocha({ reporter: ResultsReporter, timeout: this.settings.timeout ?? 60000, rootHooks });
    this.mocha.cleanReferencesAfterRun(false);
    for (const file of this.settings.spec
      .flatMap((pattern) => globSync(pattern, { absolute: true, ignore: this.settings.ignore ?? [] }))
      .sort())
      this.mocha.addFile(file);
    const runner = this;
    this.mocha.suite.beforeEach(function () {
      if (runner.perTest) runner.stryker.currentTestId = this.currentTest?.fullTitle();
    });
    if (this.grep) this.mocha.grep(this.grep);
    await this.mocha.loadFilesAsync();
  }
  async dryRun({ coverageAnalysis, disableBail }) {
    this.perTest = coverageAnalysis === 'perTest';
    const result = await this.run(disableBail);
    this.perTest = false;
    if (result.status === DryRunStatus.Complete && coverageAnalysis !== 'off') result.mutantCoverage = this.stryker.mutantCoverage;
    return result;
  }
  async mutantRun({ activeMutant, testFilter, disableBail, hitLimit, mutantActivation }) {
    this.stryker.hitLimit = hitLimit;
    this.stryker.hitCount = hitLimit ? 0 : undefined;
    this.grep = testFilter ? new RegExp(testFilter.map((id) => `(^${escapeRegExp(id)}$)`).join('|')) : /.*/;
    this.mocha?.grep(this.grep);
    return toMutantRunResult(await this.run(disableBail, activeMutant.id, mutantActivation));
  }
  async run(disableBail, activeMutantId, mutantActivation) {
    const bail = (suite) => {
      suite.bail(!disableBail);
      suite.suites.forEach(bail);
    };
    try {
      if (!this.loaded) {
        // A 'static' mutant lives in code that runs when a module loads: switch it on before loading.
        this.stryker.activeMutant = mutantActivation === 'static' ? activeMutantId : undefined;
        await this.load();
        this.loaded = true;
      }
      bail(this.mocha.suite);
      this.stryker.activeMutant = activeMutantId;
      await new Promise((resolve) => this.mocha.run(resolve));
      return determineHitLimitReached(this.stryker.hitCount, this.stryker.hitLimit) ?? { status: DryRunStatus.Complete, tests: seen.tests };
    } catch (error) {
      return { status: DryRunStatus.Error, errorMessage: String(error?.stack ?? error) };
    }
  }
  async dispose() {
    try {
      this.mocha?.dispose();
    } catch (error) {
      if (error?.code !== 'ERR_MOCHA_INSTANCE_ALREADY_RUNNING') throw error;
    }
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'mocha12', Mocha12Runner)];

/** The runner's own options, so that Stryker validates them instead of warning they are unknown. */
export const strykerValidationSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    mocha12: {
      type: 'object',
      description: "Which test files the mutation run loads, what they require first, and mocha's timeout.",
      properties: {
        spec: { type: 'array', items: { type: 'string' }, minItems: 1 },
        ignore: {
          type: 'array',
          items: { type: 'string' },
          description: 'Test files left out: those that test through a child process, where no mutant is switched on.',
        },
        require: { type: 'array', items: { type: 'string' } },
        env: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Variables set in the test process before any file loads.',
        },
        timeout: { type: 'number' },
      },
      required: ['spec'],
      additionalProperties: false,
    },
  },
};
