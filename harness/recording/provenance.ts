import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_JSON, SCHEMAS_DIR } from '../layout';

const PACKAGE = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };

export interface Provenance {
  harnessVersion: string;
  /** sha256 (first 16 hex) of each schema file the recording was checked against. */
  schemaHashes: Record<string, string>;
  /** Where the responses came from; never the URL's credentials or the token. */
  target: 'emulator' | 'live';
  recordedAt: string;
}

let hashes: Record<string, string> | undefined;

function schemaHashes(): Record<string, string> {
  hashes ??= Object.fromEntries(
    readdirSync(SCHEMAS_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(SCHEMAS_DIR, f)))
          .digest('hex')
          .slice(0, 16),
      ]),
  );
  return hashes;
}

export function provenance(target: 'emulator' | 'live', now: Date = new Date()): Provenance {
  return { harnessVersion: PACKAGE.version, schemaHashes: schemaHashes(), target, recordedAt: now.toISOString() };
}
