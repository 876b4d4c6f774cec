import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { resolveFunction } from 'app-builder-lib/out/util/resolve.js';
import { DebugLogger } from 'builder-util';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = process.cwd();

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is rejected by that validation when it has a typo, so the check above can fail', async () => {
    const config = { ...(await getConfig(root, null, null)), nsiss: { oneClick: false } };
    await expect(validateConfiguration(config as never, new DebugLogger(false))).rejects.toThrow(/nsiss/);
  });

  it('builds every installer the README lists, for both architectures', () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8'));
    const targets = (list: Array<{ target: string; arch: string[] }>) =>
      Object.fromEntries(list.map((t) => [t.target, t.arch]));
    expect(targets(config.linux.target)).toEqual({
      AppImage: ['x64', 'arm64'],
      deb: ['x64', 'arm64'],
      rpm: ['x64', 'arm64'],
    });
    expect(targets(config.mac.target)).toEqual({ dmg: ['arm64', 'x64'], zip: ['arm64', 'x64'] });
    expect(targets(config.win.target)).toEqual({ nsis: ['x64', 'arm64'] });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    expect(config).toMatchObject({ productName: 'ModelsLab Chat', asar: true, npmRebuild: true });
  });

  it('ships only the built app and package.json', () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8'));
    expect(config.files.filter((f: string) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    // Whatever is in dependencies ships inside the app; the renderer's libraries are bundled and must not.
    for (const bundled of ['react', 'react-dom', 'zustand', 'electron', '@electron/fuses', 'electron-builder']) {
      expect(pkg.dependencies[bundled], bundled).toBeUndefined();
    }
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('names an afterPack hook electron-builder can load', async () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8'));
    const hook = await resolveFunction(undefined, config.afterPack, 'afterPack', root);
    expect(hook).toBeTypeOf('function');
  });
});
