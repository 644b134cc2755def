import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/**
 * The committed patches (patch-package, applied by npm's postinstall) are in force: every line a patch
 * adds is in the installed file. A dependency update that drops one fails here, not silently in a
 * benchmark.
 */
describe('committed dependency patches', () => {
  for (const patch of readdirSync(join(ROOT, 'patches')).filter((f) => f.endsWith('.patch'))) {
    it(`${patch} is applied to node_modules`, () => {
      const text = readFileSync(join(ROOT, 'patches', patch), 'utf8');
      for (const [, file, body] of text.matchAll(/^diff --git a\/(\S+) b\/\S+\n([\s\S]*?)(?=^diff --git |(?![\s\S]))/gm)) {
        const installed = readFileSync(join(ROOT, file), 'utf8');
        const added = body
          .split('\n')
          .filter((l) => l.startsWith('+') && !l.startsWith('+++'))
          .map((l) => l.slice(1));
        for (const line of added) expect(installed, `${file} lacks a line of ${patch}: ${line}`).to.include(line);
      }
    });
  }
});

describe('the deferred node server of @pollyjs/persister-fs', () => {
  it('keeps persister-fs its file layout, and loads no node server until its API is used', () => {
    const { API } = require('@pollyjs/node-server') as { API: new (o: { recordingsDir: string }) => { filenameFor(id: string): string } };
    const { HarnessPersister } = require('../harness/recording/harness-persister') as typeof import('../harness/recording/harness-persister');
    const persister = Object.create(HarnessPersister.prototype) as InstanceType<typeof HarnessPersister>;
    Object.defineProperty(persister, 'options', { value: { recordingsDir: '/r' } });
    expect(persister.filenameFor('suite_1/test_2')).to.equal(new API({ recordingsDir: '/r' }).filenameFor('suite_1/test_2'));
    const probe = `require('@pollyjs/persister-fs'); console.log(Object.keys(require.cache).some((f) => f.includes('node-server')))`;
    expect(require('node:child_process').execFileSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8' }).trim()).to.equal('false');
  });
});

/**
 * What the performance patches to @pollyjs/core and @pollyjs/adapter must not change: a request's
 * response and headers are frozen once it is answered, identical requests are numbered in order, a
 * request sees Polly's config as it is now, ids are the md5 Polly always wrote, and a replayed entry
 * that is not frozen is still copied before use.
 */
describe("the Polly performance patches keep Polly's behaviour", () => {
  const { Polly } = require('@pollyjs/core') as typeof import('@pollyjs/core');
  const Adapter = require('@pollyjs/adapter') as new (polly: unknown) => object;
  // An adapter with no transport: passthrough answers from a fixed response, so the test is about Polly alone.
  class FixedAdapter extends (Adapter as unknown as new (polly: unknown) => { handleRequest(r: object): Promise<PollyRequestLike> }) {
    static get id() {
      return 'fixed-answer';
    }
    onConnect() {}
    onDisconnect() {}
    async onFetchResponse() {
      return { statusCode: 200, headers: { 'X-Answer': 'yes' }, body: 'ok' };
    }
    async onRespond() {}
  }
  interface PollyRequestLike {
    id: string;
    order: number;
    config: { recordFailedRequests: boolean };
    response: { headers: Record<string, string>; statusCode: number };
  }
  Polly.register(FixedAdapter as never);
  const send = (polly: InstanceType<typeof Polly>, url = 'http://x.invalid/a?b=1') =>
    (polly as unknown as { adapters: Map<string, { handleRequest(r: object): Promise<PollyRequestLike> }> }).adapters
      .get('fixed-answer')!
      .handleRequest({ url, method: 'GET', headers: { Accept: '*/*' }, requestArguments: {} });

  it('freezes the answered response and its headers, which still read case-insensitively', async () => {
    const polly = new Polly('patches/freeze', { mode: 'passthrough', adapters: ['fixed-answer'], logLevel: 'silent' });
    try {
      const request = await send(polly);
      expect(request.response.statusCode).to.equal(200);
      expect(request.response.headers['x-answer']).to.equal('yes');
      expect(request.response.headers['X-ANSWER']).to.equal('yes');
      expect(Object.isFrozen(request.response)).to.equal(true);
      expect(Object.isFrozen(request.response.headers)).to.equal(true);
      expect(() => {
        request.response.headers['x-late'] = 'no';
      }).to.throw(TypeError);
    } finally {
      await polly.stop();
    }
  });

  it('numbers identical requests 0, 1, 2 and gives them the md5 id Polly always gave', async () => {
    const polly = new Polly('patches/order', { mode: 'passthrough', adapters: ['fixed-answer'], logLevel: 'silent', matchRequestsBy: { order: true } });
    try {
      const requests = [await send(polly), await send(polly), await send(polly)];
      expect(requests.map((r) => r.order)).to.deep.equal([0, 1, 2]);
      const md5 = require('blueimp-md5') as (text: string) => string;
      const stringify = require('fast-json-stable-stringify') as (value: unknown) => string;
      const identifiers = (requests[0] as unknown as { identifiers: unknown }).identifiers;
      expect(requests[0].id).to.equal(md5(stringify(identifiers)));
    } finally {
      await polly.stop();
    }
  });

  it('forgets its loggers when it stops, so a long run does not keep one per request', async () => {
    const loglevel = require('loglevel') as { getLoggers(): Record<string, unknown> };
    const polly = new Polly('patches/loggers', { mode: 'passthrough', adapters: ['fixed-answer'], logLevel: 'silent' });
    const request = await send(polly);
    (request as unknown as { log: unknown }).log; // a request's logger is made on first use
    const named = () => Object.keys(loglevel.getLoggers()).filter((name) => name.includes('patches/loggers'));
    expect(named()).to.have.length.greaterThan(1);
    await polly.stop();
    expect(named()).to.deep.equal([]);
  });

  it('still logs each request and response at the info level', async () => {
    const lines: string[] = [];
    const { info } = console;
    console.info = (...args: unknown[]) => lines.push(args.join(' ')); // loglevel binds console methods as levels are set
    try {
      const polly = new Polly('patches/logging', { mode: 'passthrough', adapters: ['fixed-answer'], logLevel: 'info' });
      await send(polly);
      await polly.stop();
    } finally {
      console.info = info;
    }
    expect(lines.some((l) => l.includes('Request: GET http://x.invalid/a?b=1'))).to.equal(true);
    expect(lines.some((l) => l.includes('Response: Passthrough') && l.includes('200'))).to.equal(true);
  });

  it("merges a route's own config into its requests only, the others sharing Polly's", async () => {
    const polly = new Polly('patches/config', { mode: 'passthrough', adapters: ['fixed-answer'], logLevel: 'silent', recordFailedRequests: false });
    try {
      polly.server.get('http://x.invalid/a').configure({ recordFailedRequests: true });
      const routed = await send(polly);
      const plain = await send(polly, 'http://x.invalid/other');
      expect(routed.config.recordFailedRequests).to.equal(true);
      expect(plain.config.recordFailedRequests).to.equal(false);
      expect(polly.config.recordFailedRequests).to.equal(false);
    } finally {
      await polly.stop();
    }
  });
});
