import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CHECK_INTERVAL_MS, decideUpdates, UpdateController, type UpdateContext } from './updater';

const packaged: UpdateContext = { isPackaged: true, platform: 'win32', env: {}, argv: [], userEnabled: true };

describe('decideUpdates', () => {
  it('updates a packaged build when nothing says otherwise', () => {
    expect(decideUpdates(packaged)).toEqual({ enabled: true });
    expect(decideUpdates({ ...packaged, platform: 'darwin', env: { CI: 'false' } })).toEqual({ enabled: true });
    expect(decideUpdates({ ...packaged, platform: 'linux', env: { APPIMAGE: '/a/ModelsLab.AppImage' } })).toEqual({
      enabled: true,
    });
  });

  it('is off when run from source', () => {
    expect(decideUpdates({ ...packaged, isPackaged: false })).toEqual({ enabled: false, reason: 'development' });
  });

  it('is off in CI and tests', () => {
    for (const env of [{ CI: 'true' }, { CI: '1' }, { NODE_ENV: 'test' }]) {
      expect(decideUpdates({ ...packaged, env })).toEqual({ enabled: false, reason: 'test' });
    }
  });

  it('is off with the flag or the environment variable', () => {
    expect(decideUpdates({ ...packaged, argv: ['app', '--no-updates'] })).toEqual({ enabled: false, reason: 'flag' });
    expect(decideUpdates({ ...packaged, env: { MODELSLAB_AUTO_UPDATE: 'off' } })).toEqual({
      enabled: false,
      reason: 'flag',
    });
    expect(decideUpdates({ ...packaged, env: { MODELSLAB_AUTO_UPDATE: '1' } })).toEqual({ enabled: true });
  });

  it('is off when the user turned it off', () => {
    expect(decideUpdates({ ...packaged, userEnabled: false })).toEqual({ enabled: false, reason: 'setting' });
  });

  it('leaves .deb and .rpm installs to the package manager', () => {
    expect(decideUpdates({ ...packaged, platform: 'linux' })).toEqual({ enabled: false, reason: 'package-manager' });
  });
});

class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checkForUpdates = vi.fn(async (): Promise<unknown> => null);
  quitAndInstall = vi.fn();
}

function setup() {
  const updater = new FakeUpdater();
  const notify = vi.fn();
  const log = { info: vi.fn(), warn: vi.fn() };
  let tick: () => void = () => {};
  const timers = { setInterval: vi.fn((fn: () => void) => ((tick = fn), 7)), clearInterval: vi.fn() };
  const controller = new UpdateController({ updater, notify, log, timers });
  return { updater, notify, log, timers, controller, tick: () => tick() };
}

describe('UpdateController', () => {
  it('checks at start and every few hours, downloading in the background', () => {
    const { updater, timers, controller, tick } = setup();
    controller.start();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(timers.setInterval).toHaveBeenCalledWith(expect.any(Function), CHECK_INTERVAL_MS);
    expect(CHECK_INTERVAL_MS).toBeGreaterThanOrEqual(60 * 60 * 1000);
    tick();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    controller.stop();
    expect(timers.clearInterval).toHaveBeenCalledWith(7);
  });

  it('tells the windows once an update is downloaded, and restarts only then', () => {
    const { updater, notify, controller, tick } = setup();
    controller.start();
    controller.restart();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(notify).toHaveBeenCalledWith({ version: '0.2.0' });
    expect(controller.ready).toEqual({ version: '0.2.0' });
    tick();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    controller.restart();
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
  });

  it('logs a failed check instead of crashing or bothering the user', async () => {
    const { updater, notify, log, controller } = setup();
    updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_INTERNET_DISCONNECTED'));
    controller.start();
    updater.emit('error', new Error('404 latest.yml'));
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalledTimes(2));
    expect(notify).not.toHaveBeenCalled();
  });
});
