import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createEmulator } from '../../emulator';
import { EmulatorSetupError } from '../../emulator/errors';

/** What stops the emulator before it serves: a typed error with its code and a message that names the fix. */
describe('emulator: set-up errors carry their code', () => {
  const file = (text: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'mpsd-setup-')), 'file.json');
    writeFileSync(path, text);
    return path;
  };
  const setupError = (start: () => unknown) => {
    try {
      start();
    } catch (error) {
      return error;
    }
    throw new Error('the emulator started');
  };

  it('a templates file that is not JSON, or has no templates, is TEMPLATES_INVALID naming --templates', () => {
    for (const text of ['{', '{"serviceConfigs": []}']) {
      const error = setupError(() => createEmulator({ templatesFile: file(text) }));
      expect(error).to.be.instanceOf(EmulatorSetupError).and.to.have.property('code', 'TEMPLATES_INVALID');
    }
    expect((setupError(() => createEmulator({ templatesFile: file('{') })) as Error).message).to.include('--templates');
  });

  it('a social graph whose follows are not xuid lists is SOCIAL_GRAPH_INVALID', () => {
    const error = setupError(() => createEmulator({ socialGraphFile: file('{"follows": {"1": [2]}}') }));
    expect(error).to.be.instanceOf(EmulatorSetupError).and.to.have.property('code', 'SOCIAL_GRAPH_INVALID');
  });

  it('an unknown planted fault is FAULT_UNKNOWN, listing the known ones', () => {
    const error = setupError(() => createEmulator({ faults: ['no-such-fault'] }));
    expect(error).to.be.instanceOf(EmulatorSetupError).and.to.have.property('code', 'FAULT_UNKNOWN');
    expect((error as Error).message).to.include('wrong-type');
  });
});
