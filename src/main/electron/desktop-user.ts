import { userInfo, type UserInfo } from 'node:os';

/**
 * The OS account signed in to this computer, for "Remember me on this computer". Undefined when
 * the OS cannot say (no passwd entry in a container): then nobody is remembered, and sign-in works
 * as always.
 */
export function desktopUserName(read: () => Pick<UserInfo<string>, 'username'> = userInfo): string | undefined {
  try {
    const name = read().username.trim();
    return name ? name : undefined;
  } catch {
    return undefined;
  }
}
