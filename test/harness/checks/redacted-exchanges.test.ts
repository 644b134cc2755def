import { expect } from 'chai';
import { ContractViolation } from '../../../harness/checks/checked-client';
import { failure } from '../../../harness/checks/failure';
import { caseVariants } from '../../../harness/checks/keys-match-documented-case';
import { responseCarriesNoCredential } from '../../../harness/checks/response-carries-no-credential';
import { scrubError } from '../../../harness/secrets';
import { sessionExchange } from '../fixtures';

/** A token of the documented shape (the part after the userhash is a JWE in real life). */
const TOKEN = 'XBL3.0 x=1234567890123;eyJhbGciOiJSU0EtT0FFUCJ9.c2VjcmV0c2VjcmV0c2VjcmV0.aGVsbG8td29ybGQtaGVsbG8';

/** Checks see exchanges after redaction, and errors leave the harness with nothing to redact. */
describe('checks and errors on redacted exchanges', () => {
  it('response-carries-no-credential takes the redaction marker itself as the evidence of an echoed token', () => {
    const echoed = sessionExchange({ headers: { 'x-echo': 'XBL3.0 <redacted>' } });
    expect(responseCarriesNoCredential(echoed)?.params).to.deep.equal({ where: 'header x-echo' });
    const inBody = sessionExchange({ body: { message: 'bad token <redacted:XBL3.0 token>' } });
    expect(responseCarriesNoCredential(inBody)?.params).to.deep.equal({ where: 'body' });
    expect(responseCarriesNoCredential(sessionExchange())).to.equal(undefined);
  });

  it('a ContractViolation holds no token in its exchange, its failures or anything a JSON reporter would print of it', () => {
    const exchange = sessionExchange({ headers: { 'x-echo': TOKEN } });
    exchange.request.headers.authorization = TOKEN;
    exchange.request.body = JSON.stringify({ note: TOKEN });
    const error = scrubError(
      new ContractViolation(exchange, [failure('response-carries-no-credential', { where: TOKEN }, `echoed ${TOKEN}`)]),
    ) as ContractViolation;
    const printed = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(printed).to.not.include('eyJhbGciOiJSU0EtT0FFUCJ9');
    expect(error.exchange.request.headers.authorization).to.not.include('eyJ');
    expect(error.exchange.response.headers['x-echo']).to.not.include('eyJ');
    expect(exchange.request.headers.authorization, 'the caller keeps its own exchange as it was').to.equal(TOKEN);
  });

  it('keys-match-documented-case looks inside arrays: a case variant in an array item is named with its index', () => {
    const session = { roleTypes: {}, members: {}, servers: {}, properties: { system: { turn: [0] } }, membersInfo: {} };
    expect(caseVariants('MultiplayerSession', { ...session, properties: { system: { Turn: [0] } } })).to.deep.equal([
      '/properties/system/Turn (documented as turn)',
    ]);
    const query = { results: [{ xuid: '1', startTime: 'x', sessionRef: { SCID: 'a' } }] };
    expect(caseVariants('SessionQueryResponse', query)).to.deep.equal(['/results/0/sessionRef/SCID (documented as scid)']);
  });
});
