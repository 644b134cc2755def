#!/usr/bin/env node
'use strict';
// The harness's command line. Plain JavaScript so that it can say clearly when Node is too old,
// before anything that needs a newer Node (mocha 12, require of ES modules) is loaded.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`mpsd-harness needs Node.js 20.19 or later; this is ${process.version}. Install a newer Node (https://nodejs.org) and run npm ci again.\n`);
  process.exit(2);
}
require('tsx/cjs');
require('../harness/cli/main.ts').cli(process.argv.slice(2));
