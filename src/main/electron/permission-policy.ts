import { isAppOriginUrl } from './app-origin.js';

/**
 * The console needs no camera, microphone, location, clipboard-read or device access; the only
 * thing it may ask for is desktop notifications (a call waiting, a booking to review), and only
 * from the app's own origin. `requesting` may be a URL or a bare origin, depending on the handler.
 */
export function isPermissionAllowed(permission: string, requesting: string, appOrigin: string): boolean {
  return permission === 'notifications' && isAppOriginUrl(requesting, appOrigin);
}
