import type { Session } from 'electron';
import { shouldApplySecurityHeaders, withSecurityHeaders } from './csp.js';
import { isPermissionAllowed } from './permission-policy.js';

/**
 * Session-wide locks that no single window can forget: permissions (only notifications, only
 * from the app) and the CSP on any HTTP response, should one ever reach a renderer.
 */
export function secureSession(session: Session, appOrigin: string, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl, appOrigin);
    if (!allowed) log(`denied permission request: ${permission}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!shouldApplySecurityHeaders(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
}
