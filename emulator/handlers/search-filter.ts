import { MpsdError } from '../errors';
import { isObject, type Json } from '../model';
import { ownValue } from '../session/bags';

/**
 * The search filter of a handle query: the OData subset session browse documents (DECISIONS N1),
 * read by a small recursive-descent parser. Anything outside it is 400 naming the token.
 *
 *   filter     := or
 *   or         := and ('or' and)*
 *   and        := not ('and' not)*
 *   not        := 'not' not | primary
 *   primary    := '(' or ')' | 'tags/any(' var ':' item 'eq' string ')' | operand op literal
 *   operand    := field | 'tolower(' field ')'           field := strings/<name> | numbers/<name> | session/<name>
 *   item       := var | 'tolower(' var ')'               op := eq ne gt ge lt le
 *   literal    := 'text' ('' for ') | number | true | false
 *
 * Strings and tags are indexed in lower case (the docs: "queried in lower case"), so a comparison of
 * them is case-insensitive whether or not the client wrote tolower().
 */
export interface SearchFacts {
  attributes: Json;
  /** The session's facts a filter may name as session/<name> (the relatedInfo of a query). */
  session: Record<string, string | number | boolean> | undefined;
}
type Predicate = (facts: SearchFacts) => boolean;
type Value = string | number | boolean;

const TOKEN = /\s*(tags\/any\(|tolower\(|'(?:[^']|'')*'|-?\d+(?:\.\d+)?|[A-Za-z][\w]*(?:\/[A-Za-z][\w]*)?|[():]|\S+?)/y;
const OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

function tokenize(filter: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < filter.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(filter);
    if (!m) {
      if (filter.slice(at).trim() === '') break;
      throw unsupported(filter.slice(at).trim(), filter);
    }
    tokens.push(m[1]);
  }
  return tokens;
}

function unsupported(token: string | undefined, filter: string): MpsdError {
  return new MpsdError(
    400,
    `The filter construct '${(token ?? 'the end of the filter').slice(0, 100)}' in "${filter.slice(0, 200)}" is not supported: use strings/<name>, numbers/<name> or session/<name> (optionally in tolower()) with eq, ne, gt, ge, lt or le, tags/any(t:tolower(t) eq '...'), and, or, not and parentheses.`,
  );
}

function compare(actual: Value | undefined, op: string, expected: Value): boolean {
  if (actual === undefined) return op === 'ne';
  const a = typeof actual === 'string' ? actual.toLowerCase() : actual;
  const e = typeof expected === 'string' ? expected.toLowerCase() : expected;
  const order = a < e ? -1 : a === e ? 0 : 1;
  return { eq: order === 0, ne: order !== 0, gt: order > 0, ge: order >= 0, lt: order < 0, le: order <= 0 }[op] ?? false;
}

function fieldValue(field: string, facts: SearchFacts): Value | undefined {
  const [kind, name] = field.split('/');
  if (kind.toLowerCase() === 'session') return facts.session?.[name];
  const bag = ownValue(facts.attributes, kind.toLowerCase());
  const raw = isObject(bag) ? ownValue(bag, name) : undefined;
  return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : undefined;
}

export function parseSearchFilter(filter: string, sessionFields: readonly string[]): Predicate {
  const refuse = (token: string | undefined) => unsupported(token, filter);
  const tokens = tokenize(filter);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];
  const expect = (wanted: string) => {
    if (next()?.toLowerCase() !== wanted) throw refuse(tokens[at - 1]);
  };
  const literal = (): Value => {
    const token = next();
    if (token === undefined) throw refuse(token);
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (/^-?\d/.test(token)) return Number(token);
    if (/^(true|false)$/i.test(token)) return token.toLowerCase() === 'true';
    throw refuse(token);
  };
  const field = (): string => {
    const token = next();
    const [kind, name] = (token ?? '').split('/');
    if (!name || !['strings', 'numbers', 'session'].includes(kind.toLowerCase())) throw refuse(token);
    if (kind.toLowerCase() === 'session' && !sessionFields.includes(name)) throw refuse(token);
    return token as string;
  };
  const operator = (): string => {
    const op = next()?.toLowerCase();
    if (!op || !OPERATORS.includes(op)) throw refuse(tokens[at - 1]);
    return op;
  };
  const anyTag = (): Predicate => {
    const variable = next();
    if (!variable || !/^[A-Za-z]\w*$/.test(variable)) throw refuse(variable);
    expect(':');
    const lowered = peek() === 'tolower(';
    if (lowered) next();
    if (next() !== variable) throw refuse(tokens[at - 1]);
    if (lowered) expect(')');
    expect('eq');
    const wanted = literal();
    expect(')');
    return ({ attributes }) =>
      Array.isArray(attributes.tags) && attributes.tags.some((tag) => typeof tag === 'string' && compare(tag, 'eq', wanted));
  };
  const primary = (): Predicate => {
    const token = peek();
    if (token === '(') {
      next();
      const inner = or();
      expect(')');
      return inner;
    }
    if (token === 'tags/any(') {
      next();
      return anyTag();
    }
    const lowered = token === 'tolower(';
    if (lowered) next();
    const name = field();
    if (lowered) expect(')');
    const op = operator();
    const expected = literal();
    return (facts) => compare(fieldValue(name, facts), op, expected);
  };
  const not = (): Predicate => {
    if (peek()?.toLowerCase() !== 'not') return primary();
    next();
    const inner = not();
    return (facts) => !inner(facts);
  };
  const and = (): Predicate => {
    const parts = [not()];
    while (peek()?.toLowerCase() === 'and') {
      next();
      parts.push(not());
    }
    return (facts) => parts.every((p) => p(facts));
  };
  const or = (): Predicate => {
    const parts = [and()];
    while (peek()?.toLowerCase() === 'or') {
      next();
      parts.push(and());
    }
    return (facts) => parts.some((p) => p(facts));
  };
  const predicate = or();
  if (at < tokens.length) throw refuse(tokens[at]);
  return predicate;
}
