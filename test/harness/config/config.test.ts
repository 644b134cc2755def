import { expect } from 'chai';
import { loadConfig as load } from '../../../harness/config';
import { EMBEDDED_PROFILE } from '../../../harness/target';

const loadConfig = (env: Record<string, string>) => load(env, EMBEDDED_PROFILE);

const expectConfigError = (env: Record<string, string>, ...fragments: string[]) => {
  let message = '';
  try {
    loadConfig(env);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message, 'loadConfig should have refused this environment').to.not.equal('');
  for (const fragment of fragments) expect(message).to.include(fragment);
};

describe('config', () => {
  it('defaults to replay against the embedded emulator with contract 107', () => {
    const config = loadConfig({});
    expect(config.mode).to.equal('replay');
    expect(config.target).to.deep.equal({ kind: 'emulator', faults: [] });
    expect(config.contractVersion).to.equal(107);
    expect(config.principals.alice?.authorization).to.match(/^XBL3\.0 x=/);
    expect(Object.isFrozen(config)).to.equal(true);
  });

  it('names the variable, the value and the allowed values for a bad mode', () => {
    expectConfigError({ MPSD_MODE: 'recrod' }, 'MPSD_MODE', '"recrod"', 'replay | record | record-missing | live | verify');
  });

  it('refuses a contract version below 104', () => {
    expectConfigError({ MPSD_CONTRACT_VERSION: '103' }, 'MPSD_CONTRACT_VERSION', '"103"', 'from 104 to 999');
  });

  it('refuses a contract version too large to be one, instead of sending it as 1e+23', () => {
    expectConfigError({ MPSD_CONTRACT_VERSION: '99999999999999999999999' }, 'MPSD_CONTRACT_VERSION', 'from 104 to 999');
    expectConfigError({ MPSD_CONTRACT_VERSION: '1000' }, 'MPSD_CONTRACT_VERSION');
  });

  it('refuses MPSD_MODE=constructor and toString: modes are own keys only', () => {
    expectConfigError({ MPSD_MODE: 'constructor' }, 'MPSD_MODE', '"constructor"');
    expectConfigError({ MPSD_MODE: 'toString' }, 'MPSD_MODE', '"toString"');
  });

  it('takes MPSD_TIMEOUT_MS within bounds, 15 s by default', () => {
    expect(loadConfig({}).timeoutMs).to.equal(15000);
    expect(loadConfig({ MPSD_TIMEOUT_MS: '2500' }).timeoutMs).to.equal(2500);
    expectConfigError({ MPSD_TIMEOUT_MS: '5s' }, 'MPSD_TIMEOUT_MS', 'from 100 to 600000');
  });

  it('knows who follows whom: the emulator graph by default, MPSD_FOLLOWS on a live target', () => {
    expect(loadConfig({}).follows).to.deep.equal([['alice', 'bob']]);
    const live = { MPSD_TARGET: 'https://mpsd.example.test', MPSD_MODE: 'live', MPSD_AUTH: 'XBL3.0 x=1;t', MPSD_XUID: '1' };
    expect(loadConfig(live).follows).to.deep.equal([]);
    expect(loadConfig({ ...live, MPSD_FOLLOWS: 'alice>bob, bob>carol' }).follows).to.deep.equal([
      ['alice', 'bob'],
      ['bob', 'carol'],
    ]);
    expectConfigError({ ...live, MPSD_FOLLOWS: 'alice>zed' }, 'MPSD_FOLLOWS', 'follower>followee pairs');
  });

  it('says file not found for an MPSD_CLIENT that does not exist', () => {
    expectConfigError({ MPSD_CLIENT: './nope.ts' }, 'MPSD_CLIENT', 'file not found');
  });

  it('refuses a target that is not an http(s) URL', () => {
    expectConfigError({ MPSD_TARGET: 'sessiondirectory.xboxlive.com' }, 'MPSD_TARGET', 'http(s) base URL');
  });

  it('refuses to record against a live target without a token', () => {
    expectConfigError({ MPSD_TARGET: 'https://mpsd.example.test', MPSD_MODE: 'record' }, 'MPSD_AUTH', 'live target');
  });

  it('never prints a malformed token back', () => {
    expectConfigError({ MPSD_TARGET: 'https://mpsd.example.test', MPSD_AUTH: 'Bearer secret-value-123' }, 'MPSD_AUTH', '<redacted>');
    try {
      loadConfig({ MPSD_TARGET: 'https://mpsd.example.test', MPSD_AUTH: 'Bearer secret-value-123' });
    } catch (error) {
      expect((error as Error).message).to.not.include('secret-value-123');
    }
  });

  it('takes each live principal from its own variables', () => {
    const config = loadConfig({
      MPSD_TARGET: 'https://mpsd.example.test/',
      MPSD_MODE: 'live',
      MPSD_AUTH: 'XBL3.0 x=1;tokenA',
      MPSD_XUID: '11',
      MPSD_AUTH_2: 'XBL3.0 x=2;tokenB',
      MPSD_XUID_2: '22',
    });
    expect(config.target).to.deep.equal({ kind: 'live', baseUrl: 'https://mpsd.example.test' });
    expect(config.principals.bob).to.deep.equal({ name: 'bob', authorization: 'XBL3.0 x=2;tokenB', xuid: '22' });
    expect(config.principals.carol).to.equal(undefined);
  });

  it('refuses an unknown planted fault and lists the known ones', () => {
    expectConfigError({ MPSD_EMULATOR_FAULTS: 'wrong-type,bogus' }, 'MPSD_EMULATOR_FAULTS', 'missing-required-field');
  });

  it('refuses a SCID that is not a GUID', () => {
    expectConfigError({ MPSD_SCID: 'my-scid' }, 'MPSD_SCID', 'GUID');
  });
});
