#!/usr/bin/env node
// `npm start` (after the build): the desktop app where Electron's binary is installed, otherwise
// the same core headless with the console in a browser. Arguments and environment pass through.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const launch = chooseLaunch();
if (launch.mode === 'desktop') {
  runDesktop(launch.electron);
} else {
  process.stderr.write(`${launch.reason}\n`);
  await runHeadless();
}

function chooseLaunch() {
  if (isSet(process.env.FRONTDESK_HEADLESS)) {
    return { mode: 'headless', reason: 'FRONTDESK_HEADLESS is set, so Frontdesk runs headless.' };
  }
  const electron = electronBinary();
  if (!electron) {
    return {
      mode: 'headless',
      reason:
        "Electron's desktop binary is not installed, so Frontdesk runs headless " +
        '(to get the desktop app: node scripts/fetch-electron.mjs).',
    };
  }
  // Electron on a Linux box without a display (a server, SSH, CI) would just crash at startup.
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { mode: 'headless', reason: 'No display is available (DISPLAY/WAYLAND_DISPLAY unset), so Frontdesk runs headless.' };
  }
  return { mode: 'desktop', electron };
}

/** The electron package exports the binary's path, but throws when the download never happened. */
function electronBinary() {
  try {
    const binary = createRequire(path.join(root, 'package.json'))('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function runDesktop(electron) {
  const env = { ...process.env };
  // Inherited from an editor's terminal, this would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, [root, ...args], { stdio: 'inherit', env, windowsHide: false });
  // Ctrl+C reaches both processes; Electron quits cleanly on its own, so the launcher just waits.
  // A signal sent to the launcher alone (a service manager) is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    process.stderr.write(`Could not launch Electron (${error.message}).\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

async function runHeadless() {
  const entry = path.join(root, 'dist', 'main', 'headless', 'main.js');
  if (!existsSync(entry)) {
    process.stderr.write(`${path.relative(process.cwd(), entry)} is missing; run npm run build first.\n`);
    process.exit(1);
  }
  // The entry reads process.argv.slice(2), which already holds the pass-through arguments.
  process.argv[1] = entry;
  await import(pathToFileURL(entry).href);
}

function isSet(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
