import { BrowserWindow, session, shell } from 'electron';

/** Permissions the app's own pages may have: capture of the session audio. */
const ALLOWED_PERMISSIONS = new Set(['media', 'display-capture']);

function isOwnOrigin(url: string): boolean {
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  return (
    url.startsWith('file://') ||
    (devUrl !== undefined && url.startsWith(devUrl))
  );
}

/**
 * The renderer is untrusted: a strict CSP on every response, and permission
 * requests denied except microphone and display capture for our own pages.
 */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; " +
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    callback(
      ALLOWED_PERMISSIONS.has(permission) && isOwnOrigin(contents.getURL()),
    );
  });
  ses.setPermissionCheckHandler((contents, permission) => {
    return (
      ALLOWED_PERMISSIONS.has(permission) &&
      isOwnOrigin(contents?.getURL() ?? '')
    );
  });
}

/** No navigation away from the app and no new windows; links open outside. */
export function hardenWindow(window: BrowserWindow): void {
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnOrigin(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
