#!/usr/bin/env node

// The CLI runs the TypeScript sources through tsx, so it never lags behind an edit and needs no build step.
require('tsx/cjs/api').register();
require('../functions/commons/quiet-aws-sdk-node-warning');
const { runCli } = require('../functions/cli/main');

runCli(process.argv.slice(2)).then((exitCode) => {
  process.exitCode = exitCode;
});
