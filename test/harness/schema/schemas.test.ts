import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { describeViolation, toViolations } from '../../../harness/schema/describe-violation';
import { SCHEMA_NAMES, SchemaRegistry, schemaRegistry } from '../../../harness/schema/registry';
import { REPO_ROOT } from '../../support/paths';
import { sampleSession } from '../fixtures';

/** Docs samples carried as fixtures (their sources: test/fixtures/docs-samples/README.md). */
const SAMPLES = join(__dirname, '..', '..', 'fixtures', 'docs-samples');
const sample = (file: string) => JSON.parse(readFileSync(join(SAMPLES, file), 'utf8'));

describe('schemas', () => {
  it('each schema file has an absolute $id and explains how it treats unknown fields', () => {
    const dir = join(REPO_ROOT, 'schemas');
    for (const file of readdirSync(dir).filter((f) => f !== 'common.json')) {
      const schema = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect(schema.$id, file).to.match(/^https:\/\//);
      expect(schema.$comment, file).to.match(/unknown/i);
    }
  });

  it('compiles every document in strict mode', () => {
    const registry = new SchemaRegistry();
    for (const name of SCHEMA_NAMES) expect(registry.validator(name)).to.be.a('function');
  });

  it('accepts a complete session document', () => {
    expect(sampleSession()).to.matchSchema('MultiplayerSession');
  });

  it('names the instance path, the value and the expectation of a wrong type', () => {
    const session = { ...sampleSession(), changeNumber: '5' };
    const [violation] = toViolations(session, schemaRegistry().validate('MultiplayerSession', session));
    expect(describeViolation(violation)).to.equal(
      'at /changeNumber: found "5" (string), expected type integer [schema #/properties/changeNumber/type]',
    );
  });

  it('requires the recommended root fields', () => {
    const { correlationId: _omitted, ...session } = sampleSession();
    const violations = toViolations(session, schemaRegistry().validate('MultiplayerSession', session));
    expect(violations.map((v) => [v.instancePath, v.expected])).to.deep.equal([['/', "required property 'correlationId'"]]);
  });

  it('accepts a xuid only as a decimal string', () => {
    const session = sampleSession();
    (session.members['0'].constants.system as { xuid: unknown }).xuid = 2533274800000001;
    expect(toViolations(session, schemaRegistry().validate('MultiplayerSession', session))[0].instancePath).to.equal(
      '/members/0/constants/system/xuid',
    );
  });

  it('accepts the docs request samples that are whole documents', () => {
    expect(
      sample(
        'session-put-request-create-with-reservation--uri-serviceconfigsscidsessiontemplatessessiontemplatenamesessionssessionnameput.json',
      ),
    ).to.matchSchema('MultiplayerSessionRequest');
    expect(sample('handle-post-activity-request--uri-handlespost.json')).to.matchSchema('HandleCreateRequest');
    expect(sample('handle-post-invite-request--uri-handlespost.json')).to.matchSchema('HandleCreateRequest');
  });

  it('rejects an unknown top-level key in a PUT body', () => {
    expect({ members: {}, branch: 'x' }).not.to.matchSchema('MultiplayerSessionRequest');
  });

  it('rejects a handle request whose type-specific field is missing', () => {
    const invite = {
      version: 1,
      type: 'invite',
      sessionRef: { scid: '8d050174-412b-4d51-a29b-d55a34edfdb7', templateName: 't', name: 'n' },
    };
    const messages = toViolations(invite, schemaRegistry().validate('HandleCreateRequest', invite)).map(describeViolation);
    expect(messages.join('\n')).to.include("required property 'invitedXuid'");
  });
});
