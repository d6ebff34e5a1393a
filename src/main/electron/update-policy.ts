/** Six hours: an appliance runs for months, so one check at launch is not enough. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * Only packaged builds carry the update feed (app-update.yml); a dev run would just log a
 * missing-file error. `FRONTDESK_DISABLE_UPDATES=1` lets an IT department pin a version.
 */
export function shouldCheckForUpdates(input: { isPackaged: boolean; env: NodeJS.ProcessEnv }): boolean {
  if (!input.isPackaged) return false;
  const disabled = input.env.FRONTDESK_DISABLE_UPDATES;
  return !(disabled !== undefined && disabled !== '' && disabled !== '0' && disabled.toLowerCase() !== 'false');
}
