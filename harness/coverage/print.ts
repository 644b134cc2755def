import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportsDir } from '../config';

/** The second half of `npm run coverage:contract`: print what the conformance run just wrote. */
process.stdout.write(readFileSync(join(reportsDir(), 'contract-coverage.md'), 'utf8'));
