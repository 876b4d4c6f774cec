/**
 * electron-builder afterPack hook: flips Electron's fuses in the packaged binary. It runs after the app is copied
 * and its ASAR integrity recorded, and before code signing, so the signature covers the flipped binary.
 */
import { flipFuses } from '@electron/fuses';
import { Arch, type AfterPackContext } from 'electron-builder';
import { join } from 'node:path';
import { fuseConfig } from './fuses.ts';

export function electronBinary(context: AfterPackContext): string {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  // Only the Linux packager has an executable name (productName lower-cased, by default).
  return join(appOutDir, (packager as unknown as { executableName: string }).executableName);
}

export async function afterPack(context: AfterPackContext): Promise<void> {
  const binary = electronBinary(context);
  const flipped = await flipFuses(binary, fuseConfig(context.electronPlatformName, Arch[context.arch]));
  console.log(`  • fuses set in ${binary} (${flipped} changed)`);
}

export default afterPack;
