/**
 * Renders build/icon.svg to the PNG sizes Linux uses, build/icon.ico and build/icon.icns, with Chromium.
 * The outputs are committed, so packaging needs neither this script nor a browser.
 *   node scripts/make-icons.ts
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeIcns, writeIco, type IconImage } from './icon-containers.ts';

const BUILD = resolve(import.meta.dirname, '../build');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** Runs in the page (kept as text: this file is type-checked for Node, without the DOM). */
const RENDER = `async (svg, size) => {
  const image = new Image(size, size);
  image.src = 'data:image/svg+xml;base64,' + btoa(svg);
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, size, size);
  const pixels = context.getImageData(0, 0, size, size).data;
  let rgba = '';
  for (let i = 0; i < pixels.length; i += 8192) rgba += String.fromCharCode(...pixels.subarray(i, i + 8192));
  return { png: canvas.toDataURL('image/png').split(',')[1], rgba: btoa(rgba) };
}`;

const svg = await readFile(join(BUILD, 'icon.svg'), 'utf8');
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><body></body>');
  const images: IconImage[] = [];
  for (const size of SIZES) {
    // Each size is drawn from the vector source, not scaled down from a large bitmap.
    const { png, rgba } = (await page.evaluate(`(${RENDER})(${JSON.stringify(svg)}, ${size})`)) as {
      png: string;
      rgba: string;
    };
    images.push({ size, png: Buffer.from(png, 'base64'), rgba: Buffer.from(rgba, 'base64') });
  }
  await mkdir(join(BUILD, 'icons'), { recursive: true });
  for (const image of images) await writeFile(join(BUILD, 'icons', `${image.size}x${image.size}.png`), image.png);
  await writeFile(join(BUILD, 'icon.ico'), writeIco(images.filter((i) => ICO_SIZES.includes(i.size))));
  await writeFile(join(BUILD, 'icon.icns'), writeIcns(images));
  console.log(`icons: ${images.length} PNG sizes, icon.ico, icon.icns in ${BUILD}`);
} finally {
  await browser.close();
}
