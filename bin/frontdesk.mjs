#!/usr/bin/env node
// The `frontdesk` command. Runs the compiled CLI (built by `npm ci` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/main/headless/cli-main.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('Frontdesk is not built yet. Run `npm run build` first.\n');
  process.exit(2);
}
await import(cli.href);
