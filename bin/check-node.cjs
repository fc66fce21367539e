#!/usr/bin/env node
// The Node version check that runs before anything else (bin/gigops.js, and
// the npm scripts that need a new Node). Plain old JavaScript on purpose: it
// must parse and run on the old Node it is there to turn away.
'use strict';

// No node: prefix (Node >= 14.18): this must load on any Node.
// biome-ignore lint/style/useNodejsImportProtocol: see above
var fs = require('fs');
// biome-ignore lint/style/useNodejsImportProtocol: see above
var path = require('path');

// Keep in step with package.json "engines" and .nvmrc (test/check-node.test.ts).
var MINIMUM = [22, 12];
var RECOMMENDED = 24;

/**
 * The one-line reason this Node cannot run gigops, or null when it can.
 * `rerun` is the command the user ran, to show it run with Node 24 by npx.
 */
function nodeVersionProblem(version, execPath, rerun) {
  var bare = String(version).replace(/^v/, '');
  var parts = bare.split('.');
  var major = Number(parts[0]);
  var minor = Number(parts[1]) || 0;
  if (major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1])) return null;
  return (
    `gigops needs Node.js >= ${MINIMUM.join('.')} (Node ${RECOMMENDED} LTS recommended)` +
    `; this is Node ${bare}${execPath ? ` (${execPath})` : ''}` +
    `. Get Node ${RECOMMENDED} with \`nvm install\` (the repository's .nvmrc says ${RECOMMENDED})` +
    ' or from https://nodejs.org/en/download, or run once with it:' +
    ` \`npx -p node@${RECOMMENDED} -- ${rerun || '<your command>'}\`.`
  );
}

/** What the user ran: the npm script (npm start, npm run bench…), else node and the script. */
function rerunCommand(env, argv, cwd) {
  var event = env.npm_lifecycle_event;
  if (event && event !== 'npx') {
    return /^(start|stop|restart|test)$/.test(event) ? `npm ${event}` : `npm run ${event}`;
  }
  if (!argv[1]) return undefined;
  var file = argv[1];
  try {
    file = fs.realpathSync(file); // npx runs bin/gigops.js through a link in its cache
  } catch (_error) {}
  var script = path.relative(cwd, file);
  if (script.indexOf('..') === 0 || path.isAbsolute(script)) script = file;
  return ['node', script].concat(argv.slice(2)).join(' ');
}

/** Prints the problem on stderr and exits 1 on an old Node; does nothing on a new one. */
function exitUnlessSupported() {
  var problem = nodeVersionProblem(
    process.versions.node,
    process.execPath,
    rerunCommand(process.env, process.argv, process.cwd()),
  );
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}

module.exports = {
  MINIMUM: MINIMUM,
  RECOMMENDED: RECOMMENDED,
  nodeVersionProblem: nodeVersionProblem,
  rerunCommand: rerunCommand,
  exitUnlessSupported: exitUnlessSupported,
};

if (require.main === module) exitUnlessSupported();
