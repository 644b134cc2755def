import { describeViolation, toViolations } from '../schema/describe-violation';
import { schemaRegistry } from '../schema/registry';
import { type Failure, failure } from './failure';

/**
 * One frame an RTA service sent, checked against the protocol (docs/protocol.md appendix on RTA): a JSON
 * array of a known kind, with an integer status on answers, and MPSD's shoulder taps in an event's data
 * (the RtaShoulderTaps schema). Returns what is wrong, or undefined. Pure.
 */
export function rtaFrameProblem(text: string): string | undefined {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return `an RTA frame is not JSON: ${JSON.stringify(text.slice(0, 120))}`;
  }
  if (!Array.isArray(frame)) return `an RTA frame is not a JSON array: ${text.slice(0, 120)}`;
  const [kind, second, third] = frame as unknown[];
  if (kind === 1 || kind === 2) {
    if (!Number.isInteger(second) || !Number.isInteger(third))
      return `an RTA answer needs an integer sequence and status: ${text.slice(0, 120)}`;
    if (kind === 1 && third === 0 && !Number.isInteger(frame[3]))
      return `a successful subscribe answer needs its subscription id: ${text.slice(0, 120)}`;
    return undefined;
  }
  if (kind === 3) {
    if (!Number.isInteger(second)) return `an RTA event needs the integer subscription id it belongs to: ${text.slice(0, 120)}`;
    const violations = toViolations(third, schemaRegistry().validate('RtaShoulderTaps', third));
    if (violations.length === 0) return undefined;
    return `an RTA event's data breaks the RtaShoulderTaps schema:\n${violations.map((v) => `    ${describeViolation(v)}`).join('\n')}`;
  }
  if (kind === 4) return undefined; // resync: the client re-reads what it follows
  return `an RTA frame of unknown kind ${JSON.stringify(kind)}: ${text.slice(0, 120)}`;
}

/** A frame's problem as a check failure, for the reports. */
export function rtaFrameFailure(problem: string): Failure<'rta-frame-is-documented'> {
  return failure('rta-frame-is-documented', { problem }, problem);
}
