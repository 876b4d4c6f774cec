/**
 * The window's guards, as plain functions over the few members of Electron's objects they use, so they are unit
 * tested with fake events and the browser harness runs the same sender check.
 */

/** The part of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  /** null for a top frame. */
  readonly parent: unknown;
}

export interface PreventableLike {
  preventDefault(): void;
}

/** The part of Electron's WebContents the guards hook into. */
export interface ContentsLike {
  onNavigate(listener: (event: PreventableLike, url: string) => void): void;
  onAttachWebview(listener: (event: PreventableLike) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export type UrlCheck = (url: string) => boolean;

/** Whether a URL is one of the app's own pages: same scheme and host as `appBase` (e.g. `app://bundle/`). */
export function appUrlCheck(appBase: string): UrlCheck {
  return (url) => {
    try {
      const parsed = new URL(url);
      return `${parsed.protocol}//${parsed.host}/` === appBase && !parsed.username && !parsed.password;
    } catch {
      return false;
    }
  };
}

/** Only the app's own top frame, showing the app's own page, may call main. */
export function isTrustedSender(frame: FrameLike | null | undefined, isAppUrl: UrlCheck): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

export type Blocked = (what: 'navigation' | 'window' | 'webview', url: string) => void;

/**
 * The window never leaves the app: navigation (and server redirects of it) anywhere but the app's own pages is
 * stopped, every window.open is denied and <webview> is refused. Links open in the OS browser only through
 * `app.openExternal`, where main checks them; a navigation is never turned into one, since a compromised page
 * could use it to skip those checks.
 */
export function guardContents(contents: ContentsLike, isAppUrl: UrlCheck, blocked: Blocked = () => {}): void {
  contents.onNavigate((event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    blocked('navigation', url);
  });
  contents.onAttachWebview((event) => {
    event.preventDefault();
    blocked('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    blocked('window', url);
    return { action: 'deny' };
  });
}

/** Every permission request is refused: copying goes through main (`app.copyText`), so not even the clipboard. */
export function refusePermission(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** Every permission check answers no. */
export function refusePermissionCheck(): boolean {
  return false;
}
