// A StrykerJS ignorer: no mutant in the text of a message meant for people. The contract a client can
// rely on is the status, the check id and its params; MPSD's error bodies are free text (docs/protocol.md
// 1.5), and a check's message only explains its failure. Mutating that text ("" for a sentence) makes
// mutants that no behaviour can kill; every other string (keys, enum values, roles) is still mutated.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** Calls whose argument at this index is a message: new MpsdError(status, message), failure(check, params, message), fail(path, expected, value). */
const MESSAGE_ARGUMENT = { MpsdError: 1, failure: 2, fail: 1, HarnessError: 1 };

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'messages', {
    shouldIgnore(path) {
      const call = path.parentPath;
      if (!call || !(call.isNewExpression() || call.isCallExpression())) return undefined;
      const callee = call.node.callee;
      const index = callee.type === 'Identifier' ? MESSAGE_ARGUMENT[callee.name] : undefined;
      return index !== undefined && path.listKey === 'arguments' && path.key === index
        ? `the text of a message (argument ${index} of ${callee.name})`
        : undefined;
    },
  }),
];
