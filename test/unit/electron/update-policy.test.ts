import { describe, expect, it } from 'vitest';
import { shouldCheckForUpdates } from '../../../src/main/electron/update-policy.js';

describe('shouldCheckForUpdates', () => {
  it('never checks from a development run', () => {
    expect(shouldCheckForUpdates({ isPackaged: false, env: {} })).toBe(false);
  });

  it('checks from a packaged build by default', () => {
    expect(shouldCheckForUpdates({ isPackaged: true, env: {} })).toBe(true);
  });

  it.each(['1', 'true', 'yes'])('can be turned off with FRONTDESK_DISABLE_UPDATES=%s', (value) => {
    expect(shouldCheckForUpdates({ isPackaged: true, env: { FRONTDESK_DISABLE_UPDATES: value } })).toBe(false);
  });

  it.each(['', '0', 'false', 'FALSE'])('stays on for FRONTDESK_DISABLE_UPDATES=%j', (value) => {
    expect(shouldCheckForUpdates({ isPackaged: true, env: { FRONTDESK_DISABLE_UPDATES: value } })).toBe(true);
  });
});
