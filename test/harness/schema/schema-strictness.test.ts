import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { CLOSED_SYSTEM_FILE, renderClosedSystem, renderPrecompiled } from '../../../harness/contract/cli';
import { closeSchema } from '../../../harness/schema/closed-system';
import { describeViolation, toViolations } from '../../../harness/schema/describe-violation';
import { PRECOMPILED_FILE, SCHEMAS_DIR, SchemaRegistry, schemaRegistry } from '../../../harness/schema/registry';
import { sampleSession } from '../fixtures';

const SAMPLES = join(__dirname, '..', '..', 'fixtures', 'docs-samples');
const sample = (file: string) => JSON.parse(readFileSync(join(SAMPLES, file), 'utf8'));
const problems = (name: 'MultiplayerSession' | 'MultiplayerSessionRequest', document: unknown) =>
  toViolations(document, schemaRegistry().validate(name, document)).map(describeViolation);

describe('schemas: closed system objects in requests (protocol 4, 5)', () => {
  it('the committed request-side file is what npm run generate writes today', () => {
    expect(
      readFileSync(CLOSED_SYSTEM_FILE, 'utf8'),
      'schemas/MultiplayerSessionRequest.system.json is stale: run npm run generate',
    ).to.equal(renderClosedSystem());
  });

  it('closes every object with named properties and leaves maps and custom bags open', () => {
    const closed = closeSchema(
      {
        type: 'object',
        properties: { a: { type: 'object', properties: { b: {} } }, m: { type: 'object', additionalProperties: { type: 'string' } } },
      },
      'X.json',
    );
    expect(closed).to.deep.equal({
      type: 'object',
      additionalProperties: false,
      properties: {
        a: { type: 'object', additionalProperties: false, properties: { b: {} } },
        m: { type: 'object', additionalProperties: { type: 'string' } },
      },
    });
    expect(closeSchema({ $ref: '#/definitions/restriction' }, 'X.json')).to.deep.equal({ $ref: 'X.json#/definitions/restriction' });
  });

  it('refuses an unknown key at any depth of a system object, naming it', () => {
    const nested = { constants: { system: { memberInitialization: { membersNeededToStart: 1, autoStart: true } } } };
    const found = problems('MultiplayerSessionRequest', nested).join('\n');
    expect(found).to.include('at /constants/system/memberInitialization: found');
    expect(found).to.include("expected no property 'autoStart' (unknown keys are rejected here)");
    expect({ properties: { system: { joinRestrictions: 'followed' } } }).not.to.matchSchema('MultiplayerSessionRequest');
    expect({ members: { me: { properties: { system: { activ: true } } } } }).not.to.matchSchema('MultiplayerSessionRequest');
    expect({ members: { reserve_0: { constants: { system: { xuid: '1', role: 'x' } } } } }).not.to.matchSchema('MultiplayerSessionRequest');
  });

  it('still accepts every documented system key and any custom content', () => {
    expect({
      constants: {
        system: { memberInitialization: { membersNeededToStart: 2, externalEvaluation: true } },
        custom: { anything: { at: ['all'] } },
      },
    }).to.matchSchema('MultiplayerSessionRequest');
    expect({
      members: {
        me: { constants: { system: { initialize: true } }, properties: { system: { active: true, subscriptions: { a: null } } } },
      },
    }).to.matchSchema('MultiplayerSessionRequest');
  });
});

describe('schemas: the document follows its contract version (protocol 1.2, 5.2)', () => {
  it('a 107 document needs branch, changeNumber and startTime', () => {
    const { branch: _b, ...session } = sampleSession();
    expect(problems('MultiplayerSession', session).join('\n')).to.include("required property 'branch'");
  });

  it("a 104/105 document may leave them out, as the docs' 104 sample does", () => {
    const { branch: _b, changeNumber: _c, startTime: _s, ...session } = sampleSession();
    expect({ ...session, contractVersion: 105 }).to.matchSchema('MultiplayerSession');
    expect(
      sample('session-put-response--uri-serviceconfigsscidsessiontemplatessessiontemplatenamesessionssessionnameput.json'),
    ).to.matchSchema('MultiplayerSession');
  });

  it('a 107 name in a 104/105 document, or a 104 name in a 107 one, is a break at its path', () => {
    const legacy = { ...sampleSession(), contractVersion: 104 };
    (legacy.constants as { system: object }).system = { ...legacy.constants.system, memberInitialization: { membersNeededToStart: 1 } };
    expect(problems('MultiplayerSession', legacy).join('\n')).to.include('at /constants/system/memberInitialization: found');
    const current = sampleSession();
    (current.constants as { system: object }).system = { ...current.constants.system, timeouts: { reserved: 30000 } };
    expect(problems('MultiplayerSession', current).join('\n')).to.include(
      'at /constants/system/timeouts: found {"reserved":30000} (object), expected no such property here',
    );
  });

  it('a document without contractVersion is reported once, as missing it, not as a 104/105 document', () => {
    const { contractVersion: _v, ...unversioned } = sampleSession();
    (unversioned.constants as { system: object }).system = {
      ...unversioned.constants.system,
      memberInitialization: { membersNeededToStart: 1 },
    };
    const found = problems('MultiplayerSession', unversioned);
    expect(found).to.have.length(1);
    expect(found[0]).to.match(/contractVersion/);
  });
});

describe('schemas: validators compiled ahead of time (issue 12.3)', () => {
  it('the committed validators are what npm run generate writes from schemas/ today', () => {
    expect(readFileSync(PRECOMPILED_FILE, 'utf8'), 'generated/validators.cjs is stale: run npm run generate').to.equal(renderPrecompiled());
  });

  it('schemas edited since are compiled at start instead, and judge documents the same way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpsd-schemas-'));
    try {
      cpSync(SCHEMAS_DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'common.json'), `${readFileSync(join(dir, 'common.json'), 'utf8')}\n`); // same schema, other bytes
      const compiled = new SchemaRegistry(dir);
      const broken = { ...sampleSession(), changeNumber: '5' };
      for (const document of [sampleSession(), broken]) {
        expect(compiled.validate('MultiplayerSession', document)).to.deep.equal(schemaRegistry().validate('MultiplayerSession', document));
      }
      expect(compiled.validate('MultiplayerSession', broken)).to.have.length.above(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
