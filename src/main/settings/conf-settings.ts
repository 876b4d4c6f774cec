import Conf from 'conf';
import { join } from 'node:path';
import { openSettings, type SettingsStore } from './settings-store';

/** Settings on `conf`, which runs in plain Node; the app passes electron-store (built on conf) instead. */
export function confSettings(dir: string): SettingsStore {
  return openSettings(join(dir, 'config.json'), () => new Conf({ cwd: dir, configName: 'config' }));
}
