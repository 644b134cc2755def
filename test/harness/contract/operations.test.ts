import { expect } from 'chai';
import { ROUTES, route } from '../../../emulator/router';
import { OPERATION_NAMES, OPERATIONS, operationOf, pathFor } from '../../../harness/contract/operations';

describe('the operations table', () => {
  const sample = {
    handleId: '8d050174-412b-4d51-a29b-d55a34edfdb7',
    scid: 'd1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107',
    templateName: 'lobby',
    sessionName: 's 1',
    index: '2',
    serverName: 'relay',
  };

  it('identifies every operation from the method and the path it builds', () => {
    for (const name of OPERATION_NAMES) expect(operationOf(OPERATIONS[name].method, pathFor(name, sample)), name).to.equal(name);
  });

  it('ignores the query and the case of segment names (XSAPI writes sessionTemplates)', () => {
    expect(operationOf('put', '/serviceconfigs/x/sessionTemplates/t/sessions/n?nocommit=true')).to.equal('putSession');
  });

  it('names anything else unknown: another verb, another path', () => {
    expect(operationOf('PATCH', '/handles/x/session')).to.equal('unknown');
    expect(operationOf('GET', '/handles/x/session/extra')).to.equal('unknown');
    expect(operationOf('GET', '/handles/query'), 'a literal path is never read as a handle id').to.equal('unknown');
    expect(operationOf('POST', '/handles/query')).to.equal('queryHandles');
  });

  it('percent-encodes path parameters', () => {
    expect(pathFor('getSession', sample)).to.equal(
      '/serviceconfigs/d1a9f3c0-5e5d-4c8e-9a7b-3f2e00000107/sessiontemplates/lobby/sessions/s%201',
    );
  });

  it('gives every operation a label, a summary and at least one success status', () => {
    for (const name of OPERATION_NAMES) {
      const spec = OPERATIONS[name];
      expect(spec.label && spec.summary, name).to.be.a('string');
      expect(
        Object.keys(spec.responses).some((s) => s.startsWith('2')),
        name,
      ).to.equal(true);
    }
  });

  it('and the emulator serve the same surface: a route for every row, a row for every route', () => {
    const samples = OPERATION_NAMES.map((name) => ({
      name,
      method: OPERATIONS[name].method as string,
      path: decodeURIComponent(pathFor(name, sample)),
    }));
    for (const { name, method, path } of samples) expect(() => route(method, path), `${name}: ${method} ${path}`).to.not.throw();
    for (const r of ROUTES.filter((r) => !r.open)) {
      for (const method of Object.keys(r.methods)) {
        expect(
          samples.some((s) => s.method === method && r.pattern.test(s.path)),
          `the emulator serves ${method} ${r.pattern} but the operations table has no row for it`,
        ).to.equal(true);
      }
    }
  });

  it('reads DELETE …/members/me as leaving and any other member as removal by index', () => {
    expect(operationOf('DELETE', '/serviceconfigs/x/sessiontemplates/t/sessions/n/members/me')).to.equal('leaveSession');
    expect(operationOf('DELETE', '/serviceconfigs/x/sessiontemplates/t/sessions/n/members/3')).to.equal('removeMember');
  });
});
