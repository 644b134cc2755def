import { SECRET_PATTERNS } from '../secrets';
import { type Check, failure } from './failure';

/**
 * A service never sends a credential back: a token echoed in a header or an error body ends up in
 * logs and reports. Exchanges reach checks with secrets already replaced by <redacted...>, so the
 * marker itself is the evidence; a raw token (an exchange not yet redacted) is too.
 */
export const responseCarriesNoCredential: Check = (e) => {
  const places = [
    ...Object.entries(e.response.headers).map(([name, value]) => [`header ${name}`, value] as const),
    ['body', e.response.text] as const,
  ];
  for (const [where, text] of places) {
    const leaked = text.includes('<redacted') || SECRET_PATTERNS.some(({ pattern }) => new RegExp(pattern.source).test(text));
    if (leaked)
      return failure(
        'response-carries-no-credential',
        { where },
        `the response echoes a credential in its ${where} (shown redacted); a service must never send a token back`,
      );
  }
  return undefined;
};
