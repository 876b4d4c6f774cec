'use strict';
/*
 * Runs first in `npm start`, `npm run dev`, `npm run dist`, `npm test` and .ci/run: says at once, before anything
 * fails late with a puzzling error, when this Node is too old and how to get a newer one.
 * It must itself run on old Node, so it is plain CommonJS in ES2019 syntax (eslint.config.js holds it to that).
 * The minimum is package.json's `engines.node`, so it is written in one place.
 *   node scripts/check-node.cjs [--quiet]    exit 0: this Node is new enough; 1: it is not (printed unless --quiet)
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

function parse(version) {
  const parts = String(version).replace(/^v/, '').split('.');
  return [0, 1, 2].map((i) => Number(parts[i]) || 0);
}

function atLeast(version, minimum) {
  for (let i = 0; i < 3; i += 1) {
    if (version[i] !== minimum[i]) return version[i] > minimum[i];
  }
  return true;
}

/** `engines.node` is kept to the one form this reads: ">=MAJOR.MINOR[.PATCH]". */
function minimumFromEngines() {
  const range = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;
  const match = /^>=\s*(\d+\.\d+(\.\d+)?)$/.exec(range.trim());
  if (!match) throw new Error(`check-node: package.json engines.node must look like ">=22.18", not "${range}"`);
  return match[1];
}

function nvmrc() {
  try {
    return fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();
  } catch {
    return 'a current LTS';
  }
}

/** The command the user ran, so the message can say exactly what to run again. */
function retryCommand() {
  const script = process.env.npm_lifecycle_event;
  if (!script) return null;
  return script === 'start' || script === 'test' ? `npm ${script}` : `npm run ${script}`;
}

function message(minimum) {
  const wanted = nvmrc();
  const retry = retryCommand();
  const lines = [
    `ModelsLab Chat needs Node.js ${minimum} or newer, and this is Node.js ${process.version.replace(/^v/, '')}` +
      ` (${process.execPath}).`,
    'Its SQLite module is a Node-API 10 addon, which Node has from 22.14 on, and its build and test scripts are',
    'TypeScript files that Node runs by itself from 22.18 on.',
    `To get a newer one: with nvm, fnm or Volta, run \`nvm install\` (or \`fnm use\`) in this folder, which reads`,
    `.nvmrc (Node ${wanted}); on Linux without a version manager, run \`source scripts/node-env.sh\`, which puts`,
    `Node ${wanted} from the npm registry first on PATH for this shell; or install it from https://nodejs.org.`,
  ];
  if (retry) lines.push(`Then run \`${retry}\` again.`);
  return lines.join('\n');
}

const minimum = minimumFromEngines();
if (!atLeast(parse(process.version), parse(minimum))) {
  if (process.argv.indexOf('--quiet') === -1) console.error(`\n${message(minimum)}\n`);
  process.exit(1);
}
