import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * Electron features a packaged app does not need, switched off in the binary itself so that no environment
 * variable, command-line argument or edited file can switch them back on.
 */
export const FUSE_SETTINGS: ReadonlyArray<readonly [FuseV1Options, boolean, string]> = [
  [FuseV1Options.RunAsNode, false, 'ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node.js'],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false, 'NODE_OPTIONS could preload code into main'],
  [FuseV1Options.EnableNodeCliInspectArguments, false, '--inspect would open a debugger port into main'],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true, 'app.asar must match the hash in the signed binary'],
  [FuseV1Options.OnlyLoadAppFromAsar, true, 'no app folder next to app.asar is loaded instead of it'],
  [FuseV1Options.EnableCookieEncryption, true, 'cookies on disk are encrypted with an OS-protected key'],
];

/** The @electron/fuses configuration for one packaged app. */
export function fuseConfig(platform: string, arch: string): FuseV1Config {
  const config: FuseV1Config = {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature every arm64 macOS binary needs; re-sign it ad hoc (the real
    // signing, when configured, happens after this hook).
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
  };
  for (const [fuse, value] of FUSE_SETTINGS) config[fuse] = value;
  return config;
}
