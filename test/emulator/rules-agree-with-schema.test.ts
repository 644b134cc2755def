import { expect } from 'chai';
import type { Rule } from '../../emulator/session/system-rules';
import { MEMBER_CONSTANTS, MEMBER_PROPERTIES, SESSION_CONSTANTS, SESSION_PROPERTIES } from '../../emulator/session/system-rules';
import { checkValue } from '../../emulator/session/validate-system';
import { schemaRegistry } from '../../harness/schema/registry';
import { sampleSession } from '../harness/fixtures';

/**
 * The emulator's system-object rules and the harness's response schema are written apart on purpose
 * (each checks the other), so where the emulator accepts a value the schema must too: otherwise the
 * emulator stores and serves a document the harness rejects. Here: every edge value a constant's rule
 * accepts, written into a session document, passes the schema.
 */
const EDGES: unknown[] = [null, 0, -1, 1.5, 2 ** 53, '', 'x', true, [], {}];

function accepted(rule: Rule, path: string, wrap: (edge: unknown) => unknown = (edge) => edge): unknown[] {
  return EDGES.map(wrap).filter((value) => {
    try {
      checkValue(value, rule, path);
      return true;
    } catch {
      return false;
    }
  });
}

type Doc = ReturnType<typeof sampleSession>;
/** Where each table's objects sit in a session document. */
const TABLES: [string, Record<string, Rule>, (d: Doc) => Record<string, unknown>][] = [
  ['constants.system', SESSION_CONSTANTS, (d) => d.constants.system as Record<string, unknown>],
  ['properties.system', SESSION_PROPERTIES, (d) => d.properties.system as Record<string, unknown>],
  ['members.0.constants.system', MEMBER_CONSTANTS, (d) => d.members['0'].constants.system as Record<string, unknown>],
  [
    'members.0.properties.system',
    MEMBER_PROPERTIES,
    (d) => (d.members['0'] as unknown as { properties: { system: Record<string, unknown> } }).properties.system,
  ],
];

describe('emulator: system rules agree with the response schema', () => {
  for (const [where, rules, bag] of TABLES) {
    it(`every edge value a rule of ${where} accepts is valid in the document`, () => {
      const problems: string[] = [];
      for (const [key, rule] of Object.entries(rules)) {
        const nested = typeof rule === 'object' && 'object' in rule ? Object.entries(rule.object) : [[undefined, rule] as const];
        for (const [field] of nested) {
          // A field of an object is tried inside its object, so the object's own rules (required keys) apply.
          for (const value of accepted(rule, `${where}.${key}`, (edge) => (field ? { [field]: edge } : edge))) {
            const session = sampleSession();
            bag(session)[key] = value;
            if (schemaRegistry().validate('MultiplayerSession', session).length > 0) problems.push(`${key} = ${JSON.stringify(value)}`);
          }
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }
});
