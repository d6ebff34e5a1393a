#!/usr/bin/env node
// Part of `npm run setup`: dependencies are installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 so an
// offline machine can still install; this then tries to fetch the desktop binary. Failing is
// fine: without it Frontdesk runs headless, so this always exits 0.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const timeoutMs = Number(process.env.FRONTDESK_ELECTRON_FETCH_TIMEOUT_MS) || 120_000;

if (installedBinary()) {
  process.stdout.write("Electron's desktop binary is already installed.\n");
  process.exit(0);
}

let installScript;
try {
  installScript = require.resolve('electron/install.js');
} catch {
  headlessNote('the electron package is not installed (run npm run setup)');
}

const env = { ...process.env };
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
process.stdout.write(`Fetching Electron's desktop binary (up to ${Math.ceil(timeoutMs / 1000)} s)…\n`);
// stderr is kept so a failure reads as one line instead of the installer's stack trace.
const result = spawnSync(process.execPath, [installScript], {
  cwd: root,
  env,
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
  timeout: timeoutMs,
});

if (result.error?.code === 'ETIMEDOUT') headlessNote(`the download did not finish within ${Math.ceil(timeoutMs / 1000)} s`);
if (result.error) headlessNote(result.error.message);
if (result.status !== 0) headlessNote(firstLine(result.stderr) ?? `the installer exited with ${result.status ?? result.signal}`);
const binary = installedBinary();
if (!binary) headlessNote('the installer finished but no binary was found');
process.stdout.write(`Electron's desktop binary is installed (${path.relative(root, binary)}); npm start opens the desktop app.\n`);

/** Resolved in a fresh process: this one may have cached the package's "not installed" state. */
function installedBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
  });
  const binary = probe.status === 0 ? probe.stdout.trim() : '';
  return binary && existsSync(binary) ? binary : null;
}

function firstLine(text) {
  const line = (text ?? '').split('\n').find((candidate) => candidate.trim() !== '');
  return line?.trim();
}

function headlessNote(reason) {
  process.stderr.write(
    `\nNote: Electron's desktop binary could not be fetched (${reason}).\n` +
      'Frontdesk will run headless: npm start serves the console to your browser and prints its URL.\n' +
      'To get the desktop app later, run: node scripts/fetch-electron.mjs\n',
  );
  process.exit(0);
}
