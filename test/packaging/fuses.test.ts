import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, type AfterPackContext } from 'electron-builder';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { afterPack, electronBinary } from '../../scripts/after-pack.ts';
import { FUSE_SETTINGS, fuseConfig } from '../../scripts/fuses.ts';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stand-in for the Electron binary: some bytes, the fuse sentinel, wire version 1 and nine fuses at defaults. */
function fakeElectron(path: string): void {
  const defaults = [1, 0, 1, 1, 0, 0, 0, 1, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
  writeFileSync(
    path,
    Buffer.concat([Buffer.from('\x7fELF…'), Buffer.from(SENTINEL), Buffer.from([1, 9, ...defaults])]),
  );
}

function context(appOutDir: string, electronPlatformName: string, arch: Arch): AfterPackContext {
  const packager = { appInfo: { productFilename: 'ModelsLab Chat' }, executableName: 'modelslab-chat' };
  return { appOutDir, electronPlatformName, arch, packager } as unknown as AfterPackContext;
}

describe('fuses', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are exactly the six the release hardening asks for', () => {
    const wanted = {
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    };
    expect(Object.fromEntries(FUSE_SETTINGS.map(([fuse, value]) => [fuse, value]))).toEqual(wanted);
    expect(fuseConfig('linux', 'x64')).toMatchObject({ ...wanted, resetAdHocDarwinSignature: false });
  });

  it('re-sign ad hoc only on arm64 macOS', () => {
    expect(fuseConfig('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('darwin', 'x64').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('win32', 'arm64').resetAdHocDarwinSignature).toBe(false);
  });

  it('finds the Electron binary of each platform', () => {
    expect(electronBinary(context('/o', 'darwin', Arch.arm64))).toBe(join('/o', 'ModelsLab Chat.app'));
    expect(electronBinary(context('/o', 'win32', Arch.x64))).toBe(join('/o', 'ModelsLab Chat.exe'));
    expect(electronBinary(context('/o', 'linux', Arch.x64))).toBe(join('/o', 'modelslab-chat'));
  });

  it('the afterPack hook flips them in the packaged binary', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fuses-'));
    fakeElectron(join(dir, 'modelslab-chat'));
    await afterPack(context(dir, 'linux', Arch.x64));
    const wire = await getCurrentFuseWire(join(dir, 'modelslab-chat'));
    const state = (on: boolean) => (on ? FuseState.ENABLE : FuseState.DISABLE);
    for (const [fuse, value] of FUSE_SETTINGS) expect(wire[fuse], FuseV1Options[fuse]).toBe(state(value));
    // Fuses not on the list keep Electron's defaults.
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE);
  });
});
