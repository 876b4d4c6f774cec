import { describe, expect, it, vi } from 'vitest';
import { APP_BASE } from './app-scheme';
import {
  appUrlCheck,
  guardContents,
  isTrustedSender,
  refusePermission,
  refusePermissionCheck,
  type ContentsLike,
  type PreventableLike,
} from './window-guards';

const isAppUrl = appUrlCheck(APP_BASE);

/** A WebContents stand-in that lets a test fire the events Electron would. */
function fakeContents() {
  const handlers: {
    navigate?: (e: PreventableLike, url: string) => void;
    webview?: (e: PreventableLike) => void;
    open?: (d: { url: string }) => { action: 'deny' };
  } = {};
  const contents: ContentsLike = {
    onNavigate: (l) => void (handlers.navigate = l),
    onAttachWebview: (l) => void (handlers.webview = l),
    setWindowOpenHandler: (h) => void (handlers.open = h),
  };
  const event = () => ({ preventDefault: vi.fn() });
  return { contents, handlers, event };
}

describe('which URLs are the app', () => {
  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/assets/index-abc.js', true],
    ['app://bundle/index.html#/chat', true],
    ['app://other/index.html', false],
    ['app://user@bundle/index.html', false],
    ['file:///opt/app/resources/app.asar/out/renderer/index.html', false],
    ['https://bundle/index.html', false],
    ['http://localhost:5173/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));

  it('follows the dev server’s origin when there is one', () => {
    expect(appUrlCheck('http://localhost:5173/')('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(appUrlCheck('http://localhost:5173/')('http://localhost:5174/')).toBe(false);
  });
});

describe('the sender check', () => {
  it('accepts only the app’s own top frame', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: null }, isAppUrl)).toBe(true);
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: {} }, isAppUrl)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, isAppUrl)).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', parent: null }, isAppUrl)).toBe(false);
    expect(isTrustedSender(null, isAppUrl)).toBe(false);
    expect(isTrustedSender(undefined, isAppUrl)).toBe(false);
  });
});

describe('guardContents', () => {
  it('lets the app navigate within itself and stops every other navigation without opening it', () => {
    const { contents, handlers, event } = fakeContents();
    const blocked = vi.fn();
    guardContents(contents, isAppUrl, blocked);
    const inside = event();
    handlers.navigate!(inside, 'app://bundle/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://evil/']) {
      const e = event();
      handlers.navigate!(e, url);
      expect(e.preventDefault, url).toHaveBeenCalledOnce();
    }
    expect(blocked).toHaveBeenCalledTimes(4);
    expect(blocked).toHaveBeenCalledWith('navigation', 'https://evil.example/');
  });

  it('denies every new window, even one for the app’s own page, and refuses webviews', () => {
    const { contents, handlers, event } = fakeContents();
    guardContents(contents, isAppUrl);
    expect(handlers.open!({ url: 'https://modelslab.com' })).toEqual({ action: 'deny' });
    expect(handlers.open!({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
    const e = event();
    handlers.webview!(e);
    expect(e.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('permissions', () => {
  it.each([
    'clipboard-read',
    'clipboard-sanitized-write',
    'media',
    'notifications',
    'geolocation',
    'hid',
    'openExternal',
  ])('refuses %s', (permission) => {
    const callback = vi.fn();
    refusePermission({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(refusePermissionCheck()).toBe(false);
  });
});
