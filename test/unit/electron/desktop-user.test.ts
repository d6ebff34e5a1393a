import { describe, expect, it } from 'vitest';
import { desktopUserName } from '../../../src/main/electron/desktop-user.js';

describe('desktopUserName', () => {
  it('is the OS account name, or nothing when the OS cannot say', () => {
    expect(desktopUserName(() => ({ username: 'dana' }))).toBe('dana');
    expect(desktopUserName(() => ({ username: '  ' }))).toBeUndefined();
    expect(desktopUserName(() => {
      throw new Error('ENOENT: no passwd entry');
    })).toBeUndefined();
  });
});
