import { expect } from 'chai';
import { handleResponseNamesSession } from '../../../harness/checks/handle-response-names-session';
import { sessionExchange } from '../fixtures';

const at = (location: string) => handleResponseNamesSession(sessionExchange({ headers: { 'content-location': location } }));

/** Through a handle, Content-Location names the session the handle led to, by its direct path (section 6). */
describe('handle-response-names-session', () => {
  it('passes a direct session path, in any case, with any characters but a slash in its parts', () => {
    for (const location of [
      '/serviceconfigs/00000000-0000-0000-0000-00007a5e0d4f/sessiontemplates/standard-lobby/sessions/abc',
      '/ServiceConfigs/S/SessionTemplates/T/Sessions/N',
      '/serviceconfigs/a b/sessiontemplates/t.1/sessions/%E6%97%A5',
    ])
      expect(at(location), location).to.equal(undefined);
  });

  it('names a path that is not exactly scid, template and name', () => {
    for (const location of [
      'https://host/serviceconfigs/s/sessiontemplates/t/sessions/n',
      '/serviceconfigs/s/sessiontemplates/t/sessions/n/extra',
      '/serviceconfigs/s/sessiontemplates/t/sessions/',
      '/serviceconfigs//sessiontemplates/t/sessions/n',
      '/serviceconfigs/s/sessiontemplates//sessions/n',
      '/serviceconfigs/s/x/sessiontemplates/t/sessions/n',
      '/serviceconfigs/s/sessiontemplates/t/x/sessions/n',
      '/handles/72ae4a80-65c2-4998-9537-28e30285325b/session',
    ])
      expect(at(location), location).to.deep.include({
        check: 'handle-response-names-session',
        params: { status: 200, contentLocation: location },
      });
  });

  it('asks nothing of an answer that is not a session through a handle', () => {
    expect(handleResponseNamesSession(sessionExchange({ operation: 'getSession', headers: { 'content-location': undefined } }))).to.equal(
      undefined,
    );
    expect(
      handleResponseNamesSession(sessionExchange({ status: 404, body: undefined, headers: { 'content-location': undefined } })),
    ).to.equal(undefined);
  });
});
