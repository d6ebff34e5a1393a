import { homedir } from 'node:os';
import { join } from 'node:path';

/** The OS app-data folder, the same place Electron's `userData` points for productName "Frontdesk". */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Frontdesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Frontdesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Frontdesk');
}
